import { classify, errorFromResponse, errorFromTransport } from '../../../../src/datasources/wire/classify';
import { UpstreamError } from '../../../../src/datasources/errors';
import { sanitizeMessage } from '../../../../src/datasources/wire/sanitize';

describe('classify: upstream code + HTTP status -> kind, retryable', () => {
  it.each([
    ['InvalidPhysicalConnectionId.NotFound', 404, 'NOT_FOUND', false],
    ['InvalidVbrId.NotFound', 400, 'NOT_FOUND', false],
    ['ResourceNotFound.PhysicalConnectionId', 400, 'NOT_FOUND', false],
    ['InvalidRegionId.NotFound', 404, 'NOT_FOUND', false],
    ['InvalidPhysicalConnectionId.NotMatched', 400, 'NOT_FOUND', false],
    ['Forbidden.NotAllowedInState', 400, 'INVALID_STATE', false],
    ['IncorrectStatus.PhysicalConnection', 400, 'INVALID_STATE', false],
    ['InvalidOperation.OperationNotAllowedInState', 400, 'INVALID_STATE', false],
    ['InvalidPhysicalConnectionId.NotEnabled', 400, 'INVALID_STATE', false],
    ['InvalidStatus.NotAllowed', 400, 'INVALID_STATE', false],
    ['OperationConflict', 400, 'INVALID_STATE', false],
    ['Forbidden.VbrAttached', 400, 'DEPENDENCY_ATTACHED', false],
    ['OperationFailed.VpconnAttached', 400, 'DEPENDENCY_ATTACHED', false],
    ['OperationDenied.MacsecAttached', 400, 'DEPENDENCY_ATTACHED', false],
    ['Forbidden.VBRExists', 400, 'DEPENDENCY_ATTACHED', false],
    ['DependencyViolation.BgpGroup', 400, 'DEPENDENCY_ATTACHED', false],
    ['OperationFailed.ResourceLockedBySystem', 400, 'LOCKED', false],
    ['Throttling', 400, 'THROTTLED', true],
    ['Throttling.User', 400, 'THROTTLED', true],
    ['Rejected.Throttling', 400, 'THROTTLED', true],
    ['ServiceUnavailable', 503, 'UNAVAILABLE', true],
    ['ServiceUnavailable', 400, 'UNAVAILABLE', true],
    ['InternalError', 500, 'UNAVAILABLE', true],
    ['SomethingNew', 502, 'UNAVAILABLE', true],
    ['InvalidAccessKeyId.NotFound', 404, 'AUTH', false],
    ['InvalidAccessKeyId.Inactive', 400, 'AUTH', false],
    ['SignatureDoesNotMatch', 400, 'AUTH', false],
    ['SignatureNonceUsed', 400, 'AUTH', false],
    ['IncompleteSignature', 400, 'AUTH', false],
    ['InvalidTimeStamp.Expired', 400, 'AUTH', false],
    ['InvalidSecurityToken.Expired', 400, 'AUTH', false],
    ['Forbidden.RAM', 403, 'AUTH', false],
    ['Forbidden', 403, 'AUTH', false],
    ['Forbidden.RiskControl', 403, 'AUTH', false],
    ['Forbidden.VlanIdNotAllowedByCaller', 403, 'AUTH', false],
    ['MissingParameter', 400, 'BAD_REQUEST', false],
    ['MissingParam.RegionNo', 400, 'BAD_REQUEST', false],
    ['InvalidParameter', 400, 'BAD_REQUEST', false],
    ['InvalidName.Malformed', 400, 'BAD_REQUEST', false],
    ['InvalidType.Malformd', 400, 'BAD_REQUEST', false],
    ['InvalidFilterKey.ValueNotSupported', 404, 'BAD_REQUEST', false],
    ['InvalidAction.NotFound', 404, 'BAD_REQUEST', false],
    ['QuotaExceeded.pConnPerAP', 400, 'BAD_REQUEST', false],
    ['IllegalParam.Ckn', 400, 'BAD_REQUEST', false],
    ['ResourceNotFound.PconnMacsec', 400, 'NOT_FOUND', false],
    ['IncorrectStatus.PconnMacsec', 400, 'INVALID_STATE', false],
    ['IdempotentParameterMismatch', 400, 'IDEMPOTENCY_CONFLICT', false],
    ['SomethingNobodyDocumented', 400, 'UNKNOWN', false],
  ])('%s (HTTP %i) -> %s, retryable %s', (code, status, kind, retryable) => {
    expect(classify(code, status)).toEqual({ kind, retryable });
  });
});

describe('error construction', () => {
  it('reads Code, Message, RequestId and HostId from an error body', () => {
    const error = errorFromResponse({
      action: 'TerminatePhysicalConnection',
      httpStatus: 400,
      body: { RequestId: 'ABC-123', HostId: 'vpc.aliyuncs.com', Code: 'Forbidden.VbrAttached', Message: 'Cannot terminate.' },
      headerRequestId: null,
      knownSecrets: new Set(),
    });
    expect(error).toBeInstanceOf(UpstreamError);
    expect({ ...error, message: error.message }).toEqual({
      name: 'UpstreamError',
      kind: 'DEPENDENCY_ATTACHED',
      code: 'Forbidden.VbrAttached',
      httpStatus: 400,
      requestId: 'ABC-123',
      hostId: 'vpc.aliyuncs.com',
      action: 'TerminatePhysicalConnection',
      message: 'Cannot terminate.',
      retryable: false,
      attempts: 1,
      clientToken: null,
    });
  });

  it('an unreadable body still yields an error classified by status, with the header request id', () => {
    const error = errorFromResponse({ action: 'X', httpStatus: 503, body: null, headerRequestId: 'HDR-1', knownSecrets: new Set() });
    expect(error).toMatchObject({ kind: 'UNAVAILABLE', code: 'Http.503', requestId: 'HDR-1', retryable: true });
  });

  it('drops hostile request ids and host ids instead of echoing them', () => {
    const error = errorFromResponse({
      action: 'X',
      httpStatus: 400,
      body: { RequestId: '<script>', HostId: 'a b', Code: 'Bad Code\n', Message: 'm' },
      headerRequestId: null,
      knownSecrets: new Set(),
    });
    expect(error.requestId).toBeNull();
    expect(error.hostId).toBeNull();
    expect(error.code).toBe('Http.400');
  });

  it('transport failures: timeouts and connection errors are retryable, cancellation is not', () => {
    expect(errorFromTransport('A', 'timeout', '', new Set())).toMatchObject({ kind: 'UNAVAILABLE', code: 'Transport.Timeout', httpStatus: 0, retryable: true });
    expect(errorFromTransport('A', 'transport', 'ECONNRESET', new Set())).toMatchObject({ code: 'Transport.Error', retryable: true });
    expect(errorFromTransport('A', 'cancelled', '', new Set())).toMatchObject({ code: 'Request.Cancelled', retryable: false });
  });
});

describe('sanitizeMessage', () => {
  const stringToSign =
    'POST&%2F&AccessKeyId%3DLTAIEmulatorAccessKey%26Action%3DTerminatePhysicalConnection%26Signature%3Dabc';

  it("cuts Alibaba's `server string to sign is:` tail", () => {
    expect(sanitizeMessage(`Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`)).toBe(
      'Specified signature is not matched with our calculation',
    );
    expect(sanitizeMessage('Mismatch. Server String To Sign is: ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259')).toBe('Mismatch');
  });

  it('masks signatures, Authorization values, hex digests, canonical query strings and known secrets', () => {
    const secret = 'SuperSecretValue123';
    const text = [
      'Signature=OLeaidS1JvxuMvnyHOwuJ+uX5qY=',
      'got OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D',
      'Authorization: ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
      '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
      stringToSign,
      `secret ${secret} and ${encodeURIComponent(secret)}`,
      'AccessKeySecret=abc123',
      'token Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy',
    ].join(' | ');
    const out = sanitizeMessage(text, new Set([secret]));
    for (const leaked of ['OLeaidS1', '06563a9e', secret, 'abc123', 'AccessKeyId%3D', 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy']) {
      expect(out).not.toContain(leaked);
    }
    expect(out).toContain('[REDACTED]');
  });

  it('keeps ordinary upstream messages intact and bounds length and control characters', () => {
    const msg = 'The specified PhysicalConnectionId is not found. RequestId 4EC47282-1B74-4534-BD0E-403F3EE64CAF';
    expect(sanitizeMessage(msg)).toBe(msg);
    expect(sanitizeMessage('a\u0000b\nc')).toBe('a b c');
    expect(sanitizeMessage('x'.repeat(10_000)).length).toBeLessThanOrEqual(400);
  });
});
