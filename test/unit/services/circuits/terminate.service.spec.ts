/**
 * The terminate service against the in-process emulator through a real data source: its
 * preconditions and its write. The GraphQL suite (test/integration/graphql/terminate.spec.ts)
 * covers every error code through the API; this one covers what it cannot see: fresh and
 * concurrent precondition reads, the preview and the mutation agreeing, a bug in the write.
 */
import { BadInputError } from '../../../../src/datasources/errors';
import { DEMO_IDS, demoSeed } from '../../../../src/emulator/domain';
import { preview } from '../../../../src/services/lifecycle';
import { terminateService } from '../../../../src/services/circuits/terminate.service';
import { input, READY, refusal, REGION, tampered, UPSTREAM_REQUEST_ID, useCircuitService } from '../support/service';

const { upstream, context, callsByAction } = useCircuitService();
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('preconditions', () => {
  it('reads the circuit and its VBR attachments concurrently', async () => {
    const ds = upstream.main.forRequest();
    const started: string[] = [];
    let open = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const gated = tampered(ds, {
      freshPhysicalConnection: async (regionId, id) => {
        started.push('circuit');
        await gate;
        return ds.freshPhysicalConnection(regionId, id);
      },
      freshVbrAttachments: async (regionId, id) => {
        started.push('attachments');
        await gate;
        return ds.freshVbrAttachments(regionId, id);
      },
    });
    const pending = terminateService.execute(context(gated), input(READY));
    // Both reads started while neither could answer.
    expect([...started].sort()).toEqual(['attachments', 'circuit']);
    open();
    expect((await pending).physicalConnection.status).toBe('TERMINATING');
  });

  it('reads fresh: a circuit terminated since this request loaded it is refused with its status now', async () => {
    const ds = upstream.main.forRequest();
    expect((await ds.physicalConnection(REGION, READY))?.status).toBe('ENABLED');
    expect(await ds.vbrsOfPhysicalConnection(REGION, READY)).toEqual([]);
    await terminateService.execute(context(), input(READY));
    await upstream.emu.control.clearCalls();

    const error = await refusal(context(ds), input(READY));
    expect(error.extensions).toEqual({
      code: 'PHYSICAL_CONNECTION_NOT_ENABLED',
      retryable: false,
      physicalConnectionId: READY,
      currentStatus: 'TERMINATING',
    });
    expect(await callsByAction()).toEqual({ DescribePhysicalConnections: 1, DescribeVirtualBorderRoutersForPhysicalConnection: 1 });
  });

  it('refuses with the first blocker the preview lists, the preview reading the request loaders only', async () => {
    const seed = demoSeed();
    const locked = seed.PhysicalConnections.find((pc) => pc.PhysicalConnectionId === DEMO_IDS.enabledWithVbrs);
    if (locked === undefined) throw new Error('demo seed changed');
    locked.BusinessStatus = 'FinancialLocked';
    await upstream.emu.control.reset({ seed });

    const ctx = context();
    const circuit = await ctx.dataSource.physicalConnection(REGION, DEMO_IDS.enabledWithVbrs);
    if (circuit === null) throw new Error('circuit missing');
    const { allowed, blockers } = await preview(terminateService, ctx, circuit);
    expect(allowed).toBe(false);
    expect(blockers.map((blocker) => blocker.code)).toEqual(['RESOURCE_LOCKED', 'VBRS_ATTACHED']);
    expect((await callsByAction())['DescribeVirtualBorderRoutersForPhysicalConnection']).toBeUndefined();

    const error = await refusal(context(), input(DEMO_IDS.enabledWithVbrs));
    expect(error.message).toBe(blockers[0]?.message);
    expect(error.extensions).toEqual({
      code: 'RESOURCE_LOCKED',
      retryable: false,
      physicalConnectionId: DEMO_IDS.enabledWithVbrs,
      businessStatus: 'FINANCIAL_LOCKED',
    });
    expect((await callsByAction())['TerminatePhysicalConnection']).toBeUndefined();
  });

  it('PHYSICAL_CONNECTION_NOT_FOUND names the circuit and the region', async () => {
    const error = await refusal(context(), input('pc-missing01'));
    expect(error.message).toBe('Physical connection pc-missing01 does not exist in region cn-hangzhou.');
    expect(error.extensions).toEqual({ code: 'PHYSICAL_CONNECTION_NOT_FOUND', retryable: false, physicalConnectionId: 'pc-missing01' });
  });

  it('a caller token does not skip the checks for a state a terminate cannot lead to', async () => {
    const error = await refusal(context(), input(DEMO_IDS.confirmed, 'some-token'));
    expect(error.extensions).toEqual({
      code: 'PHYSICAL_CONNECTION_NOT_ENABLED',
      retryable: false,
      physicalConnectionId: DEMO_IDS.confirmed,
      currentStatus: 'CONFIRMED',
    });
    expect((await callsByAction())['TerminatePhysicalConnection']).toBeUndefined();
  });

  it('a region the upstream does not know is BAD_USER_INPUT on the argument it came from', async () => {
    const unknown = { ...input(READY), regionId: 'xx-nowhere-1' };
    const upstreamDetails = { code: 'InvalidRegionId.NotFound', httpStatus: 404, requestId: UPSTREAM_REQUEST_ID };
    expect((await refusal(context(), { ...unknown, regionField: 'input.regionId' })).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      retryable: false,
      field: 'input.regionId',
      upstream: upstreamDetails,
    });
    expect((await refusal(context(), unknown)).extensions).toMatchObject({ field: 'regionId', upstream: upstreamDetails });
  });

  it('a BadInputError of the data source is BAD_USER_INPUT with its field, and nothing is written', async () => {
    const ds = tampered(upstream.main.forRequest(), {
      freshPhysicalConnection: () => Promise.reject(new BadInputError('regionId', 'unsupported region')),
    });
    const error = await refusal(context(ds), input(READY));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field: 'regionId' });
    expect((await callsByAction())['TerminatePhysicalConnection']).toBeUndefined();
  });

  it('an unexpected failure of a read is rethrown untouched (format-error masks it): nothing was written, no token', async () => {
    const bug = new TypeError('boom');
    const ds = tampered(upstream.main.forRequest(), { freshVbrAttachments: () => Promise.reject(bug) });
    await expect(terminateService.execute(context(ds), input(READY))).rejects.toBe(bug);
    expect((await callsByAction())['TerminatePhysicalConnection']).toBeUndefined();
  });
});

describe('the write', () => {
  it('sends a generated v4 token, answers TERMINATING from the read after it, and writes an audit line', async () => {
    const ctx = context();
    const result = await terminateService.execute(ctx, input(READY));
    expect(result.clientToken).toMatch(UUID_V4);
    expect(result.requestId).toEqual(UPSTREAM_REQUEST_ID);
    expect(result.physicalConnection).toMatchObject({ id: READY, regionId: REGION, status: 'TERMINATING' });
    const events = await upstream.emu.control.events();
    expect(events.map((event) => [event.action, event.resourceId, event.clientToken, event.requestId])).toEqual([
      ['TerminatePhysicalConnection', READY, result.clientToken, result.requestId],
    ]);
    expect(await callsByAction()).toEqual({
      DescribePhysicalConnections: 2,
      DescribeVirtualBorderRoutersForPhysicalConnection: 1,
      TerminatePhysicalConnection: 1,
    });
    expect(ctx.logger.entries).toEqual([
      {
        level: 'info',
        msg: 'physical connection termination accepted',
        obj: {
          physicalConnectionId: READY,
          regionId: REGION,
          clientToken: result.clientToken,
          upstreamRequestId: result.requestId,
          requestId: 'req-service',
          possibleReplay: false,
          subject: 'tester',
        },
      },
    ]);
  });

  it('a retry with the caller token goes to the upstream as a possible replay, and answers the original result', async () => {
    const first = await terminateService.execute(context(), input(READY, 'tok-1'));
    const ctx = context();
    const again = await terminateService.execute(ctx, input(READY, 'tok-1'));
    expect(again).toEqual(first);
    expect(ctx.logger.entries[0]?.obj).toMatchObject({ possibleReplay: true, clientToken: 'tok-1', upstreamRequestId: first.requestId });
    expect(await upstream.emu.control.events()).toHaveLength(1);
  });

  it('an unexpected failure of the write: INTERNAL_SERVER_ERROR with the token, and one scrubbed error log line', async () => {
    const ds = tampered(upstream.main.forRequest(), {
      terminatePhysicalConnection: () =>
        Promise.reject(new TypeError('socket hang up at https://vpc.aliyuncs.com/?Signature=c2VjcmV0c2ln')),
    });
    const ctx = context(ds);
    const error = await refusal(ctx, input(READY, 'tok-bug-1'));
    expect(error.message).toBe('Internal server error.');
    expect(error.extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      retryable: false,
      correlationId: 'req-service',
      clientToken: 'tok-bug-1',
    });
    const logged = ctx.logger.entries.filter((entry) => entry.level === 'error');
    expect(logged).toHaveLength(1);
    expect(logged[0]?.obj).toMatchObject({
      correlationId: 'req-service',
      clientToken: 'tok-bug-1',
      physicalConnectionId: READY,
      cause: { name: 'TypeError' },
    });
    const text = JSON.stringify(logged);
    expect(text).toContain('socket hang up');
    expect(text).not.toContain('c2VjcmV0c2ln');
  });
});
