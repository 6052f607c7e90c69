import { UpstreamError } from '../../../../src/datasources/errors';
import type { VpcDataSourceApi } from '../../../../src/datasources/types';
import { recordWrites, writeAuditLine } from '../../../../src/server/graphql/audit-record';
import { newRequestState, type WriteRecord } from '../../../../src/server/plugins/request-state';
import { recordingLogger } from '../../../support/recording-logger';

function fakeDataSource(terminate: VpcDataSourceApi['terminatePhysicalConnection']): VpcDataSourceApi {
  const unused = () => Promise.reject(new Error('not used'));
  return {
    physicalConnection: unused,
    vbrsOfPhysicalConnection: unused,
    vbr: unused,
    physicalConnections: unused,
    vbrs: unused,
    regions: async () => [],
    freshPhysicalConnection: unused,
    freshVbrAttachments: unused,
    terminatePhysicalConnection: terminate,
  };
}

describe('recordWrites', () => {
  it('records a successful write with the upstream RequestId and the token used', async () => {
    const writes: WriteRecord[] = [];
    const ds = recordWrites(fakeDataSource(async () => ({ requestId: 'REQ-1', clientToken: 'tok-1' })), writes);
    await expect(ds.terminatePhysicalConnection('cn-hangzhou', 'pc-1', { clientToken: 'tok-1' })).resolves.toEqual({
      requestId: 'REQ-1',
      clientToken: 'tok-1',
    });
    expect(writes).toEqual([
      { method: 'terminatePhysicalConnection', regionId: 'cn-hangzhou', resourceId: 'pc-1', clientToken: 'tok-1', upstreamRequestId: 'REQ-1', outcome: 'success' },
    ]);
  });

  it('records a refused write with the upstream code and RequestId, and rethrows the same error', async () => {
    const writes: WriteRecord[] = [];
    const refusal = new UpstreamError({
      kind: 'DEPENDENCY_ATTACHED',
      code: 'Forbidden.VbrAttached',
      httpStatus: 400,
      requestId: 'REQ-2',
      hostId: null,
      action: 'TerminatePhysicalConnection',
      message: 'vbr attached',
      retryable: false,
    });
    const ds = recordWrites(fakeDataSource(() => Promise.reject(refusal)), writes);
    await expect(ds.terminatePhysicalConnection('cn-hangzhou', 'pc-2', { clientToken: 'tok-2' })).rejects.toBe(refusal);
    expect(writes[0]).toMatchObject({ outcome: 'Forbidden.VbrAttached', upstreamRequestId: 'REQ-2', clientToken: 'tok-2' });
  });

  it('records the token a failed write carries when the caller gave none (a generated one)', async () => {
    const writes: WriteRecord[] = [];
    const timeout = new UpstreamError({
      kind: 'UNAVAILABLE',
      code: 'Transport.Timeout',
      httpStatus: 0,
      requestId: null,
      hostId: null,
      action: 'TerminatePhysicalConnection',
      message: 'no answer in time',
      retryable: true,
      clientToken: 'generated-tok-3',
    });
    const ds = recordWrites(fakeDataSource(() => Promise.reject(timeout)), writes);
    await expect(ds.terminatePhysicalConnection('cn-hangzhou', 'pc-3')).rejects.toBe(timeout);
    expect(writes[0]).toMatchObject({ outcome: 'Transport.Timeout', clientToken: 'generated-tok-3' });
  });

  it('passes reads through untouched', async () => {
    const writes: WriteRecord[] = [];
    await expect(recordWrites(fakeDataSource(() => Promise.reject(new Error('x'))), writes).regions()).resolves.toEqual([]);
    expect(writes).toEqual([]);
  });
});

describe('writeAuditLine', () => {
  const unanswered = (cutByShutdown: boolean) => {
    const state = newRequestState('r', 0);
    state.audit = { operationName: 'Terminate', fields: [], outcome: 'OK', errorCodes: [], upstreamRequestId: null, clientToken: null };
    state.cutByShutdown = cutByShutdown;
    const logger = recordingLogger();
    writeAuditLine(state, logger, null);
    return logger.entries.map((e) => e.obj);
  };

  it('says who ended an unanswered request: its client, or the shutdown deadline', () => {
    const [hungUp] = unanswered(false);
    expect(hungUp).toMatchObject({ httpStatus: null, clientDisconnected: true });
    expect(hungUp).not.toHaveProperty('cutByShutdown');
    expect(unanswered(true)).toEqual([expect.objectContaining({ httpStatus: null, clientDisconnected: false, cutByShutdown: true })]);
  });
});
