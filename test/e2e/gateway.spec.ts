/**
 * The built gateway as `npm start` runs it: `npm run build`, then
 * `node dist/server/main.js` with an environment, on a machine with no Alibaba credentials (so: the embedded emulator). Queried
 * over HTTP, a circuit terminated, /metrics scraped, and SIGTERM sent while a request is in
 * flight: the request completes and the process exits with code 0.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { ControlClient } from '../support/emulator';
import { registerSecret } from '../support/log-capture';
import { ensureBuilt } from './support/build';
import { runToExit, startGatewayProcess, type GatewayProcess } from './support/process';

jest.setTimeout(180_000);

interface GraphQLBody<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('the built gateway (node dist/server/main.js)', () => {
  const agent = new Agent({ keepAliveTimeout: 500 });
  let gw: GatewayProcess;
  let control: ControlClient;

  async function post<T>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLBody<T> }> {
    const res = await request(gw.graphqlUrl, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
    });
    return { status: res.statusCode, body: (await res.body.json()) as GraphQLBody<T> };
  }

  beforeAll(async () => {
    await ensureBuilt();
    const started = Date.now();
    gw = await startGatewayProcess({ LOG_LEVEL: 'info', VPC_EMULATOR_TRANSITION_MS: '300', GATEWAY_SHUTDOWN_TIMEOUT_MS: '15000' });
    // "Starts in seconds."
    expect(Date.now() - started).toBeLessThan(15_000);
    if (gw.emulatorUrl === null) throw new Error(`no embedded emulator in the banner:\n${gw.stderr()}`);
    control = new ControlClient(gw.emulatorUrl);
  });

  afterAll(async () => {
    await agent.close();
    await control?.close();
    await gw?.dispose();
  });

  it('prints the mode, the GraphQL URL and the playground URL, and becomes ready', async () => {
    expect(gw.stderr()).toMatch(/upstream: +embedded emulator at http:\/\/127\.0\.0\.1:\d+/);
    expect(gw.graphqlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(gw.stderr()).toMatch(/Playground: +http:\/\/127\.0\.0\.1:\d+\/playground/);
    const ready = await request(`${gw.baseUrl}/readyz`, { dispatcher: agent });
    expect(ready.statusCode).toBe(200);
    expect(await ready.body.json()).toMatchObject({ status: 'ready' });
    // stdout is JSON lines only.
    expect(gw.stdout.every((line) => JSON.parse(line) !== null)).toBe(true);
  });

  it('answers queries and terminates a circuit end to end', async () => {
    await control.reset({ generate: { connections: 4, vbrsPerConnection: [1, 2], enabledWithoutVbrs: 1 } });
    const list = await post<{ physicalConnections: { nodes: { id: string; status: string; terminationCheck: { terminable: boolean } }[] } }>(
      'query List { physicalConnections(first: 10) { nodes { id status terminationCheck { terminable } } } }',
    );
    expect(list.status).toBe(200);
    const nodes = list.body.data?.physicalConnections.nodes ?? [];
    expect(nodes.length).toBe(4);
    const target = nodes.find((n) => n.terminationCheck.terminable);
    expect(target).toBeDefined();

    const terminated = await post<{ terminatePhysicalConnection: { clientToken: string; physicalConnection: { id: string; status: string } } }>(
      'mutation Terminate($input: TerminatePhysicalConnectionInput!) { terminatePhysicalConnection(input: $input) { clientToken physicalConnection { id status } } }',
      { input: { physicalConnectionId: target?.id, clientToken: 'e2e-terminate-1' } },
    );
    expect(terminated.body.errors).toBeUndefined();
    expect(terminated.body.data?.terminatePhysicalConnection).toEqual({
      clientToken: 'e2e-terminate-1',
      physicalConnection: { id: target?.id, status: 'TERMINATING' },
    });
    expect((await control.calls()).byAction['TerminatePhysicalConnection']).toBe(1);

    // After the emulator's transition the circuit is gone for good.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const after = await post<{ physicalConnection: { status: string } }>(
      `{ physicalConnection(id: "${target?.id}") { status } }`,
    );
    expect(after.body.data?.physicalConnection.status).toBe('TERMINATED');

    const audit = gw.stdout.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l['audit'] === 'mutation');
    expect(audit).toMatchObject({ outcome: 'OK', clientToken: 'e2e-terminate-1', operationName: 'Terminate' });
  });

  it('exposes Prometheus metrics for what just happened', async () => {
    const res = await request(`${gw.baseUrl}/metrics`, { dispatcher: agent });
    expect(res.statusCode).toBe(200);
    const text = await res.body.text();
    expect(text).toMatch(/gateway_graphql_requests_total\{operation="Terminate",operation_type="mutation",outcome="success"\} 1/);
    expect(text).toMatch(/gateway_upstream_calls_total\{action="TerminatePhysicalConnection",outcome="success"\} 1/);
    expect(text).toMatch(/gateway_upstream_call_duration_seconds_bucket\{le="[^"]+",action="DescribePhysicalConnections"\}/);
    expect(text).toMatch(/gateway_ready 1/);
  });

  it('on SIGTERM finishes the in-flight request, refuses new ones, and exits with code 0', async () => {
    await control.addFault({ action: 'DescribeRegions', type: 'latency', latencyMs: 1500, times: 1 });
    const inFlight = post<{ regions: { regionId: string }[] }>('query SlowRegions { regions { regionId } }');
    await new Promise((resolve) => setTimeout(resolve, 400));
    gw.child.kill('SIGTERM');

    const completed = await inFlight;
    expect(completed.status).toBe(200);
    expect(completed.body.errors).toBeUndefined();
    expect(completed.body.data?.regions.length).toBeGreaterThan(0);

    const exit = await gw.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    const lines = gw.stdout.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.some((l) => l['msg'] === 'shutting down' && l['signal'] === 'SIGTERM')).toBe(true);
    expect(lines.some((l) => l['msg'] === 'shutdown complete' && l['forced'] === false)).toBe(true);
    // The listener is closed: a new connection is refused.
    await expect(request(`${gw.baseUrl}/healthz`, { dispatcher: agent })).rejects.toThrow();
  });
});

describe('start-up refusals', () => {
  beforeAll(() => ensureBuilt());

  it('stops on an invalid setting with a message naming the variable', async () => {
    const result = await runToExit({ PORT: 'http', GATEWAY_MAX_DEPTH: '0' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/PORT: must be an integer from 0 to 65535/);
    expect(result.stderr).toMatch(/GATEWAY_MAX_DEPTH: must be an integer from 1 to 100/);
  });

  it('refuses to front a real upstream without an explicit GATEWAY_AUTH_MODE', async () => {
    const result = await runToExit({ VPC_ENDPOINT: 'http://127.0.0.1:9' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/GATEWAY_AUTH_MODE: required with a real upstream \(endpoint\)/);
  });

  it('in production never falls back to the emulator: exit code 2, naming VPC_UPSTREAM_MODE and the credential variables', async () => {
    // A fresh machine (no ALIBABA_CLOUD_* variable, an empty HOME), as an ECS role without
    // ALIBABA_CLOUD_ECS_METADATA or a misspelt variable would look.
    const result = await runToExit({ NODE_ENV: 'production', GATEWAY_AUTH_MODE: 'none', ALIBABA_CLOUD_ACCESS_KEY: 'LTAItypo' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/VPC_UPSTREAM_MODE: NODE_ENV=production found no upstream, and auto never falls back to the embedded emulator/);
    for (const name of ['VPC_ENDPOINT', 'ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ECS_METADATA', 'ALIBABA_CLOUD_CREDENTIALS_FILE']) {
      expect(result.stderr).toContain(name);
    }
    expect(result.stdout).not.toMatch(/gateway listening/);
  });

  it('refuses a trusted-documents manifest it cannot use: exit code 2, naming the variable and the file', async () => {
    const result = await runToExit({ GATEWAY_TRUSTED_DOCUMENTS: 'operations/missing-manifest.json', GATEWAY_TRUSTED_DOCUMENTS_ONLY: 'true' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/GATEWAY_TRUSTED_DOCUMENTS: operations\/missing-manifest.json: cannot be read \(ENOENT\)/);
    expect(result.stdout).not.toMatch(/gateway listening/);
  });

  it('logs a failed start scrubbed: a secret in the error message is not printed', async () => {
    // A seed the embedded emulator refuses, quoting the bad value: here one shaped like a secret.
    const secret = 'Zx9SecretValueOfThirty0123';
    registerSecret(secret, 'seed value');
    const dir = mkdtempSync(join(tmpdir(), 'gw-seed-'));
    try {
      const seed = join(dir, 'seed.json');
      writeFileSync(seed, JSON.stringify({ Regions: [{ RegionId: secret }] }));
      const result = await runToExit({ VPC_EMULATOR_SEED: seed });
      expect(result.code).toBe(1);
      const fatal = result.stdout.split('\n').find((line) => line.includes('gateway failed to start'));
      expect(JSON.parse(fatal ?? '{}')).toMatchObject({ level: 'fatal', err: { message: expect.stringContaining('[REDACTED]') } });
      expect(result.stderr + result.stdout).not.toContain(secret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never echoes a secret it refuses', async () => {
    const result = await runToExit({ GATEWAY_AUTH_MODE: 'jwt', GATEWAY_JWT_SECRET: 'short-secret-value' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/GATEWAY_JWT_SECRET: must be at least 32 bytes/);
    expect(result.stderr + result.stdout).not.toContain('short-secret-value');
  });
});
