/**
 * disassociateMacsecKey and PhysicalConnection.virtualPhysicalConnections end to end: the real
 * data source against the emulator over HTTP. Every refusal code through the real path (emulator
 * state, or a fault for what the state cannot produce), the upstream's effects counted in
 * /_emulator/events, and the CAK in no response and no log.
 */
import { SignJWT } from 'jose';
import { DEMO_ACCOUNTS, DEMO_IDS, demoSeed, type Seed } from '../../../src/emulator/domain';
import {
  CircuitPortDocument,
  DisassociateMacsecKeyDocument,
  TerminatePhysicalConnectionDocument,
  type DisassociateMacsecKeyMutationVariables,
} from '../../generated/graphql';
import { startTestGateway, type TestGateway } from '../server/support';
import { useGateway } from './support/gateway';

const gw = useGateway({ transitionMs: 300 });
beforeEach(() => gw.emu.control.reset());

const MACSEC = DEMO_IDS.enabledWithMacsec;
const IN_USE = 'A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90';
const SPARE = '0F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C4B5A69788796A5B4C3D2E1F0';
const DEMO_CAKS = demoSeed().PhysicalConnections.flatMap((c) => c.MacsecKeys ?? []).map((k) => (k.Cak as string).toUpperCase());
const UPSTREAM_REQUEST_ID = expect.stringMatching(/^[0-9A-F-]{36}$/);

function disassociate(input: DisassociateMacsecKeyMutationVariables['input']) {
  return gw.run(DisassociateMacsecKeyDocument, { input });
}

async function disassociateCalls(): Promise<number> {
  return (await gw.emu.control.calls()).byAction['DisassociateMacSecKey'] ?? 0;
}

async function expectRefusal(input: DisassociateMacsecKeyMutationVariables['input'], extensions: object, message?: string) {
  const { data, errors } = await disassociate(input);
  expect(data).toBeNull();
  expect(errors).toHaveLength(1);
  expect(errors?.[0]?.path).toEqual(['disassociateMacsecKey']);
  expect(errors?.[0]?.extensions).toEqual(extensions);
  if (message !== undefined) expect(errors?.[0]?.message).toBe(message);
}

function expectNoCak(value: unknown): void {
  const text = JSON.stringify(value).toUpperCase();
  for (const cak of DEMO_CAKS) expect(text).not.toContain(cak);
}

describe('disassociateMacsecKey', () => {
  it('takes the key in use out of use: the other key takes over, one upstream effect, no token, no CAK', async () => {
    const { data, errors } = await disassociate({ physicalConnectionId: MACSEC, ckn: IN_USE.toLowerCase() });
    expect(errors).toBeUndefined();
    const payload = data?.disassociateMacsecKey;
    expect(payload).toEqual({
      requestId: UPSTREAM_REQUEST_ID,
      clientToken: null,
      physicalConnection: {
        id: MACSEC,
        status: 'ENABLED',
        macsecKeys: [
          { ckn: IN_USE, cipherSuite: 'GCM-AES-XPN-256', startOn: '2024-04-01T00:00:00Z', status: 'Disassociated' },
          { ckn: SPARE, cipherSuite: 'GCM-AES-XPN-256', startOn: expect.any(String), status: 'Associated' },
        ],
      },
    });
    const events = await gw.emu.control.events();
    expect(events).toEqual([expect.objectContaining({ action: 'DisassociateMacSecKey', resourceId: MACSEC, clientToken: null, requestId: payload?.requestId })]);
    expectNoCak(data);
    expectNoCak(gw.logs);
  });

  it('clears the circuit in three calls (the last key twice: out of use, then deleted); then it terminates', async () => {
    for (const ckn of [SPARE, IN_USE, IN_USE]) {
      const { errors } = await disassociate({ physicalConnectionId: MACSEC, ckn });
      expect(errors).toBeUndefined();
    }
    const check = await gw.run(CircuitPortDocument, { id: MACSEC });
    expect(check.data?.physicalConnection?.macsecKeys).toEqual([]);
    const terminated = await gw.run(TerminatePhysicalConnectionDocument, { input: { physicalConnectionId: MACSEC } });
    expect(terminated.errors).toBeUndefined();
    expect((await gw.emu.control.events()).map((e) => e.action)).toEqual([
      'DisassociateMacSecKey',
      'DisassociateMacSecKey',
      'DisassociateMacSecKey',
      'TerminatePhysicalConnection',
    ]);
  });

  it('a key already deleted is MACSEC_KEY_NOT_FOUND (no token to replay: a repeat is refused, not repeated)', async () => {
    await disassociate({ physicalConnectionId: MACSEC, ckn: SPARE });
    await gw.emu.control.clearCalls();
    await expectRefusal(
      { physicalConnectionId: MACSEC, ckn: SPARE },
      { code: 'MACSEC_KEY_NOT_FOUND', retryable: false, physicalConnectionId: MACSEC, ckn: SPARE },
      `Physical connection ${MACSEC} has no MACsec key ${SPARE}.`,
    );
    expect(await disassociateCalls()).toBe(0);
    expect(await gw.emu.control.events()).toHaveLength(1);
  });

  describe('refused locally, nothing sent to DisassociateMacSecKey', () => {
    afterEach(async () => expect(await disassociateCalls()).toBe(0));

    it.each<[string, DisassociateMacsecKeyMutationVariables['input'], string]>([
      ['a CKN that is not hex', { physicalConnectionId: MACSEC, ckn: 'z'.repeat(32) }, 'input.ckn'],
      ['a CKN of 40 digits', { physicalConnectionId: MACSEC, ckn: 'a'.repeat(40) }, 'input.ckn'],
      ['a circuit id that is not one', { physicalConnectionId: 'vbr-bp1x', ckn: IN_USE }, 'input.physicalConnectionId'],
      ['a hostile region', { physicalConnectionId: MACSEC, ckn: IN_USE, regionId: 'evil.example.com/' }, 'input.regionId'],
    ])('BAD_USER_INPUT: %s, before any upstream call', async (_why, input, field) => {
      await gw.emu.control.clearCalls();
      const { errors } = await disassociate(input);
      expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field });
      expect((await gw.emu.control.calls()).total).toBe(0);
    });

    it('PHYSICAL_CONNECTION_NOT_FOUND', async () => {
      await expectRefusal(
        { physicalConnectionId: 'pc-bp1doesnotexist00000', ckn: IN_USE },
        { code: 'PHYSICAL_CONNECTION_NOT_FOUND', retryable: false, physicalConnectionId: 'pc-bp1doesnotexist00000' },
      );
    });

    it('PHYSICAL_CONNECTION_NOT_ENABLED with the status it has', async () => {
      await expectRefusal(
        { physicalConnectionId: DEMO_IDS.terminated, ckn: IN_USE },
        { code: 'PHYSICAL_CONNECTION_NOT_ENABLED', retryable: false, physicalConnectionId: DEMO_IDS.terminated, currentStatus: 'TERMINATED' },
        `Physical connection ${DEMO_IDS.terminated} is TERMINATED; only ENABLED connections can have MACsec keys disassociated.`,
      );
    });

    it('RESOURCE_LOCKED with the lock', async () => {
      await expectRefusal(
        { physicalConnectionId: DEMO_IDS.enabledFinancialLocked, ckn: IN_USE },
        { code: 'RESOURCE_LOCKED', retryable: false, physicalConnectionId: DEMO_IDS.enabledFinancialLocked, businessStatus: 'FINANCIAL_LOCKED' },
      );
    });

    it('MACSEC_KEY_NOT_FOUND for a key the circuit does not have', async () => {
      await expectRefusal(
        { physicalConnectionId: DEMO_IDS.enabledReadyToTerminate[0], ckn: IN_USE },
        { code: 'MACSEC_KEY_NOT_FOUND', retryable: false, physicalConnectionId: DEMO_IDS.enabledReadyToTerminate[0], ckn: IN_USE },
      );
    });
  });

  describe('the upstream refuses after the preconditions passed (injected faults)', () => {
    it.each<[string, { httpStatus: number; code: string }, object, string]>([
      [
        'its key check',
        { httpStatus: 400, code: 'ResourceNotFound.PconnMacsec' },
        { code: 'MACSEC_KEY_NOT_FOUND', retryable: false, physicalConnectionId: MACSEC, ckn: IN_USE },
        `Physical connection ${MACSEC} has no MACsec key ${IN_USE}.`,
      ],
      [
        'its status check',
        { httpStatus: 400, code: 'IncorrectStatus.PhysicalConnection' },
        { code: 'PHYSICAL_CONNECTION_NOT_ENABLED', retryable: false, physicalConnectionId: MACSEC, currentStatus: null },
        `Physical connection ${MACSEC} is not ENABLED; only ENABLED connections can have MACsec keys disassociated.`,
      ],
      [
        'a key being negotiated',
        { httpStatus: 400, code: 'IncorrectStatus.PconnMacsec' },
        { code: 'OPERATION_CONFLICT', retryable: true, physicalConnectionId: MACSEC, reason: null },
        `The operation on ${MACSEC} was refused: another operation holds the resource; retry after a backoff.`,
      ],
    ])('%s: the mapped code with upstream details, no clientToken', async (_what, fault, extensions, message) => {
      await gw.emu.control.addFault({ action: 'DisassociateMacSecKey', type: 'error', ...fault, times: 1 });
      await expectRefusal(
        { physicalConnectionId: MACSEC, ckn: IN_USE },
        { ...extensions, upstream: { code: fault.code, httpStatus: 400, requestId: UPSTREAM_REQUEST_ID } },
        message,
      );
      expect(await disassociateCalls()).toBe(1);
    });

    it('an answer lost on the way back is not resent (the call may have acted): UPSTREAM_UNAVAILABLE, and the keys tell', async () => {
      await gw.emu.control.addFault({ action: 'DisassociateMacSecKey', type: 'drop', afterEffect: true, times: 1 });
      const { errors } = await disassociate({ physicalConnectionId: MACSEC, ckn: IN_USE });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
      expect(errors?.[0]?.extensions).not.toHaveProperty('clientToken');
      expect(await disassociateCalls()).toBe(1);
      // It did act: the client reads the keys instead of repeating the call.
      const port = await gw.run(CircuitPortDocument, { id: MACSEC });
      expect(port.data?.physicalConnection?.macsecKeys.find((k) => k.ckn === IN_USE)?.status).toBe('Disassociated');
      expect(await gw.emu.control.events()).toHaveLength(1);
    });
  });

  it('answers the expected key state when the read after the accepted call fails', async () => {
    await gw.emu.control.addFault({ action: 'DisassociateMacSecKey', type: 'latency', latencyMs: 300, times: 1 });
    const pending = disassociate({ physicalConnectionId: MACSEC, ckn: SPARE });
    const deadline = Date.now() + 5_000;
    while ((await disassociateCalls()) === 0 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    await gw.emu.control.addFault({ action: 'DescribePhysicalConnections', type: 'error', httpStatus: 503, code: 'ServiceUnavailable' });
    const { data, errors } = await pending;
    expect(errors).toBeUndefined();
    // The spare (Disassociated) key was deleted by the call: the answer leaves it out.
    expect(data?.disassociateMacsecKey.physicalConnection.macsecKeys.map((k) => [k.ckn, k.status])).toEqual([[IN_USE, 'Associated']]);
    const state = await gw.emu.control.state<Seed>();
    expect(state.PhysicalConnections.find((c) => c.PhysicalConnectionId === MACSEC)?.MacsecKeys?.map((k) => k.Ckn)).toEqual([IN_USE]);
    const warning = gw.logs.find((entry) => entry.msg?.startsWith('post-disassociation read failed'));
    expect(warning?.obj).toMatchObject({ physicalConnectionId: MACSEC, ckn: SPARE, cause: { code: 'ServiceUnavailable' } });
  });
});

describe('PhysicalConnection.virtualPhysicalConnections', () => {
  it('lists the vpconns a circuit hosts, from one ListVirtualPhysicalConnections walk', async () => {
    await gw.emu.control.clearCalls();
    const { data, errors } = await gw.run(CircuitPortDocument, { id: DEMO_IDS.enabledWithVpconn });
    expect(errors).toBeUndefined();
    expect(data?.physicalConnection).toMatchObject({ virtualPhysicalConnectionCount: 1, macsecKeys: [] });
    expect(data?.physicalConnection?.virtualPhysicalConnections).toEqual([
      {
        id: DEMO_IDS.tenantVpconn,
        name: 'tenant-vpconn',
        status: 'ENABLED',
        vpconnStatus: 'CONFIRMED',
        vlanId: 2001,
        spec: '500M',
        bandwidth: 500,
        orderMode: 'PAY_BY_PHYSICAL_CONNECTION_OWNER',
        ownerAccountId: DEMO_ACCOUNTS.tenant,
        creationTime: '2024-03-11T02:15:40.000Z',
      },
    ]);
    expect((await gw.emu.control.calls()).byAction).toEqual({ DescribePhysicalConnections: 1, ListVirtualPhysicalConnections: 1 });
  });

  it('a shared circuit hosts none: an empty list without an upstream call', async () => {
    await gw.emu.control.clearCalls();
    const { data } = await gw.run(CircuitPortDocument, { id: DEMO_IDS.sharedTerminatedRecoverable });
    expect(data?.physicalConnection).toMatchObject({ productType: 'VIRTUAL_PHYSICAL_CONNECTION', virtualPhysicalConnections: [] });
    expect((await gw.emu.control.calls()).byAction).toEqual({ DescribePhysicalConnections: 1 });
  });

  it('a list that cannot be loaded is a field error: the circuit still answers, the field is null', async () => {
    await gw.emu.control.addFault({ action: 'ListVirtualPhysicalConnections', type: 'error', httpStatus: 400, code: 'Forbidden.RAM' });
    const { data, errors } = await gw.run(CircuitPortDocument, { id: DEMO_IDS.enabledWithVpconn });
    expect(data?.physicalConnection).toMatchObject({ id: DEMO_IDS.enabledWithVpconn, virtualPhysicalConnections: null });
    expect(errors).toHaveLength(1);
    expect(errors?.[0]?.path).toEqual(['physicalConnection', 'virtualPhysicalConnections']);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_AUTH_FAILED' });
  });
});

describe('through the whole HTTP runtime: the vpc:write scope and the audit line', () => {
  const SECRET = 'macsec-spec-jwt-secret-with-at-least-32-bytes';
  const MUTATION = `mutation Disassociate($input: DisassociateMacsecKeyInput!) {
    disassociateMacsecKey(input: $input) { requestId clientToken physicalConnection { id macsecKeys { ckn status } } }
  }`;
  let t: TestGateway;

  const token = (scope: string) =>
    new SignJWT({ scope })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('carol@example.com')
      .setIssuer('https://issuer.test')
      .setAudience('vpc-gateway')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));

  beforeAll(async () => {
    t = await startTestGateway({
      GATEWAY_AUTH_MODE: 'jwt',
      GATEWAY_JWT_SECRET: SECRET,
      GATEWAY_JWT_ISSUER: 'https://issuer.test',
      GATEWAY_JWT_AUDIENCE: 'vpc-gateway',
    });
  });
  afterAll(() => t.close());
  beforeEach(() => t.control.reset());

  const auditOf = (res: { headers: Record<string, unknown> }) =>
    t.logs.find((line) => line['audit'] === 'mutation' && line['requestId'] === res.headers['x-request-id'])[0];

  it('a vpc:read token is FORBIDDEN before any upstream call', async () => {
    const res = await t.graphql({ query: MUTATION, variables: { input: { physicalConnectionId: MACSEC, ckn: IN_USE } } }, { authorization: `Bearer ${await token('vpc:read')}` });
    expect(res.status).toBe(403);
    expect(res.json<{ errors: { extensions: unknown }[] }>().errors[0]?.extensions).toEqual({ code: 'FORBIDDEN', retryable: false, requiredScope: 'vpc:write' });
    expect(await t.upstreamCalls()).toBe(0);
    expect(auditOf(res)).toMatchObject({ outcome: 'FORBIDDEN', writes: [] });
  });

  it('a vpc:write token disassociates; the audit line has the arguments, the RequestId, no token and the write', async () => {
    const res = await t.graphql(
      { query: MUTATION, operationName: 'Disassociate', variables: { input: { physicalConnectionId: MACSEC, ckn: IN_USE } } },
      { authorization: `Bearer ${await token('vpc:read vpc:write')}` },
    );
    expect(res.status).toBe(200);
    const payload = res.json<{ data: { disassociateMacsecKey: { requestId: string; clientToken: string | null } } }>().data.disassociateMacsecKey;
    expect(payload.clientToken).toBeNull();
    expect(auditOf(res)).toMatchObject({
      subject: 'carol@example.com',
      operationName: 'Disassociate',
      outcome: 'OK',
      upstreamRequestId: payload.requestId,
      clientToken: null,
      fields: [{ name: 'disassociateMacsecKey', args: { input: { physicalConnectionId: MACSEC, ckn: IN_USE } } }],
      writes: [{ method: 'disassociateMacsecKey', regionId: 'cn-hangzhou', resourceId: MACSEC, clientToken: null, upstreamRequestId: payload.requestId, outcome: 'success' }],
    });
    expect(await t.control.events()).toHaveLength(1);
    expectNoCak(t.logs.raw);
  });

  it('a refusal is audited with its code and no write', async () => {
    const res = await t.graphql(
      { query: MUTATION, variables: { input: { physicalConnectionId: DEMO_IDS.enabledReadyToTerminate[0], ckn: IN_USE } } },
      { authorization: `Bearer ${await token('vpc:read vpc:write')}` },
    );
    expect(res.json<{ errors: { extensions: { code: string } }[] }>().errors[0]?.extensions.code).toBe('MACSEC_KEY_NOT_FOUND');
    expect(auditOf(res)).toMatchObject({ outcome: 'MACSEC_KEY_NOT_FOUND', errorCodes: ['MACSEC_KEY_NOT_FOUND'], writes: [] });
  });
});
