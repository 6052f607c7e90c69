/**
 * The standalone emulator (`npm run emulator`) as a function: environment in, listening server
 * and startup lines out. The compiled CLI wrapper only adds signal handling.
 */
import Client, * as $Vpc from '@alicloud/vpc20160428';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import RPCClient = require('@alicloud/pop-core');
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../../src/emulator/config';
import { generateSeed, parseSeed } from '../../../src/emulator/domain';
import type { RunningEmulator } from '../../../src/emulator';
import { runStandalone } from '../../../src/emulator/standalone';
import { SignedClient } from '../../support/signed-client';

function vpcSdk(url: string, credentials: { accessKeyId: string; accessKeySecret: string; securityToken?: string }): Client {
  return new Client(
    new $OpenApiUtil.Config({ ...credentials, endpoint: new URL(url).host, protocol: 'HTTP', regionId: 'cn-hangzhou' }),
  );
}

/** The SDK's error code, or 'ok' (so one expect shows what a call got). */
async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'ok';
  } catch (error) {
    return String((error as { code?: unknown }).code);
  }
}

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

  it('accepts the default STS pair with its security token from the official SDK (V3) and pop-core (V1)', async () => {
    const lines: string[] = [];
    running = await runStandalone({ VPC_EMULATOR_PORT: '0' }, (line) => lines.push(line), noErrors);
    const printed = lines.join('\n');
    expect(printed).toContain('STS.EmulatorAccessKey');
    expect(printed).toContain('EmulatorStsAccessKeySecret (the public default)');
    expect(printed).toContain('EmulatorSecurityToken (the public default)');

    const sts = { accessKeyId: 'STS.EmulatorAccessKey', accessKeySecret: 'EmulatorStsAccessKeySecret' };
    const regions = (client: Client) => () => client.describeRegions(new $Vpc.DescribeRegionsRequest({}));
    expect(await outcome(regions(vpcSdk(running.url, { ...sts, securityToken: 'EmulatorSecurityToken' })))).toBe('ok');
    expect(await outcome(regions(vpcSdk(running.url, sts)))).toBe('MissingSecurityToken');
    expect(await outcome(regions(vpcSdk(running.url, { ...sts, securityToken: 'forged' })))).toBe(
      'InvalidSecurityToken.MismatchWithAccessKey',
    );
    // The plain pair still works, and refuses a token it was not issued with.
    const plain = { accessKeyId: 'LTAIEmulatorAccessKey', accessKeySecret: 'EmulatorAccessKeySecret' };
    expect(await outcome(regions(vpcSdk(running.url, plain)))).toBe('ok');
    expect(await outcome(regions(vpcSdk(running.url, { ...plain, securityToken: 'EmulatorSecurityToken' })))).toBe(
      'InvalidSecurityToken.MismatchWithAccessKey',
    );

    const pop = (securityToken?: string) =>
      new RPCClient({ ...sts, endpoint: running?.url ?? '', apiVersion: '2016-04-28', ...(securityToken ? { securityToken } : {}) });
    for (const method of ['GET', 'POST'] as const) {
      expect(await outcome(() => pop('EmulatorSecurityToken').request('DescribeRegions', {}, { method }))).toBe('ok');
      expect(await outcome(() => pop().request('DescribeRegions', {}, { method }))).toBe('MissingSecurityToken');
    }
  });

  it('takes a configured STS pair and token, and prints none of their secrets', async () => {
    const token = `CAIS${'x'.repeat(1500)}==`;
    const lines: string[] = [];
    running = await runStandalone(
      {
        VPC_EMULATOR_PORT: '0',
        VPC_EMULATOR_STS_ACCESS_KEY_ID: 'STS.Configured',
        VPC_EMULATOR_STS_ACCESS_KEY_SECRET: 'configured-sts-secret',
        VPC_EMULATOR_SECURITY_TOKEN: token,
      },
      (line) => lines.push(line),
      noErrors,
    );
    const printed = lines.join('\n');
    expect(printed).toContain('STS.Configured');
    expect(printed).not.toContain('configured-sts-secret');
    expect(printed).not.toContain('CAIS');
    const sts = { accessKeyId: 'STS.Configured', accessKeySecret: 'configured-sts-secret' };
    const regions = (client: Client) => () => client.describeRegions(new $Vpc.DescribeRegionsRequest({}));
    expect(await outcome(regions(vpcSdk(running.url, { ...sts, securityToken: token })))).toBe('ok');
    expect(await outcome(regions(vpcSdk(running.url, { ...sts, securityToken: 'EmulatorSecurityToken' })))).toBe(
      'InvalidSecurityToken.MismatchWithAccessKey',
    );
    // The default STS pair is replaced, not added.
    expect(
      await outcome(regions(vpcSdk(running.url, {
        accessKeyId: 'STS.EmulatorAccessKey', accessKeySecret: 'EmulatorStsAccessKeySecret', securityToken: 'EmulatorSecurityToken',
      }))),
    ).toBe('InvalidAccessKeyId.NotFound');
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
