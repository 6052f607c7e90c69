/**
 * scripts/ensure-build.js on a throwaway project tree: which build steps are stale (content of
 * their inputs, missing outputs), that only those run and get stamped, that a failed step stays
 * stale, and the lock between concurrent builders. The build commands are replaced by a fake that
 * writes the outputs, so nothing here runs tsc or esbuild.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LOCK, STAMPS, TARGETS, ensureBuild, staleTargets } from '../../../scripts/ensure-build';

let root = '';
const ran: string[][] = [];

function put(rel: string, content: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), content);
}

/** Stands in for tsc and esbuild: writes every output of the target whose command this is. */
function fakeRun(argv: string[]): void {
  ran.push(argv);
  const target = argv.includes('tsconfig.build.json') ? TARGETS[0] : TARGETS[1];
  for (const file of target?.outputs(root) ?? []) put(file, 'built');
}

const stale = () => staleTargets(root).map(({ target, reason }) => `${target.name}: ${reason}`);
const build = (force = false) => ensureBuild({ root, force, run: fakeRun, log: () => undefined });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ensure-build-'));
  ran.length = 0;
  put('src/server/main.ts', 'export {};\n');
  put('src/emulator/main.ts', 'export {};\n');
  put('src/types.d.ts', 'declare const x: number;\n');
  put('operations/list.graphql', 'query List { regions { regionId } }\n');
  put('scripts/build-playground.mjs', '// bundler\n');
  put('scripts/build-playground.client.jsx', '// page\n');
  for (const file of ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json']) put(file, '{}\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('staleness', () => {
  it('a fresh clone builds everything once; then nothing is stale and nothing runs', () => {
    expect(stale()).toEqual(['server: not built', 'playground: not built']);
    expect(build()).toEqual(['server', 'playground']);
    expect(stale()).toEqual([]);
    expect(build()).toEqual([]);
    expect(ran).toHaveLength(2);
  });

  it('tsc outputs are one .js per .ts of src (declarations excepted)', () => {
    expect(TARGETS[0]?.outputs(root).sort()).toEqual([join('dist', 'emulator', 'main.js'), join('dist', 'server', 'main.js')]);
  });

  it('a changed source rebuilds only the server; a changed operation only the playground; the lock file both', () => {
    build();
    put('src/server/main.ts', 'export const changed = 1;\n');
    expect(stale()).toEqual(['server: inputs changed']);
    expect(build()).toEqual(['server']);

    put('operations/list.graphql', 'query List { regions { regionId localName } }\n');
    expect(stale()).toEqual(['playground: inputs changed']);
    expect(build()).toEqual(['playground']);

    put('package-lock.json', '{"lockfileVersion":3}\n');
    expect(stale()).toEqual(['server: inputs changed', 'playground: inputs changed']);
  });

  it('content decides, not mtimes: a touch rebuilds nothing', () => {
    build();
    const future = new Date(Date.now() + 3_600_000);
    utimesSync(join(root, 'src/server/main.ts'), future, future);
    utimesSync(join(root, 'package-lock.json'), future, future);
    expect(stale()).toEqual([]);
  });

  it('an added, a deleted or a renamed source is a change', () => {
    build();
    put('src/extra.ts', 'export {};\n');
    expect(stale()).toEqual(['server: missing dist/extra.js']);
    build();
    rmSync(join(root, 'src/extra.ts'));
    expect(stale()).toEqual(['server: inputs changed']);
    build();
    // Same content, other name: the outputs exist (from before), the input set differs.
    put('src/extra.ts', 'export {};\n');
    build();
    rmSync(join(root, 'src/extra.ts'));
    put('src/other.ts', 'export {};\n');
    put('dist/other.js', 'stale copy');
    expect(stale()).toEqual(['server: inputs changed']);
  });

  it('the outputs of a removed or renamed module are deleted when the server builds; the playground bundle stays', () => {
    put('src/old-name.ts', 'export {};\n');
    build();
    put('dist/old-name.js.map', '{}');
    rmSync(join(root, 'src/old-name.ts'));
    put('src/new-name.ts', 'export {};\n');
    build();
    expect(existsSync(join(root, 'dist/old-name.js'))).toBe(false);
    expect(existsSync(join(root, 'dist/old-name.js.map'))).toBe(false);
    expect(existsSync(join(root, 'dist/new-name.js'))).toBe(true);
    expect(existsSync(join(root, 'dist/server/main.js'))).toBe(true);
    expect(existsSync(join(root, 'dist/playground/playground.js'))).toBe(true);
  });

  it('a deleted output is rebuilt even though the inputs did not change', () => {
    build();
    rmSync(join(root, 'dist/playground/operations.json'));
    expect(stale()).toEqual(['playground: missing dist/playground/operations.json']);
  });

  it('--force runs every step', () => {
    build();
    expect(build(true)).toEqual(['server', 'playground']);
    expect(ran).toHaveLength(4);
  });
});

describe('failures and concurrency', () => {
  it('a failed step is not stamped: it stays stale, and the lock is released', () => {
    build();
    put('src/server/main.ts', 'export const broken = ;\n');
    const failing = () =>
      ensureBuild({
        root,
        log: () => undefined,
        run: () => {
          throw new Error('tsc failed (2)');
        },
      });
    expect(failing).toThrow('tsc failed (2)');
    expect(existsSync(join(root, LOCK))).toBe(false);
    // Even reverting the source does not trust the half-written dist/ of the failed run.
    put('src/server/main.ts', 'export {};\n');
    expect(stale()).toEqual(['server: not built']);
  });

  it('a lock left by a process that is gone is taken over', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    put(LOCK, dead.stdout);
    expect(build()).toEqual(['server', 'playground']);
    expect(existsSync(join(root, LOCK))).toBe(false);
  });

  it('a lock held by a live builder is waited for (here: until the timeout), nothing runs meanwhile', () => {
    put(LOCK, String(process.pid));
    const lines: string[] = [];
    expect(() => ensureBuild({ root, run: fakeRun, log: (l) => lines.push(l), lockTimeoutMs: 300 })).toThrow(/held by pid/);
    expect(lines).toEqual([`build: waiting for the build of pid ${process.pid}`]);
    expect(ran).toEqual([]);
    expect(readFileSync(join(root, LOCK), 'utf8')).toBe(String(process.pid));
  });
});

describe('the real steps', () => {
  it('tsc is incremental; its build info is dropped when forced or when an output is missing', () => {
    const server = TARGETS[0];
    if (!server) throw new Error('no server target');
    build();
    put('dist/.tsbuildinfo', '{}');
    const argv = server.command(root, false);
    expect(argv.slice(2)).toEqual(['-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', join('dist', '.tsbuildinfo')]);
    expect(existsSync(join(root, 'dist/.tsbuildinfo'))).toBe(true);

    rmSync(join(root, 'dist/server/main.js'));
    server.command(root, false);
    expect(existsSync(join(root, 'dist/.tsbuildinfo'))).toBe(false);

    put('dist/.tsbuildinfo', '{}');
    put('dist/server/main.js', 'built');
    server.command(root, true);
    expect(existsSync(join(root, 'dist/.tsbuildinfo'))).toBe(false);
  });

  it('stamps live in dist/, so deleting dist/ means a full build', () => {
    build();
    expect(JSON.parse(readFileSync(join(root, STAMPS), 'utf8'))).toEqual({ server: expect.stringMatching(/^[0-9a-f]{64}$/), playground: expect.stringMatching(/^[0-9a-f]{64}$/) });
    rmSync(join(root, 'dist'), { recursive: true });
    expect(stale()).toEqual(['server: not built', 'playground: not built']);
  });
});
