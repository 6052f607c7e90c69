/**
 * The circuit services once the upstream accepted (terminate has its own: terminate.post-read.spec.ts):
 * whatever the read after the write does, the answer is a success; what each action reports when
 * that read lags, fails or finds nothing, and the warning that says so. Those reads are injected by
 * wrapping the real data source over the in-process emulator.
 */
import { UpstreamError } from '../../../../src/datasources/errors';
import type { PhysicalConnection } from '../../../../src/datasources/models';
import type { VpcDataSourceApi, VpcDataSourceWrites } from '../../../../src/datasources/types';
import { DEMO_IDS } from '../../../../src/emulator/domain';
import { confirmService } from '../../../../src/services/circuits/confirm.service';
import { createService } from '../../../../src/services/circuits/create.service';
import { deleteService } from '../../../../src/services/circuits/delete.service';
import { enableService } from '../../../../src/services/circuits/enable.service';
import { updateService } from '../../../../src/services/circuits/update.service';
import { input, REGION, tampered, UPSTREAM_REQUEST_ID, useCircuitService, type TestContext } from '../support/service';

const { upstream, context } = useCircuitService();

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

/** Once `write` went through, fresh reads of a circuit answer `read` (given what the real read says). */
function readAfter(
  write: keyof VpcDataSourceWrites,
  read: (real: () => Promise<PhysicalConnection | null>) => Promise<PhysicalConnection | null>,
): VpcDataSourceApi {
  const ds = upstream.main.forRequest();
  let written = false;
  return tampered(ds, {
    [write]: async (...args: unknown[]) => {
      const result: unknown = await (ds[write] as (...a: unknown[]) => Promise<unknown>)(...args);
      written = true;
      return result;
    },
    freshPhysicalConnection: (regionId: string, id: string) => {
      const real = () => ds.freshPhysicalConnection(regionId, id);
      return written ? read(real) : real();
    },
  });
}

const failing = () => Promise.reject(unavailable);

function warnings(ctx: TestContext) {
  return ctx.logger.entries.filter((entry) => entry.level === 'warn').map((entry) => ({ msg: entry.msg, obj: entry.obj }));
}

describe('ENABLE: asynchronous, no status of its own', () => {
  it('the read after it shows CONFIRMED: that is the answer, no warning', async () => {
    const ctx = context();
    const result = await enableService.execute(ctx, input(DEMO_IDS.confirmed));
    expect(result.physicalConnection.status).toBe('CONFIRMED');
    expect(warnings(ctx)).toEqual([]);
    expect(ctx.logger.entries.find((entry) => entry.level === 'info')).toMatchObject({
      msg: 'physical connection enable accepted',
      obj: { physicalConnectionId: DEMO_IDS.confirmed, possibleReplay: false, subject: 'tester', upstreamRequestId: UPSTREAM_REQUEST_ID },
    });
  });

  it('a failed read: the circuit from before the write, as it was, with a warning and the cause', async () => {
    const ctx = context(readAfter('enablePhysicalConnection', failing));
    const result = await enableService.execute(ctx, input(DEMO_IDS.confirmed, 'tok-enable'));
    expect(result).toEqual({
      requestId: UPSTREAM_REQUEST_ID,
      clientToken: 'tok-enable',
      physicalConnection: expect.objectContaining({ id: DEMO_IDS.confirmed, status: 'CONFIRMED' }),
    });
    expect(warnings(ctx)).toEqual([
      {
        msg: 'post-enable read failed; answering from the pre-read',
        obj: expect.objectContaining({ clientToken: 'tok-enable', cause: expect.objectContaining({ code: 'ServiceUnavailable' }) }),
      },
    ]);
  });
});

describe('CONFIRM: settles in CONFIRMED', () => {
  it('a read still showing ALLOCATED lags: answered CONFIRMED, with a warning naming the status read', async () => {
    const ctx = context(
      readAfter('confirmPhysicalConnection', async (real) => {
        const read = await real();
        return read === null ? null : { ...read, status: 'ALLOCATED' };
      }),
    );
    const result = await confirmService.execute(ctx, input(DEMO_IDS.allocated));
    expect(result.physicalConnection.status).toBe('CONFIRMED');
    expect(warnings(ctx)).toEqual([
      { msg: 'post-confirmation read lags the accepted confirmation; answering CONFIRMED', obj: expect.objectContaining({ readStatus: 'ALLOCATED' }) },
    ]);
  });

  it('a read that finds nothing: the pre-read circuit as CONFIRMED, with a warning', async () => {
    const ctx = context(readAfter('confirmPhysicalConnection', async () => null));
    const result = await confirmService.execute(ctx, input(DEMO_IDS.allocated));
    expect(result.physicalConnection).toMatchObject({ id: DEMO_IDS.allocated, status: 'CONFIRMED' });
    expect(warnings(ctx).map((warning) => warning.msg)).toEqual(['post-confirmation read found no circuit; answering from the pre-read']);
  });
});

describe('DELETE: gone', () => {
  it('null, without a warning, when the read finds nothing', async () => {
    const ctx = context();
    expect((await deleteService.execute(ctx, input(DEMO_IDS.canceled))).physicalConnection).toBeNull();
    expect(warnings(ctx)).toEqual([]);
  });

  it.each([
    ['a read that still shows the circuit lags', (real: () => Promise<PhysicalConnection | null>) => real().then(() => ({ id: DEMO_IDS.canceled, status: 'CANCELED' }) as PhysicalConnection), 'post-deletion read lags the accepted deletion; answering null'],
    ['a failed read', failing, 'post-deletion read failed; answering null'],
  ])('%s: null, with a warning', async (_what, read, message) => {
    const ctx = context(readAfter('deletePhysicalConnection', read));
    expect((await deleteService.execute(ctx, input(DEMO_IDS.canceled))).physicalConnection).toBeNull();
    expect(warnings(ctx).map((warning) => warning.msg)).toEqual([message]);
  });
});

describe('UPDATE and CREATE: the read after the write is the only circuit that shows the change', () => {
  it('UPDATE with a failed read: physicalConnection null, with a warning', async () => {
    const ctx = context(readAfter('modifyPhysicalConnection', failing));
    const result = await updateService.execute(ctx, { ...input(DEMO_IDS.allocated), changes: { name: 'renamed' } });
    expect(result).toEqual({ requestId: UPSTREAM_REQUEST_ID, clientToken: expect.any(String), physicalConnection: null });
    expect(warnings(ctx).map((warning) => warning.msg)).toEqual(['post-update read failed; answering null']);
  });

  it.each([
    ['a failed read', failing, 'post-creation read failed; answering null'],
    ['a read that does not find it yet', async () => null, 'post-creation read found no circuit; answering null'],
  ])('CREATE with %s: the new id, physicalConnection null, a warning', async (_what, read, message) => {
    const ctx = context(readAfter('createPhysicalConnection', read));
    const result = await createService.execute(ctx, {
      regionId: REGION,
      clientToken: 'tok-create',
      attributes: { accessPointId: 'ap-cn-hangzhou-test-A', lineOperator: 'CT' },
    });
    expect(result).toEqual({ physicalConnectionId: expect.stringMatching(/^pc-/), physicalConnection: null, requestId: UPSTREAM_REQUEST_ID, clientToken: 'tok-create' });
    expect(warnings(ctx)).toEqual([{ msg: message, obj: expect.objectContaining({ physicalConnectionId: result.physicalConnectionId, clientToken: 'tok-create' }) }]);
  });
});
