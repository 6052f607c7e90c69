/**
 * The VBR services once the upstream accepted: whatever the read after the write does (fail, find
 * nothing, lag), the answer is a success, with a warning. The emulator cannot produce these reads;
 * they are injected by wrapping the real data source.
 */
import { UpstreamError } from '../../../../src/datasources/errors';
import type { Vbr } from '../../../../src/datasources/models';
import type { VpcDataSourceApi } from '../../../../src/datasources/types';
import { DEMO_IDS } from '../../../../src/emulator/domain';
import { createVbrService } from '../../../../src/services/vbrs/create.service';
import { deleteVbrService } from '../../../../src/services/vbrs/delete.service';
import { terminateVbrService } from '../../../../src/services/vbrs/terminate.service';
import { updateVbrService } from '../../../../src/services/vbrs/update.service';
import { REGION, tampered, useCircuitService, type TestContext } from '../support/service';

const { upstream, context } = useCircuitService();
const V = DEMO_IDS.vbrs;

const unavailable = new UpstreamError({
  kind: 'UNAVAILABLE',
  code: 'ServiceUnavailable',
  httpStatus: 503,
  requestId: 'REQ-READ',
  hostId: 'vpc.aliyuncs.com',
  action: 'DescribeVirtualBorderRouters',
  message: 'The service is unavailable.',
  retryable: true,
});

/** Once a VBR write went through, fresh reads of VBRs answer `read` instead. */
function readAfterWrite(read: (ds: VpcDataSourceApi, regionId: string, id: string) => Promise<Vbr | null>): VpcDataSourceApi {
  const ds = upstream.main.forRequest();
  let written = false;
  const writing =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await write(...args);
      written = true;
      return result;
    };
  return tampered(ds, {
    createVbr: writing(ds.createVbr.bind(ds)),
    modifyVbr: writing(ds.modifyVbr.bind(ds)),
    terminateVbr: writing(ds.terminateVbr.bind(ds)),
    deleteVbr: writing(ds.deleteVbr.bind(ds)),
    freshVbr: (regionId, id) => (written ? read(ds, regionId, id) : ds.freshVbr(regionId, id)),
  });
}

function warnings(ctx: TestContext): Array<string | undefined> {
  return ctx.logger.entries.filter((entry) => entry.level === 'warn').map((entry) => entry.msg);
}

const input = (vbrId: string, clientToken: string) => ({ regionId: REGION, vbrId, clientToken });

it('terminate, read failed: the pre-read VBR as TERMINATING, with a warning carrying the cause', async () => {
  const ctx = context(readAfterWrite(() => Promise.reject(unavailable)));
  const result = await terminateVbrService.execute(ctx, input(V.active, 'tok-vbr-read-1'));
  expect(result).toMatchObject({ clientToken: 'tok-vbr-read-1', vbr: { id: V.active, status: 'TERMINATING', vlanId: 100 } });
  expect(warnings(ctx)).toEqual(['read after the VBR write failed; answering from the pre-read']);
  expect(ctx.logger.entries.find((e) => e.level === 'warn')?.obj).toMatchObject({ vbrId: V.active, cause: { code: 'ServiceUnavailable', upstreamRequestId: 'REQ-READ' } });
});

it('terminate, read lags (still ACTIVE): answered TERMINATING, with a warning', async () => {
  const stillActive = async (ds: VpcDataSourceApi, regionId: string, id: string): Promise<Vbr | null> => {
    const read = await ds.freshVbr(regionId, id);
    return read === null ? null : { ...read, status: 'ACTIVE' };
  };
  const ctx = context(readAfterWrite(stillActive));
  const result = await terminateVbrService.execute(ctx, input(V.active, 'tok-vbr-lag-1'));
  expect(result.vbr?.status).toBe('TERMINATING');
  expect(warnings(ctx)).toEqual(['read after the VBR write lags; answering TERMINATING']);
});

it('terminate, read finds nothing: the pre-read VBR as TERMINATING, with a warning', async () => {
  const ctx = context(readAfterWrite(() => Promise.resolve(null)));
  const result = await terminateVbrService.execute(ctx, input(V.active, 'tok-vbr-gone-1'));
  expect(result.vbr).toMatchObject({ id: V.active, status: 'TERMINATING' });
  expect(warnings(ctx)).toEqual(['read after the VBR write found no VBR; answering from the pre-read']);
});

it('delete, read finds nothing: the VBR is gone (null), no warning; read failed: the pre-read as DELETING', async () => {
  const gone = context(readAfterWrite(() => Promise.resolve(null)));
  expect((await deleteVbrService.execute(gone, input(V.active, 'tok-del-1'))).vbr).toBeNull();
  expect(warnings(gone)).toEqual([]);

  await upstream.emu.control.reset();
  const failed = context(readAfterWrite(() => Promise.reject(unavailable)));
  expect((await deleteVbrService.execute(failed, input(V.active, 'tok-del-2'))).vbr).toMatchObject({ id: V.active, status: 'DELETING' });
});

it('update, read failed: the pre-read VBR with the changes applied', async () => {
  const ctx = context(readAfterWrite(() => Promise.reject(unavailable)));
  const result = await updateVbrService.execute(ctx, { ...input(V.active, 'tok-upd-1'), changes: { name: 'after-write', detectMultiplier: 6 } });
  expect(result.vbr).toMatchObject({ id: V.active, name: 'after-write', detectMultiplier: 6, vlanId: 100 });
  expect(warnings(ctx)).toEqual(['read after the VBR write failed; answering from the pre-read']);
});

it('create, read failed: the new id without the VBR, with a warning', async () => {
  const ctx = context(readAfterWrite(() => Promise.reject(unavailable)));
  const result = await createVbrService.execute(ctx, {
    regionId: REGION,
    clientToken: 'tok-create-read-1',
    spec: { physicalConnectionId: DEMO_IDS.enabledReadyToTerminate[0], vlanId: 42, localGatewayIp: '10.1.1.1', peerGatewayIp: '10.1.1.2', peeringSubnetMask: '255.255.255.252' },
  });
  expect(result).toMatchObject({ vbrId: expect.stringMatching(/^vbr-/), vbr: null, clientToken: 'tok-create-read-1' });
  expect(warnings(ctx)).toEqual(['read after the VBR write failed; answering with its id only']);
});
