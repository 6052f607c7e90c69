/**
 * One signed call with retries, over undici's MockAgent (no network): request shape, retries and
 * backoff, idempotency token reuse with fresh nonces, deadlines, cancellation, error parsing and
 * what errors may never contain.
 */
import { inspect } from 'node:util';
import { EMPTY_BODY_SHA256, parseV3Authorization, v1Signature, v3CanonicalRequest, v3Signature, v3StringToSign } from '../../../../src/shared/acs-signature';
import { createVpcBackend, type VpcBackend, type VpcBackendOptions } from '../../../../src/datasources';
import { UpstreamError } from '../../../../src/datasources/errors';
import type { RetryEvent, UpstreamCallEvent } from '../../../../src/datasources/options';
import { ORIGIN, STATIC_CREDENTIALS, apiError, mockUpstream, type Handler, type MockUpstream } from '../support/mock-upstream';

const OK_TERMINATE = { status: 200, body: { RequestId: 'OK-REQ-1' } };

interface Harness {
  upstream: MockUpstream;
  backend: VpcBackend;
  calls: UpstreamCallEvent[];
  retries: RetryEvent[];
}

const open: Harness[] = [];

function harness(handler: Handler, options: Partial<VpcBackendOptions> = {}, delayMs?: number, failFirst?: Error[]): Harness {
  const upstream = mockUpstream(handler, { ...(delayMs ? { delayMs } : {}), ...(failFirst ? { failFirst } : {}) });
  const calls: UpstreamCallEvent[] = [];
  const retries: RetryEvent[] = [];
  const backend = createVpcBackend({
    endpoint: ORIGIN,
    credentials: STATIC_CREDENTIALS,
    dispatcher: upstream.agent,
    retry: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 40, budgetMs: 5_000 },
    random: () => 0.5,
    hooks: { onUpstreamCall: (e) => calls.push(e), onRetry: (e) => retries.push(e) },
    ...options,
  });
  const h = { upstream, backend, calls, retries };
  open.push(h);
  return h;
}

afterEach(async () => {
  for (const h of open.splice(0)) {
    await h.backend.close();
    await h.upstream.close();
  }
});

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UpstreamError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const terminate = (h: Harness, clientToken?: string, signal?: AbortSignal) =>
  h.backend.api.terminatePhysicalConnection({ regionId: 'cn-hangzhou', physicalConnectionId: 'pc-abc123', ...(clientToken ? { clientToken } : {}) }, signal ? { signal } : {});

describe('request shape', () => {
  it('V3 (default): POST / with business params in the query, SDK headers, a signature that verifies', async () => {
    const h = harness(() => OK_TERMINATE);
    const result = await terminate(h, 'my-token-1');
    expect(result).toEqual({ requestId: 'OK-REQ-1', clientToken: 'my-token-1' });
    const [req] = h.upstream.requests;
    if (!req) throw new Error('no request');
    expect(req.method).toBe('POST');
    expect(req.path.startsWith('/?')).toBe(true);
    expect(req.query).toEqual({ RegionId: 'cn-hangzhou', PhysicalConnectionId: 'pc-abc123', ClientToken: 'my-token-1' });
    expect(req.headers).toMatchObject({
      host: 'vpc.test:9100',
      'x-acs-action': 'TerminatePhysicalConnection',
      'x-acs-version': '2016-04-28',
      'x-acs-content-sha256': EMPTY_BODY_SHA256,
      accept: 'application/json',
    });
    expect(req.headers['user-agent']).toMatch(/^AlibabaCloud \(/);
    expect(req.headers['x-acs-date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const auth = parseV3Authorization(req.headers.authorization ?? '');
    expect(auth?.credential).toBe(STATIC_CREDENTIALS.accessKeyId);
    const canonical = v3CanonicalRequest({
      method: 'POST',
      pathname: '/',
      query: req.query,
      headers: req.headers,
      signedHeaders: auth?.signedHeaders ?? [],
      payloadHash: EMPTY_BODY_SHA256,
    });
    expect(auth?.signature).toBe(v3Signature(STATIC_CREDENTIALS.accessKeySecret, v3StringToSign(canonical)));
  });

  it('V1: HMAC-SHA1 over every query parameter, as doRPCRequest sends it', async () => {
    const h = harness(() => OK_TERMINATE, { signatureVersion: 'v1' });
    await terminate(h, 'tok');
    const req = h.upstream.requests[0];
    if (!req) throw new Error('no request');
    const { Signature, ...signed } = req.query;
    expect(signed).toMatchObject({ Action: 'TerminatePhysicalConnection', Format: 'json', Version: '2016-04-28', AccessKeyId: STATIC_CREDENTIALS.accessKeyId, ClientToken: 'tok' });
    expect(Signature).toBe(v1Signature('POST', signed, STATIC_CREDENTIALS.accessKeySecret));
    expect(req.headers.authorization).toBeUndefined();
  });

  it('generates a ClientToken (UUID) when the caller gives none', async () => {
    const h = harness(() => OK_TERMINATE);
    const result = await terminate(h);
    expect(result.clientToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.upstream.requests[0]?.query.ClientToken).toBe(result.clientToken);
  });

  it('a failed write carries the token it was sent with, so a library caller can retry it safely', async () => {
    // Answers only after the 50 ms deadline: did the termination happen? Only a retry with the
    // same token can tell without terminating twice.
    const h = harness(() => OK_TERMINATE, { timeouts: { totalMs: 50 }, retry: { maxAttempts: 1 } }, 2_000);
    const error = await failure(terminate(h));
    expect(error).toMatchObject({ code: 'Transport.Timeout', retryable: true });
    expect(error.clientToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.clientToken).toBe(h.upstream.requests[0]?.query.ClientToken);

    const refused = harness(() => apiError(400, 'Forbidden.VbrAttached', 'VBRs attached.'));
    expect(await failure(terminate(refused, 'tok-given'))).toMatchObject({ code: 'Forbidden.VbrAttached', clientToken: 'tok-given' });

    // Accepted, but the answer lacks the new id: a retry with the token replays it.
    const accepted = harness(() => ({ status: 200, body: { RequestId: 'R-created' } }));
    const create = accepted.backend.api.createPhysicalConnection({ regionId: 'cn-hangzhou', accessPointId: 'ap-cn-hangzhou-1', lineOperator: 'OTHER', clientToken: 'tok-create' });
    expect(await failure(create)).toMatchObject({ code: 'Response.Malformed', requestId: 'R-created', clientToken: 'tok-create' });
  });

  it('a read error carries no token', async () => {
    const h = harness(() => apiError(400, 'InvalidRegionId.NotFound', 'no such region'));
    expect(await failure(h.backend.api.describeRegions())).toMatchObject({ code: 'InvalidRegionId.NotFound', clientToken: null });
  });
});

describe('retries', () => {
  it('throttled twice then success: one logical success, the SAME ClientToken, a fresh nonce and date each attempt, hooks count the retries', async () => {
    const h = harness((_req, i) => (i < 2 ? apiError(400, 'Throttling.User', 'Request was denied due to user flow control.') : OK_TERMINATE));
    const result = await terminate(h);
    expect(result.requestId).toBe('OK-REQ-1');
    const reqs = h.upstream.requests;
    expect(reqs).toHaveLength(3);
    expect(new Set(reqs.map((r) => r.query.ClientToken))).toEqual(new Set([result.clientToken]));
    expect(new Set(reqs.map((r) => r.headers['x-acs-signature-nonce'])).size).toBe(3);
    expect(new Set(reqs.map((r) => r.headers.authorization)).size).toBe(3);
    expect(reqs.map((r) => r.headers['x-acs-retry-attempts'])).toEqual([undefined, '1', '2']);
    expect(h.calls.map((c) => [c.outcome, c.attempt, c.httpStatus])).toEqual([
      ['Throttling.User', 1, 400],
      ['Throttling.User', 2, 400],
      ['success', 3, 200],
    ]);
    expect(h.calls.every((c) => c.action === 'TerminatePhysicalConnection' && c.regionId === 'cn-hangzhou' && c.durationMs >= 0)).toBe(true);
    // Equal jitter with random() = 0.5: 3/4 of min(maxDelay, base * 2^(n-1)).
    expect(h.retries).toEqual([
      { action: 'TerminatePhysicalConnection', attempt: 2, code: 'Throttling.User', delayMs: 8 },
      { action: 'TerminatePhysicalConnection', attempt: 3, code: 'Throttling.User', delayMs: 15 },
    ]);
    expect(reqs.map((r) => r.headers['x-acs-retry-delay'])).toEqual([undefined, '8', '15']);
  });

  it('never retries a 4xx business error', async () => {
    const h = harness(() => apiError(400, 'Forbidden.VbrAttached', 'Cannot terminate physical connection when virtual border routers are still attached.'));
    const error = await failure(terminate(h));
    expect(h.upstream.requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'DEPENDENCY_ATTACHED', code: 'Forbidden.VbrAttached', httpStatus: 400, attempts: 1, retryable: false, requestId: 'REQ-ForbiddenVbrAttached', hostId: 'vpc.test' });
    expect(h.retries).toEqual([]);
  });

  it('5xx on every attempt: stops at maxAttempts with UNAVAILABLE and the attempt count', async () => {
    const h = harness(() => apiError(503, 'ServiceUnavailable'), { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2, budgetMs: 5_000 } });
    const error = await failure(terminate(h));
    expect(h.upstream.requests).toHaveLength(3);
    expect(error).toMatchObject({ kind: 'UNAVAILABLE', code: 'ServiceUnavailable', httpStatus: 503, attempts: 3, retryable: true });
  });

  it('5xx beyond the time budget: gives up before maxAttempts', async () => {
    // The budget is measured on the injected clock: each upstream answer "takes" 30 ms of it.
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const h = harness(
      () => {
        clock += 30;
        return apiError(500, 'InternalError');
      },
      { now: () => clock, retry: { maxAttempts: 10, baseDelayMs: 60, maxDelayMs: 60, budgetMs: 100 } },
    );
    const error = await failure(terminate(h));
    // Backoff 45 ms (random 0.5): after attempt 1, 30 + 45 < 100 retries; after attempt 2,
    // 60 + 45 >= 100 gives up, with 8 attempts still allowed by the count.
    expect(h.upstream.requests).toHaveLength(2);
    expect(h.retries.map((r) => r.delayMs)).toEqual([45]);
    expect(error).toMatchObject({ kind: 'UNAVAILABLE', code: 'InternalError', attempts: 2 });
  });

  it('honours x-acs-retry-after, and gives up when it exceeds the budget', async () => {
    const honoured = harness((_r, i) => (i === 0 ? { ...apiError(400, 'Throttling'), headers: { 'x-acs-retry-after': '150' } } : OK_TERMINATE));
    await terminate(honoured);
    // The planned wait is the header's, not the backoff's (45 ms with random 0.5); retry.spec.ts covers the sleep.
    expect(honoured.retries).toEqual([{ action: 'TerminatePhysicalConnection', attempt: 2, code: 'Throttling', delayMs: 150 }]);

    const tooLong = harness(() => ({ ...apiError(400, 'Throttling.Api'), headers: { 'x-acs-retry-after': '60000' } }));
    const error = await failure(terminate(tooLong));
    expect(tooLong.upstream.requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'THROTTLED', retryable: true, attempts: 1 });
  });

  it('retries a dropped connection and a malformed success body (the token makes it safe)', async () => {
    const h = harness((_r, i) => (i === 0 ? { status: 200, body: '{"RequestId":"TRUNC' } : OK_TERMINATE));
    const result = await terminate(h, 'same-token');
    expect(result).toEqual({ requestId: 'OK-REQ-1', clientToken: 'same-token' });
    expect(h.calls.map((c) => c.outcome)).toEqual(['Response.Malformed', 'success']);

    const dropped = harness(() => OK_TERMINATE, {}, undefined, [new Error('socket hang up'), new Error('other side closed')]);
    const res = await terminate(dropped, 't2');
    expect(res).toEqual({ requestId: 'OK-REQ-1', clientToken: 't2' });
    expect(dropped.calls.map((c) => [c.outcome, c.httpStatus])).toEqual([
      ['Transport.Error', 0],
      ['Transport.Error', 0],
      ['success', 200],
    ]);
    // Only the attempt that got through is recorded by the handler; it carries the same token.
    expect(dropped.upstream.requests.map((r) => r.query.ClientToken)).toEqual(['t2']);
  });

});

describe('deadlines and cancellation', () => {
  it('an attempt that exceeds totalMs fails as Transport.Timeout (and is retried)', async () => {
    // The answers would come (successfully) after 2 s: only the 50 ms deadline can fail them.
    const h = harness(() => OK_TERMINATE, { timeouts: { totalMs: 50 }, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } }, 2_000);
    const error = await failure(terminate(h));
    expect(error).toMatchObject({ kind: 'UNAVAILABLE', code: 'Transport.Timeout', httpStatus: 0, attempts: 2, retryable: true });
    expect(h.calls.map((c) => c.outcome)).toEqual(['Transport.Timeout', 'Transport.Timeout']);
    // Each attempt was cut off in flight: no reply was ever sent.
    expect(h.upstream.requests).toHaveLength(2);
    expect(h.upstream.delivered()).toBe(0);
  });

  it('a read: the caller aborting cancels the in-flight request, without a retry', async () => {
    const controller = new AbortController();
    // Aborted once the request is on the wire; its answer would take 2 s.
    const h = harness(
      () => {
        setImmediate(() => controller.abort());
        return { status: 200, body: { RequestId: 'R-regions', Regions: { Region: [] } } };
      },
      {},
      2_000,
    );
    const error = await failure(h.backend.api.describeRegions({}, { signal: controller.signal }));
    expect(error).toMatchObject({ code: 'Request.Cancelled', retryable: false, attempts: 1 });
    expect(h.upstream.requests).toHaveLength(1);
    // Cancelled in flight, not answered and then ignored.
    expect(h.upstream.delivered()).toBe(0);
  });

  it('a read: the caller aborting during a backoff wait ends the call at once', async () => {
    const controller = new AbortController();
    // The planned wait (a minute) is far longer than jest lets a test run: only an abortable
    // wait lets this test finish.
    const h = harness(() => apiError(503, 'ServiceUnavailable'), {
      retry: { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 60_000, budgetMs: 600_000 },
      hooks: { onRetry: () => setTimeout(() => controller.abort(), 20) },
    });
    const error = await failure(h.backend.api.describeRegions({}, { signal: controller.signal }));
    expect(error.code).toBe('Request.Cancelled');
    expect(h.upstream.requests).toHaveLength(1);
  });

  it('an already aborted signal sends nothing, a write included', async () => {
    const h = harness(() => OK_TERMINATE);
    const error = await failure(terminate(h, 'tok', AbortSignal.abort()));
    expect(error).toMatchObject({ code: 'Request.Cancelled', clientToken: 'tok' });
    expect(h.upstream.requests).toHaveLength(0);
  });
});

describe('a write outlives its caller once sent', () => {
  it('the caller aborting after the write went out does not cancel it: the real answer comes back', async () => {
    const controller = new AbortController();
    // The answer is held until the caller has given up.
    const answered = new Promise((resolve) => controller.signal.addEventListener('abort', resolve));
    const h = harness(() => {
      setImmediate(() => controller.abort());
      return { ...OK_TERMINATE, hold: answered };
    });
    await expect(terminate(h, 'tok-stays', controller.signal)).resolves.toEqual({ requestId: 'OK-REQ-1', clientToken: 'tok-stays' });
    expect(h.upstream.delivered()).toBe(1);
    expect(h.calls.map((c) => c.outcome)).toEqual(['success']);
  });

  it('its retries go on after the caller left, with the same token', async () => {
    const controller = new AbortController();
    const h = harness((_req, i) => {
      if (i > 0) return OK_TERMINATE;
      controller.abort();
      return apiError(503, 'ServiceUnavailable');
    });
    await expect(terminate(h, 'tok-retried', controller.signal)).resolves.toMatchObject({ requestId: 'OK-REQ-1' });
    expect(h.upstream.requests.map((r) => r.query.ClientToken)).toEqual(['tok-retried', 'tok-retried']);
  });

  it('a read is still cancelled by the same abort (only writes are detached)', async () => {
    const controller = new AbortController();
    const answered = new Promise((resolve) => controller.signal.addEventListener('abort', resolve));
    const h = harness(() => {
      setImmediate(() => controller.abort());
      return { status: 200, body: { RequestId: 'R-regions', Regions: { Region: [] } }, hold: answered };
    });
    expect(await failure(h.backend.api.describeRegions({}, { signal: controller.signal }))).toMatchObject({ code: 'Request.Cancelled' });
  });

  it('close() waits for a write in flight before closing the pools', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let sent: () => void = () => undefined;
    const onWire = new Promise<void>((resolve) => {
      sent = resolve;
    });
    const h = harness(() => {
      sent();
      return { ...OK_TERMINATE, hold: held };
    });
    const write = terminate(h, 'tok-close');
    await onWire;
    let closed = false;
    const closing = h.backend.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    release();
    await expect(write).resolves.toMatchObject({ requestId: 'OK-REQ-1' });
    await closing;
    expect(closed).toBe(true);
  });

  it('stopWrites() ends a write in flight (a shutdown out of time): cancelled, with its token', async () => {
    const h = harness(() => {
      setImmediate(() => h.backend.stopWrites());
      // Never answered by itself.
      return { ...OK_TERMINATE, hold: new Promise(() => undefined) };
    });
    expect(await failure(terminate(h, 'tok-stopped'))).toMatchObject({ code: 'Request.Cancelled', clientToken: 'tok-stopped', attempts: 1 });
    expect(h.upstream.delivered()).toBe(0);
  });
});

describe('error bodies', () => {
  it('parses an XML error body', async () => {
    const h = harness(() => ({
      status: 404,
      headers: { 'content-type': 'text/xml;charset=utf-8' },
      body: '<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>XML-REQ</RequestId><HostId>vpc.test</HostId><Code>InvalidPhysicalConnectionId.NotFound</Code><Message>The PhysicalConnectionId provided does not exist in our records.</Message></Error>',
    }));
    const error = await failure(terminate(h));
    expect(error).toMatchObject({
      kind: 'NOT_FOUND',
      code: 'InvalidPhysicalConnectionId.NotFound',
      httpStatus: 404,
      requestId: 'XML-REQ',
      hostId: 'vpc.test',
      message: 'The PhysicalConnectionId provided does not exist in our records.',
    });
  });

  it('treats an error Code inside a 200 body as an error (POP convention)', async () => {
    const h = harness(() => ({ status: 200, body: { RequestId: 'R', Code: 'Forbidden.NotAllowedInState', Message: 'no' } }));
    expect(await failure(terminate(h))).toMatchObject({ kind: 'INVALID_STATE', httpStatus: 200 });
  });

  it('a success body without any RequestId is malformed', async () => {
    const h = harness(() => ({ status: 200, body: {} }), { retry: { maxAttempts: 1 } });
    expect(await failure(terminate(h))).toMatchObject({ code: 'Response.Malformed', kind: 'UNAVAILABLE' });
  });
});

describe('secrets never reach an error', () => {
  const securityToken = 'STS.TokenValue-7b1e2c9d4f';

  function leaks(error: unknown, secrets: string[]): string[] {
    const views = [
      JSON.stringify(error),
      JSON.stringify(error, Object.getOwnPropertyNames(error as object)),
      inspect(error, { showHidden: true, depth: null }),
      String(error),
      (error as Error).stack ?? '',
    ].join('\n');
    return secrets.filter((s) => views.includes(s));
  }

  it('SignatureDoesNotMatch echoing the string-to-sign, the signature and the secret', async () => {
    let sentSignature = '';
    const h = harness(
      (req) => {
        sentSignature = parseV3Authorization(req.headers.authorization ?? '')?.signature ?? '';
        const stringToSign = `ACS3-HMAC-SHA256\n${'ab'.repeat(32)}`;
        return apiError(
          400,
          'SignatureDoesNotMatch',
          `Specified signature is not matched with our calculation. signature=${sentSignature} secret=${STATIC_CREDENTIALS.accessKeySecret} token ${securityToken} server string to sign is:${stringToSign}`,
        );
      },
      { credentials: { ...STATIC_CREDENTIALS, securityToken } },
    );
    const error = await failure(terminate(h));
    expect(error).toMatchObject({ kind: 'AUTH', code: 'SignatureDoesNotMatch' });
    expect(error.message).toMatch(/^Specified signature is not matched with our calculation/);
    expect(sentSignature).toMatch(/^[0-9a-f]{64}$/);
    expect(leaks(error, [STATIC_CREDENTIALS.accessKeySecret, sentSignature, securityToken, 'string to sign', 'ababababab'])).toEqual([]);
  });

  it('a transport error text carrying the secret is scrubbed too', async () => {
    const h = harness(() => OK_TERMINATE, { retry: { maxAttempts: 1 } }, undefined, [
      new Error(`proxy said: ${STATIC_CREDENTIALS.accessKeySecret} Signature=OLeaidS1JvxuMvnyHOwuJ+uX5qY=`),
    ]);
    const error = await failure(terminate(h));
    expect(error.code).toBe('Transport.Error');
    expect(leaks(error, [STATIC_CREDENTIALS.accessKeySecret, 'OLeaidS1JvxuMvnyHOwuJ'])).toEqual([]);
  });
});
