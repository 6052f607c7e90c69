/**
 * terminatePhysicalConnection against a fake data source: the upstream refuses after the local
 * preconditions passed (race), or fails (throttling, outage, credentials, bugs); the exact
 * `extensions` a client sees.
 */
import { makeVbr } from './support/fixtures';
import { upstreamError } from './support/fake-data-source';
import { PC, useTerminateHarness } from './support/terminate';

const t = useTerminateHarness();
/** Errors of the write itself carry the token it was sent with: here a generated one. */
const GENERATED_TOKEN = expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown as string;
const { source, expectError } = t;

describe('the upstream refuses after the preconditions passed (race)', () => {
  it('Forbidden.VbrAttached -> VBRS_ATTACHED with upstream details', async () => {
    const ds = source();
    ds.beforeTerminate = () => ds.setVbrs(PC, [makeVbr({ id: 'vbr-late1', physicalConnectionId: PC })]);
    await expectError(
      ds,
      { physicalConnectionId: PC },
      {
        code: 'VBRS_ATTACHED',
        retryable: false,
        physicalConnectionId: PC,
        vbrIds: null,
        upstream: { code: 'Forbidden.VbrAttached', httpStatus: 400, requestId: 'REQ-FAKE-0001' },
        clientToken: GENERATED_TOKEN,
      },
    );
  });

  it('Forbidden.NotAllowedInState -> PHYSICAL_CONNECTION_NOT_ENABLED (status unknown)', async () => {
    const ds = source();
    ds.beforeTerminate = () => {
      const pc = ds.connection(PC);
      if (pc) pc.status = 'TERMINATING';
    };
    await expectError(
      ds,
      { physicalConnectionId: PC },
      {
        code: 'PHYSICAL_CONNECTION_NOT_ENABLED',
        retryable: false,
        physicalConnectionId: PC,
        currentStatus: null,
        upstream: { code: 'Forbidden.NotAllowedInState', httpStatus: 400, requestId: 'REQ-FAKE-0001' },
        clientToken: GENERATED_TOKEN,
      },
    );
  });

  it('InvalidPhysicalConnectionId.NotFound -> PHYSICAL_CONNECTION_NOT_FOUND', async () => {
    const ds = source().fail(
      'terminatePhysicalConnection',
      upstreamError({ kind: 'NOT_FOUND', code: 'InvalidPhysicalConnectionId.NotFound', httpStatus: 404 }),
    );
    await expectError(
      ds,
      { physicalConnectionId: PC },
      {
        code: 'PHYSICAL_CONNECTION_NOT_FOUND',
        retryable: false,
        physicalConnectionId: PC,
        upstream: { code: 'InvalidPhysicalConnectionId.NotFound', httpStatus: 404, requestId: 'REQ-FAKE-0001' },
        clientToken: GENERATED_TOKEN,
      },
    );
  });

  it('OperationFailed.ResourceLockedBySystem -> RESOURCE_LOCKED', async () => {
    const ds = source().fail(
      'terminatePhysicalConnection',
      upstreamError({ kind: 'LOCKED', code: 'OperationFailed.ResourceLockedBySystem' }),
    );
    await expectError(
      ds,
      { physicalConnectionId: PC },
      {
        code: 'RESOURCE_LOCKED',
        retryable: false,
        physicalConnectionId: PC,
        businessStatus: null,
        upstream: { code: 'OperationFailed.ResourceLockedBySystem', httpStatus: 400, requestId: 'REQ-FAKE-0001' },
        clientToken: GENERATED_TOKEN,
      },
    );
  });

  it.each([
    ['OperationFailed.VpconnAttached', 'DEPENDENCY_ATTACHED', 'vpconns', 'VPCONNS_ATTACHED'],
    ['OperationDenied.MacsecAttached', 'DEPENDENCY_ATTACHED', 'MACsec', 'MACSEC_KEYS'],
    ['IdempotentParameterMismatch', 'IDEMPOTENCY_CONFLICT', 'clientToken', null],
  ] as const)('%s -> OPERATION_CONFLICT', async (code, kind, hint, reason) => {
    const ds = source().fail('terminatePhysicalConnection', upstreamError({ kind, code }));
    const error = await expectError(
      ds,
      { physicalConnectionId: PC },
      {
        code: 'OPERATION_CONFLICT',
        retryable: false,
        physicalConnectionId: PC,
        reason,
        upstream: { code, httpStatus: 400, requestId: 'REQ-FAKE-0001' },
        clientToken: GENERATED_TOKEN,
      },
    );
    expect(error?.message).toContain(hint);
  });
});

describe('upstream health and credentials', () => {
  it('UPSTREAM_THROTTLED is retryable', async () => {
    const ds = source().fail(
      'freshPhysicalConnection',
      upstreamError({ kind: 'THROTTLED', code: 'Throttling.User', retryable: true, requestId: 'REQ-T' }),
    );
    await expectError(
      ds,
      { physicalConnectionId: PC },
      { code: 'UPSTREAM_THROTTLED', retryable: true, upstream: { code: 'Throttling.User', httpStatus: 400, requestId: 'REQ-T' } },
    );
    expect(ds.callsOf('terminatePhysicalConnection')).toEqual([]);
  });

  it('UPSTREAM_UNAVAILABLE is retryable, also for a transport failure without a response', async () => {
    const ds = source().fail(
      'freshVbrAttachments',
      upstreamError({ kind: 'UNAVAILABLE', code: 'Transport.Timeout', httpStatus: 0, requestId: null, retryable: true }),
    );
    await expectError(
      ds,
      { physicalConnectionId: PC },
      { code: 'UPSTREAM_UNAVAILABLE', retryable: true, upstream: { code: 'Transport.Timeout', httpStatus: 0, requestId: null } },
    );
  });

  it('UPSTREAM_AUTH_FAILED says nothing of the upstream message', async () => {
    const ds = source().fail(
      'freshPhysicalConnection',
      upstreamError({
        kind: 'AUTH',
        code: 'SignatureDoesNotMatch',
        message: 'Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3Dak',
      }),
    );
    const error = await expectError(
      ds,
      { physicalConnectionId: PC },
      {
        code: 'UPSTREAM_AUTH_FAILED',
        retryable: false,
        upstream: { code: 'SignatureDoesNotMatch', httpStatus: 400, requestId: 'REQ-FAKE-0001' },
      },
    );
    expect(JSON.stringify(error)).not.toMatch(/string to sign|AccessKeyId/i);
  });

  it('UPSTREAM_ERROR for an upstream refusal without a specific code', async () => {
    const ds = source().fail('terminatePhysicalConnection', upstreamError({ kind: 'UNKNOWN', code: 'Some.NewCode', httpStatus: 400 }));
    await expectError(
      ds,
      { physicalConnectionId: PC },
      {
        code: 'UPSTREAM_ERROR',
        retryable: false,
        upstream: { code: 'Some.NewCode', httpStatus: 400, requestId: 'REQ-FAKE-0001' },
        clientToken: GENERATED_TOKEN,
      },
    );
  });

  it('INTERNAL_SERVER_ERROR for anything unexpected: masked message, correlation id, redacted log', async () => {
    const ds = source().fail(
      'freshPhysicalConnection',
      new TypeError('boom at https://vpc.aliyuncs.com/?Action=X&Signature=c2VjcmV0c2ln&AccessKeyId=ak'),
    );
    const error = await expectError(ds, { physicalConnectionId: PC }, {
      code: 'INTERNAL_SERVER_ERROR',
      retryable: false,
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(error?.message).toBe('Internal server error.');
    const correlationId = error?.extensions?.['correlationId'];
    const logged = t.harness.logger.entries.find(
      (entry) => entry.level === 'error' && (entry.obj as { correlationId?: unknown }).correlationId === correlationId,
    );
    expect(logged).toBeDefined();
    const text = JSON.stringify(logged);
    expect(text).toContain('boom');
    expect(text).not.toContain('c2VjcmV0c2ln');
  });

  it('an unexpected failure of the write itself is masked too, and still carries the token it was sent with', async () => {
    const ds = source().fail('terminatePhysicalConnection', new TypeError('socket hang up at https://vpc.aliyuncs.com/?Signature=c2VjcmV0c2ln'));
    const error = await expectError(ds, { physicalConnectionId: PC, clientToken: 'tok-bug-1' }, {
      code: 'INTERNAL_SERVER_ERROR',
      retryable: false,
      correlationId: 'req-unit',
      clientToken: 'tok-bug-1',
    });
    expect(error?.message).toBe('Internal server error.');
    const logged = t.harness.logger.entries.filter(
      (entry) => entry.level === 'error' && (entry.obj as { correlationId?: unknown }).correlationId === 'req-unit',
    );
    expect(logged).toHaveLength(1);
    expect(logged[0]?.obj).toMatchObject({ clientToken: 'tok-bug-1', physicalConnectionId: PC, cause: { name: 'TypeError' } });
    const text = JSON.stringify(logged);
    expect(text).toContain('socket hang up');
    expect(text).not.toContain('c2VjcmV0c2ln');
  });
});
