/**
 * The standalone emulator (`npm run emulator`) as a function: environment in, listening server
 * and startup lines out. The compiled CLI wrapper only adds signal handling.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../../src/emulator/config';
import { generateSeed, parseSeed } from '../../../src/emulator/domain';
import type { RunningEmulator } from '../../../src/emulator';
import { runStandalone } from '../../../src/emulator/standalone';
import { SignedClient } from '../../support/signed-client';

const noErrors = (message: string, error: unknown) => {
  throw new Error(`unexpected internal error: ${message} ${String(error)}`);
};

describe('runStandalone', () => {
  let running: RunningEmulator | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('serves signed calls with the configured key, and never prints a configured secret', async () => {
    const lines: string[] = [];
    running = await runStandalone(
      {
        VPC_EMULATOR_PORT: '0',
        VPC_EMULATOR_ACCESS_KEY_ID: 'LTAIStandaloneKey',
        VPC_EMULATOR_ACCESS_KEY_SECRET: 'a-configured-secret',
      },
      (line) => lines.push(line),
      noErrors,
    );
    expect(lines[0]).toBe(`VPC emulator (2016-04-28) listening on http://127.0.0.1:${running.port}`);
    expect(lines.join('\n')).toContain('LTAIStandaloneKey');
    expect(lines.join('\n')).not.toContain('a-configured-secret');

    const client = new SignedClient({ url: running.url, accessKeyId: 'LTAIStandaloneKey', accessKeySecret: 'a-configured-secret' });
    try {
      expect((await client.call('DescribeRegions', {})).status).toBe(200);
    } finally {
      await client.close();
    }
  });

  it('prints the default secret (public anyway) so a first run works out of the box', async () => {
    const lines: string[] = [];
    running = await runStandalone({ VPC_EMULATOR_PORT: '0' }, (line) => lines.push(line), noErrors);
    expect(lines.join('\n')).toContain('EmulatorAccessKeySecret (the public default)');
  });

  it('loads VPC_EMULATOR_SEED', async () => {
    dir = mkdtempSync(join(tmpdir(), 'emulator-seed-'));
    const path = join(dir, 'seed.json');
    const seed = generateSeed({ connections: 3 });
    writeFileSync(path, JSON.stringify(seed));
    running = await runStandalone({ VPC_EMULATOR_PORT: '0', VPC_EMULATOR_SEED: path }, () => undefined, noErrors);
    const snapshot = running.domain.snapshot();
    expect(snapshot).toEqual(parseSeed(seed));
    expect(snapshot.PhysicalConnections).toHaveLength(3);
  });

  it('stops on an invalid setting with an error naming the variable', async () => {
    await expect(runStandalone({ VPC_EMULATOR_PORT: 'eighty' }, () => undefined, noErrors)).rejects.toThrow(ConfigError);
    await expect(runStandalone({ VPC_EMULATOR_TRANSITION_MS: '-5' }, () => undefined, noErrors)).rejects.toThrow(
      /^VPC_EMULATOR_TRANSITION_MS: /,
    );
  });

  it('fails clearly on an unreadable seed file', async () => {
    await expect(
      runStandalone({ VPC_EMULATOR_PORT: '0', VPC_EMULATOR_SEED: '/nonexistent/seed.json' }, () => undefined, noErrors),
    ).rejects.toThrow(/seed/i);
  });
});
