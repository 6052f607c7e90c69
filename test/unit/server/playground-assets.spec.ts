import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlaygroundAssets } from '../../../src/server/playground-assets';

describe('loadPlaygroundAssets', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pg-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is null when the bundle was not built', () => {
    expect(loadPlaygroundAssets(dir)).toBeNull();
  });

  it('loads the bundle, keeps well-formed tabs and versions by content', () => {
    writeFileSync(join(dir, 'playground.js'), 'js');
    writeFileSync(join(dir, 'playground.css'), 'css');
    writeFileSync(join(dir, 'operations.json'), JSON.stringify([{ title: 'A', query: 'query A { x }' }, { title: 3 }]));
    const loaded = loadPlaygroundAssets(dir);
    expect(loaded?.tabs).toEqual([{ title: 'A', query: 'query A { x }' }]);
    expect(loaded?.version).toMatch(/^[0-9a-f]{16}$/);
    writeFileSync(join(dir, 'playground.js'), 'js2');
    expect(loadPlaygroundAssets(dir)?.version).not.toBe(loaded?.version);
  });
});
