/**
 * The terminate service once the upstream accepted: whatever the read after the write does (fail,
 * find nothing, lag), the answer is a success, with a warning. The emulator cannot produce these
 * reads; they are injected by wrapping the real data source.
 */
import { UpstreamError } from '../../../../src/datasources/errors';
import type { PhysicalConnection } from '../../../../src/datasources/models';
import type { VpcDataSourceApi } from '../../../../src/datasources/types';
import { terminateService } from '../../../../src/services/circuits/terminate.service';
import { eventually } from '../../../support/eventually';
import { input, READY, REGION, tampered, UPSTREAM_REQUEST_ID, useCircuitService, type TestContext } from '../support/service';

const { upstream, context } = useCircuitService();

/** Once the write went through, fresh reads of the circuit answer `read` instead. */
function readAfterWrite(ds: VpcDataSourceApi, read: () => Promise<PhysicalConnection | null>): VpcDataSourceApi {
  let written = false;
  return tampered(ds, {
    terminatePhysicalConnection: async (...args) => {
      const result = await ds.terminatePhysicalConnection(...args);
      written = true;
      return result;
    },
    freshPhysicalConnection: (regionId, id) => (written ? read() : ds.freshPhysicalConnection(regionId, id)),
  });
}

function warningFor(ctx: TestContext) {
  const warnings = ctx.logger.entries.filter((entry) => entry.level === 'warn');
  expect(warnings).toHaveLength(1);
  return warnings[0];
}

describe('once the upstream accepted, the answer is a success whatever the read after it does', () => {
  it('a failed read: the pre-read circuit as TERMINATING, and a warning with the cause and the correlation ids', async () => {
    const unavailable = new UpstreamError({
      kind: 'UNAVAILABLE',
      code: 'ServiceUnavailable',
      httpStatus: 503,
      requestId: 'REQ-READ',
      hostId: 'vpc.aliyuncs.com',
      action: 'DescribePhysicalConnections',
      message: 'The service is unavailable.',
      retryable: true,
    });
    const ctx = context(readAfterWrite(upstream.main.forRequest(), () => Promise.reject(unavailable)));
    const result = await terminateService.execute(ctx, input(READY, 'tok-post-read'));
    expect(result).toEqual({
      requestId: UPSTREAM_REQUEST_ID,
      clientToken: 'tok-post-read',
      physicalConnection: expect.objectContaining({ id: READY, regionId: REGION, status: 'TERMINATING' }),
    });
    const warning = warningFor(ctx);
    expect(warning?.msg).toBe('post-termination read failed; answering from the pre-read');
    expect(warning?.obj).toEqual({
      physicalConnectionId: READY,
      regionId: REGION,
      clientToken: 'tok-post-read',
      upstreamRequestId: result.requestId,
      requestId: 'req-service',
      cause: { code: 'ServiceUnavailable', kind: 'UNAVAILABLE', httpStatus: 503, upstreamRequestId: 'REQ-READ' },
    });
  });

  it('an unexpected failure of that read is scrubbed in the warning', async () => {
    const bug = new TypeError('boom ?Signature=c2VjcmV0c2lnbmF0dXJl&x=1');
    const ctx = context(readAfterWrite(upstream.main.forRequest(), () => Promise.reject(bug)));
    const result = await terminateService.execute(ctx, input(READY, 'tok-post-read-2'));
    expect(result.physicalConnection.status).toBe('TERMINATING');
    const warning = warningFor(ctx);
    expect(warning?.obj).toMatchObject({ cause: { name: 'TypeError', message: expect.stringContaining('boom') } });
    expect(JSON.stringify(warning)).not.toContain('c2VjcmV0c2lnbmF0dXJl');
  });

  it('a read that no longer finds the circuit: the pre-read circuit as TERMINATING, with a warning', async () => {
    const ctx = context(readAfterWrite(upstream.main.forRequest(), () => Promise.resolve(null)));
    const result = await terminateService.execute(ctx, input(READY, 'tok-vanished'));
    expect(result.physicalConnection).toMatchObject({ id: READY, status: 'TERMINATING' });
    expect(warningFor(ctx)).toMatchObject({
      msg: 'post-termination read found no circuit; answering from the pre-read',
      obj: { clientToken: 'tok-vanished' },
    });
  });

  it('a read that still shows ENABLED (lagging): answered TERMINATING, with a warning naming the status read', async () => {
    const ds = upstream.main.forRequest();
    const before = await ds.freshPhysicalConnection(REGION, READY);
    expect(before?.status).toBe('ENABLED');
    const ctx = context(readAfterWrite(ds, () => Promise.resolve(before)));
    const result = await terminateService.execute(ctx, input(READY, 'tok-lagging'));
    expect(result.physicalConnection.status).toBe('TERMINATING');
    expect(warningFor(ctx)).toMatchObject({
      msg: 'post-termination read lags the accepted termination; answering TERMINATING',
      obj: { readStatus: 'ENABLED', upstreamRequestId: result.requestId, clientToken: 'tok-lagging' },
    });
  });

  it('a replay whose read fails keeps the status the pre-read saw (TERMINATED stays TERMINATED)', async () => {
    const first = await terminateService.execute(context(), input(READY, 'tok-replay'));
    const ds = upstream.main.forRequest();
    await eventually(async () => ((await ds.freshPhysicalConnection(REGION, READY))?.status === 'TERMINATED' ? true : undefined), 'TERMINATED upstream');
    const throttled = new UpstreamError({
      kind: 'THROTTLED',
      code: 'Throttling.User',
      httpStatus: 400,
      requestId: 'REQ-THROTTLED',
      hostId: 'vpc.aliyuncs.com',
      action: 'DescribePhysicalConnections',
      message: 'Request was denied due to user flow control.',
      retryable: true,
    });
    const result = await terminateService.execute(
      context(readAfterWrite(ds, () => Promise.reject(throttled))),
      input(READY, 'tok-replay'),
    );
    expect(result.requestId).toBe(first.requestId);
    expect(result.physicalConnection.status).toBe('TERMINATED');
  });
});
