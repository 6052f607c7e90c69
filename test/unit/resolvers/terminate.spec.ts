/**
 * terminatePhysicalConnection against a fake data source: input validation, the local
 * preconditions with the exact `extensions` a client sees, success and the replay rule.
 * Upstream refusals and failures: terminate-upstream.spec.ts.
 */
import { BadInputError } from '../../../src/datasources/errors';
import type { PhysicalConnection } from '../../../src/datasources/models';
import { attachmentOf, makePhysicalConnection, makeVbr } from './support/fixtures';
import { FakeDataSource, upstreamError } from './support/fake-data-source';
import { PC, useTerminateHarness } from './support/terminate';

const t = useTerminateHarness();
const { source, terminate, expectError } = t;

describe('input validation (nothing reaches the data source)', () => {
  it.each([
    ['input.physicalConnectionId', { physicalConnectionId: 'pc-UPPER' }],
    ['input.physicalConnectionId', { physicalConnectionId: 'vbr-abc123' }],
    ['input.physicalConnectionId', { physicalConnectionId: 'pc-abc&Action=DeletePhysicalConnection' }],
    ['input.physicalConnectionId', { physicalConnectionId: '' }],
    ['input.regionId', { physicalConnectionId: PC, regionId: 'cn-hangzhou.evil.example' }],
    ['input.regionId', { physicalConnectionId: PC, regionId: '' }],
    ['input.regionId', { physicalConnectionId: PC, regionId: 'cn-hangzhou/../x' }],
    ['input.clientToken', { physicalConnectionId: PC, clientToken: '' }],
    ['input.clientToken', { physicalConnectionId: PC, clientToken: 'x'.repeat(65) }],
    ['input.clientToken', { physicalConnectionId: PC, clientToken: 'line\nbreak' }],
    ['input.clientToken', { physicalConnectionId: PC, clientToken: 'caf\u00e9' }],
  ])('%s: %j', async (field, input) => {
    const ds = source();
    const error = await expectError(ds, input, { code: 'BAD_USER_INPUT', retryable: false, field });
    expect(ds.calls).toEqual([]);
    expect(error?.message).not.toContain('\n');
  });

  it('accepts a 64-character printable token and passes it upstream unchanged', async () => {
    const token = `${'~'.repeat(32)}!${'A'.repeat(31)}`;
    const ds = source();
    const { data, errors } = await terminate(ds, { physicalConnectionId: PC, clientToken: token });
    expect(errors).toBeUndefined();
    expect(data?.terminatePhysicalConnection.clientToken).toBe(token);
    expect(ds.callsOf('terminatePhysicalConnection')[0]?.args).toEqual(['cn-hangzhou', PC, { clientToken: token }]);
  });

  it('maps a BadInputError raised by the data source to BAD_USER_INPUT with its field', async () => {
    const ds = source().fail('freshPhysicalConnection', new BadInputError('regionId', 'unsupported region'));
    await expectError(ds, { physicalConnectionId: PC }, { code: 'BAD_USER_INPUT', retryable: false, field: 'regionId' });
    expect(ds.callsOf('terminatePhysicalConnection')).toEqual([]);
  });
});

describe('local preconditions (fresh reads, no terminate call)', () => {
  it('PHYSICAL_CONNECTION_NOT_FOUND when the circuit does not exist', async () => {
    const ds = source();
    const error = await expectError(
      ds,
      { physicalConnectionId: 'pc-missing01' },
      { code: 'PHYSICAL_CONNECTION_NOT_FOUND', retryable: false, physicalConnectionId: 'pc-missing01' },
    );
    expect(error?.message).toBe('Physical connection pc-missing01 does not exist in region cn-hangzhou.');
    expect(ds.callsOf('terminatePhysicalConnection')).toEqual([]);
  });

  it.each(['INITIAL', 'CONFIRMED', 'ALLOCATED', 'TERMINATING', 'TERMINATED', 'CANCELED'] as const)(
    'PHYSICAL_CONNECTION_NOT_ENABLED with currentStatus %s',
    async (status) => {
      const ds = source({ id: PC, status });
      await expectError(
        ds,
        { physicalConnectionId: PC },
        { code: 'PHYSICAL_CONNECTION_NOT_ENABLED', retryable: false, physicalConnectionId: PC, currentStatus: status },
      );
      expect(ds.callsOf('terminatePhysicalConnection')).toEqual([]);
    },
  );

  it.each(['FINANCIAL_LOCKED', 'SECURITY_LOCKED'] as const)('RESOURCE_LOCKED when %s', async (businessStatus) => {
    const ds = source({ id: PC, businessStatus });
    await expectError(
      ds,
      { physicalConnectionId: PC },
      { code: 'RESOURCE_LOCKED', retryable: false, physicalConnectionId: PC, businessStatus },
    );
    expect(ds.callsOf('terminatePhysicalConnection')).toEqual([]);
  });

  it('VBRS_ATTACHED lists every VBR of any status and any account, sorted', async () => {
    const ds = source();
    ds.setVbrs(PC, [makeVbr({ id: 'vbr-own2', physicalConnectionId: PC, status: 'TERMINATED' })]);
    ds.addForeignAttachment(PC, attachmentOf({ id: 'vbr-foreign1', status: 'UNCONFIRMED' }, '253460731706911258'));
    const error = await expectError(
      ds,
      { physicalConnectionId: PC },
      {
        code: 'VBRS_ATTACHED',
        retryable: false,
        physicalConnectionId: PC,
        vbrIds: ['vbr-foreign1', 'vbr-own2'],
      },
    );
    expect(error?.message).toContain('vbr-foreign1, vbr-own2');
    expect(ds.callsOf('terminatePhysicalConnection')).toEqual([]);
  });

  it.each([
    [
      'shared-port vpconns',
      { virtualPhysicalConnectionCount: 1 },
      'VPCONNS_ATTACHED',
      `Physical connection ${PC} hosts 1 shared-port virtual connection(s) (vpconns); remove them before it can be terminated.`,
    ],
    [
      'MACsec keys',
      { macsecKeys: [{ ckn: 'ckn-1', cipherSuite: null, startOn: null, status: 'Available' }] },
      'MACSEC_KEYS',
      `Physical connection ${PC} has 1 MACsec key(s); remove them before it can be terminated.`,
    ],
  ] satisfies [string, Partial<PhysicalConnection>, string, string][])(
    'OPERATION_CONFLICT for %s, with the preflight reason and message',
    async (_what, overrides, reason, message) => {
      const ds = source({ id: PC, ...overrides });
      const error = await expectError(
        ds,
        { physicalConnectionId: PC },
        { code: 'OPERATION_CONFLICT', retryable: false, physicalConnectionId: PC, reason },
      );
      expect(error?.message).toBe(message);
      expect(ds.callsOf('terminatePhysicalConnection')).toEqual([]);
    },
  );

  it('checks in order: status before lock before VBRs', async () => {
    const ds = source({ id: PC, status: 'CONFIRMED', businessStatus: 'FINANCIAL_LOCKED' });
    ds.setVbrs(PC, [makeVbr({ id: 'vbr-a1', physicalConnectionId: PC })]);
    const { errors } = await terminate(ds, { physicalConnectionId: PC });
    expect(errors?.[0]?.extensions?.['code']).toBe('PHYSICAL_CONNECTION_NOT_ENABLED');
  });

  it('VBRs are reported before vpconns and MACsec keys (the upstream order)', async () => {
    const ds = source({
      id: PC,
      virtualPhysicalConnectionCount: 1,
      macsecKeys: [{ ckn: null, cipherSuite: null, startOn: null, status: null }],
    });
    ds.setVbrs(PC, [makeVbr({ id: 'vbr-a1', physicalConnectionId: PC })]);
    const { errors } = await terminate(ds, { physicalConnectionId: PC });
    expect(errors?.[0]?.extensions?.['code']).toBe('VBRS_ATTACHED');
    ds.setVbrs(PC, []);
    const next = await terminate(ds, { physicalConnectionId: PC });
    expect(next.errors?.[0]?.extensions?.['reason']).toBe('VPCONNS_ATTACHED');
  });

  it('an upstream InvalidRegionId names the mutation argument (input.regionId)', async () => {
    const ds = source().fail(
      'freshPhysicalConnection',
      upstreamError({ kind: 'NOT_FOUND', code: 'InvalidRegionId.NotFound', httpStatus: 404, action: 'DescribePhysicalConnections' }),
    );
    await expectError(
      ds,
      { physicalConnectionId: PC, regionId: 'xx-nowhere-1' },
      {
        code: 'BAD_USER_INPUT',
        retryable: false,
        field: 'input.regionId',
        upstream: { code: 'InvalidRegionId.NotFound', httpStatus: 404, requestId: 'REQ-FAKE-0001' },
      },
    );
  });

  it('reads both preconditions fresh and concurrently, never through the request cache', async () => {
    const ds = source();
    await terminate(ds, { physicalConnectionId: PC });
    expect(ds.calls.slice(0, 2).map((call) => call.method).sort()).toEqual([
      'freshPhysicalConnection',
      'freshVbrAttachments',
    ]);
    expect(ds.callsOf('physicalConnection')).toEqual([]);
    expect(ds.callsOf('vbrsOfPhysicalConnection')).toEqual([]);
  });
});

describe('success and the clientToken replay rule', () => {
  it('terminates with a generated token and returns the circuit read fresh (TERMINATING)', async () => {
    const ds = source();
    const { data, errors } = await terminate(ds, { physicalConnectionId: PC });
    expect(errors).toBeUndefined();
    const payload = data?.terminatePhysicalConnection;
    expect(payload?.physicalConnection).toEqual({ id: PC, regionId: 'cn-hangzhou', status: 'TERMINATING' });
    expect(payload?.requestId).toBe('REQ-TERMINATE-1');
    expect(payload?.clientToken).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ds.callsOf('terminatePhysicalConnection')[0]?.args).toEqual([
      'cn-hangzhou',
      PC,
      { clientToken: payload?.clientToken },
    ]);
    expect(ds.callsOf('freshPhysicalConnection')).toHaveLength(2);
    const audit = t.harness.logger.entries.find((entry) => entry.msg === 'physical connection termination accepted');
    expect(audit?.obj).toMatchObject({ physicalConnectionId: PC, upstreamRequestId: 'REQ-TERMINATE-1', subject: 'tester' });
  });

  it('a retry with the same clientToken succeeds again, with no second effect', async () => {
    const ds = source();
    const first = await terminate(ds, { physicalConnectionId: PC, clientToken: 'retry-token-1' });
    expect(first.errors).toBeUndefined();
    const again = await terminate(ds, { physicalConnectionId: PC, clientToken: 'retry-token-1' });
    expect(again.errors).toBeUndefined();
    expect(again.data?.terminatePhysicalConnection).toEqual({
      requestId: first.data?.terminatePhysicalConnection.requestId,
      clientToken: 'retry-token-1',
      physicalConnection: { id: PC, regionId: 'cn-hangzhou', status: 'TERMINATING' },
    });
    ds.finishTransitions();
    const later = await terminate(ds, { physicalConnectionId: PC, clientToken: 'retry-token-1' });
    expect(later.errors).toBeUndefined();
    expect(later.data?.terminatePhysicalConnection.physicalConnection.status).toBe('TERMINATED');
    expect(later.data?.terminatePhysicalConnection.requestId).toBe('REQ-TERMINATE-1');
  });

  it('a retry without a token is refused locally (no upstream call)', async () => {
    const ds = source();
    await terminate(ds, { physicalConnectionId: PC });
    const again = await terminate(ds, { physicalConnectionId: PC });
    expect(again.errors?.[0]?.extensions).toEqual({
      code: 'PHYSICAL_CONNECTION_NOT_ENABLED',
      retryable: false,
      physicalConnectionId: PC,
      currentStatus: 'TERMINATING',
    });
    expect(ds.callsOf('terminatePhysicalConnection')).toHaveLength(1);
  });

  it('an unknown token on a TERMINATED circuit is left to the upstream, which refuses it', async () => {
    const ds = source({ id: PC, status: 'TERMINATED' });
    await expectError(
      ds,
      { physicalConnectionId: PC, clientToken: 'never-used' },
      {
        code: 'PHYSICAL_CONNECTION_NOT_ENABLED',
        retryable: false,
        physicalConnectionId: PC,
        // The status the fresh read saw: the upstream refused the token for that very state.
        currentStatus: 'TERMINATED',
        upstream: { code: 'Forbidden.NotAllowedInState', httpStatus: 400, requestId: 'REQ-FAKE-0001' },
        clientToken: 'never-used',
      },
    );
    expect(ds.callsOf('terminatePhysicalConnection')).toHaveLength(1);
  });

  it('another token after a termination with tok-1: the upstream refusal names TERMINATING', async () => {
    const ds = source();
    expect((await terminate(ds, { physicalConnectionId: PC, clientToken: 'tok-1' })).errors).toBeUndefined();
    await expectError(
      ds,
      { physicalConnectionId: PC, clientToken: 'tok-other' },
      {
        code: 'PHYSICAL_CONNECTION_NOT_ENABLED',
        retryable: false,
        physicalConnectionId: PC,
        currentStatus: 'TERMINATING',
        upstream: { code: 'Forbidden.NotAllowedInState', httpStatus: 400, requestId: 'REQ-FAKE-0001' },
        clientToken: 'tok-other',
      },
    );
    expect(ds.callsOf('terminatePhysicalConnection')).toHaveLength(2);
  });

  it('a token does not bypass checks for states a terminate cannot lead to', async () => {
    const ds = source({ id: PC, status: 'CONFIRMED' });
    await expectError(
      ds,
      { physicalConnectionId: PC, clientToken: 'some-token' },
      { code: 'PHYSICAL_CONNECTION_NOT_ENABLED', retryable: false, physicalConnectionId: PC, currentStatus: 'CONFIRMED' },
    );
    expect(ds.callsOf('terminatePhysicalConnection')).toEqual([]);
  });

  it('uses the context default region when regionId is omitted, and the given one otherwise', async () => {
    const ds = new FakeDataSource([makePhysicalConnection({ id: PC, regionId: 'ap-southeast-1' })]);
    const viaDefault = await terminate(ds, { physicalConnectionId: PC }, { defaultRegionId: 'ap-southeast-1' });
    expect(viaDefault.errors).toBeUndefined();
    expect(viaDefault.data?.terminatePhysicalConnection.physicalConnection.regionId).toBe('ap-southeast-1');
    const elsewhere = await terminate(ds, { physicalConnectionId: PC, regionId: 'cn-hangzhou' });
    expect(elsewhere.errors?.[0]?.extensions?.['code']).toBe('PHYSICAL_CONNECTION_NOT_FOUND');
    expect(ds.callsOf('freshPhysicalConnection').map((call) => call.args[0])).toEqual([
      'ap-southeast-1',
      'ap-southeast-1',
      'cn-hangzhou',
    ]);
  });
});

describe('after the upstream accepted, the answer is a success whatever the post-read does', () => {
  /** Makes every fresh read of the circuit after the terminate call behave like `after`. */
  function afterTerminate(ds: FakeDataSource, after: () => Promise<PhysicalConnection | null>): void {
    const terminateCall = ds.terminatePhysicalConnection.bind(ds);
    ds.terminatePhysicalConnection = async (...args) => {
      const result = await terminateCall(...args);
      ds.freshPhysicalConnection = after;
      return result;
    };
  }

  it('a failed post-read: the pre-read circuit as TERMINATING, and a warning with the cause and correlation ids', async () => {
    const ds = source();
    afterTerminate(ds, () =>
      Promise.reject(upstreamError({ kind: 'UNAVAILABLE', code: 'ServiceUnavailable', httpStatus: 503, retryable: true, requestId: 'REQ-READ' })),
    );
    const { data, errors } = await terminate(ds, { physicalConnectionId: PC, clientToken: 'tok-post-read' });
    expect(errors).toBeUndefined();
    expect(data?.terminatePhysicalConnection).toEqual({
      requestId: 'REQ-TERMINATE-1',
      clientToken: 'tok-post-read',
      physicalConnection: { id: PC, regionId: 'cn-hangzhou', status: 'TERMINATING' },
    });
    const warning = t.harness.logger.entries.find(
      (entry) => entry.level === 'warn' && (entry.obj as { clientToken?: string }).clientToken === 'tok-post-read',
    );
    expect(warning?.msg).toMatch(/post-termination read failed/);
    expect(warning?.obj).toEqual({
      physicalConnectionId: PC,
      regionId: 'cn-hangzhou',
      clientToken: 'tok-post-read',
      upstreamRequestId: 'REQ-TERMINATE-1',
      requestId: 'req-unit',
      cause: { code: 'ServiceUnavailable', kind: 'UNAVAILABLE', httpStatus: 503, upstreamRequestId: 'REQ-READ' },
    });
  });

  it('an unexpected post-read failure is scrubbed in the warning and still answered with the payload', async () => {
    const ds = source();
    afterTerminate(ds, () => Promise.reject(new TypeError('boom ?Signature=c2VjcmV0c2lnbmF0dXJl&x=1')));
    const { data, errors } = await terminate(ds, { physicalConnectionId: PC, clientToken: 'tok-post-read-2' });
    expect(errors).toBeUndefined();
    expect(data?.terminatePhysicalConnection.physicalConnection.status).toBe('TERMINATING');
    const warning = t.harness.logger.entries.find(
      (entry) => entry.level === 'warn' && (entry.obj as { clientToken?: string }).clientToken === 'tok-post-read-2',
    );
    expect(warning?.obj).toMatchObject({ cause: { name: 'TypeError', message: expect.stringContaining('boom') } });
    expect(JSON.stringify(warning)).not.toContain('c2VjcmV0c2lnbmF0dXJl');
  });

  it('a post-read that no longer finds the circuit: the pre-read circuit as TERMINATING, with a warning', async () => {
    const ds = source();
    afterTerminate(ds, () => Promise.resolve(null));
    const { data, errors } = await terminate(ds, { physicalConnectionId: PC, clientToken: 'tok-vanished' });
    expect(errors).toBeUndefined();
    expect(data?.terminatePhysicalConnection.physicalConnection.status).toBe('TERMINATING');
    expect(
      t.harness.logger.entries.some(
        (entry) => entry.level === 'warn' && (entry.obj as { clientToken?: string }).clientToken === 'tok-vanished',
      ),
    ).toBe(true);
  });

  it('a post-read that still shows ENABLED (lagging upstream): answered TERMINATING, with a warning naming the read status', async () => {
    const ds = source();
    const before = await ds.freshPhysicalConnection('cn-hangzhou', PC);
    afterTerminate(ds, () => Promise.resolve(before));
    const { data, errors } = await terminate(ds, { physicalConnectionId: PC, clientToken: 'tok-lagging' });
    expect(errors).toBeUndefined();
    expect(before?.status).toBe('ENABLED');
    expect(data?.terminatePhysicalConnection.physicalConnection.status).toBe('TERMINATING');
    const warning = t.harness.logger.entries.find(
      (entry) => entry.level === 'warn' && (entry.obj as { clientToken?: string }).clientToken === 'tok-lagging',
    );
    expect(warning?.msg).toMatch(/lags the accepted termination/);
    expect(warning?.obj).toMatchObject({ readStatus: 'ENABLED', upstreamRequestId: 'REQ-TERMINATE-1' });
  });

  it('a replay whose post-read fails keeps the status the pre-read saw (TERMINATED stays TERMINATED)', async () => {
    const ds = source();
    expect((await terminate(ds, { physicalConnectionId: PC, clientToken: 'tok-replay' })).errors).toBeUndefined();
    ds.finishTransitions();
    afterTerminate(ds, () => Promise.reject(upstreamError({ kind: 'THROTTLED', code: 'Throttling.User', retryable: true })));
    const { data, errors } = await terminate(ds, { physicalConnectionId: PC, clientToken: 'tok-replay' });
    expect(errors).toBeUndefined();
    expect(data?.terminatePhysicalConnection).toMatchObject({
      requestId: 'REQ-TERMINATE-1',
      physicalConnection: { status: 'TERMINATED' },
    });
  });
});
