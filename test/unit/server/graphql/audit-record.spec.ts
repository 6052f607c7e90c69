import { UpstreamError } from '../../../../src/datasources/errors';
import type { VpcDataSourceApi } from '../../../../src/datasources/types';
import { recordWrites, writeAuditLine } from '../../../../src/server/graphql/audit-record';
import { newRequestState, type WriteRecord } from '../../../../src/server/plugins/request-state';
import { recordingLogger } from '../../../support/recording-logger';

function fakeDataSource(
  terminate: VpcDataSourceApi['terminatePhysicalConnection'],
  writes: Partial<VpcDataSourceApi> = {},
): VpcDataSourceApi {
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
    freshVbr: unused,
    ownVbr: unused,
    terminatePhysicalConnection: terminate,
    createVbr: unused,
    modifyVbr: unused,
    terminateVbr: unused,
    recoverVbr: unused,
    deleteVbr: unused,
    vpconnsOfPhysicalConnection: unused,
    freshVpconns: unused,
    createPhysicalConnection: unused,
    confirmPhysicalConnection: unused,
    enablePhysicalConnection: unused,
    cancelPhysicalConnection: unused,
    recoverPhysicalConnection: unused,
    deletePhysicalConnection: unused,
    modifyPhysicalConnection: unused,
    disassociateMacsecKey: unused,
    ...writes,
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

  it('records a created VBR under its new id, and every VBR write under its method', async () => {
    const writes: WriteRecord[] = [];
    const accept = async (_region: string, _id: string, options?: { clientToken?: string }) => ({ requestId: 'REQ-V', clientToken: options?.clientToken ?? null });
    const ds = recordWrites(
      {
        ...fakeDataSource(() => Promise.reject(new Error('not used'))),
        createVbr: async () => ({ requestId: 'REQ-C', clientToken: 'tok-c', vbrId: 'vbr-new1' }),
        modifyVbr: (region, id, _changes, options) => accept(region, id, options),
        terminateVbr: accept,
        recoverVbr: accept,
        deleteVbr: accept,
      },
      writes,
    );
    await ds.createVbr('cn-hangzhou', { physicalConnectionId: 'pc-1', vlanId: 1 }, { clientToken: 'tok-c' });
    await ds.modifyVbr('cn-hangzhou', 'vbr-1', { name: 'x' }, { clientToken: 'tok-m' });
    await ds.terminateVbr('cn-hangzhou', 'vbr-1', { clientToken: 'tok-t' });
    await ds.recoverVbr('cn-hangzhou', 'vbr-1', { clientToken: 'tok-r' });
    await ds.deleteVbr('cn-hangzhou', 'vbr-1', { clientToken: 'tok-d' });
    expect(writes.map((w) => [w.method, w.resourceId, w.clientToken, w.outcome])).toEqual([
      ['createVbr', 'vbr-new1', 'tok-c', 'success'],
      ['modifyVbr', 'vbr-1', 'tok-m', 'success'],
      ['terminateVbr', 'vbr-1', 'tok-t', 'success'],
      ['recoverVbr', 'vbr-1', 'tok-r', 'success'],
      ['deleteVbr', 'vbr-1', 'tok-d', 'success'],
    ]);
  });

  it('records a MACsec disassociation: the circuit as resource, no token (the upstream takes none)', async () => {
    const writes: WriteRecord[] = [];
    const calls: unknown[][] = [];
    const ds = recordWrites(
      fakeDataSource(() => Promise.reject(new Error('not used')), {
        disassociateMacsecKey: async (...args) => {
          calls.push(args);
          return { requestId: 'REQ-4', clientToken: null };
        },
      }),
      writes,
    );
    await expect(ds.disassociateMacsecKey('cn-hangzhou', 'pc-4', 'AB'.repeat(16))).resolves.toEqual({ requestId: 'REQ-4', clientToken: null });
    expect(calls).toEqual([['cn-hangzhou', 'pc-4', 'AB'.repeat(16)]]);
    expect(writes).toEqual([
      { method: 'disassociateMacsecKey', regionId: 'cn-hangzhou', resourceId: 'pc-4', clientToken: null, upstreamRequestId: 'REQ-4', outcome: 'success' },
    ]);
  });

  it('records a create under the id the upstream created', async () => {
    const writes: WriteRecord[] = [];
    const created = { requestId: 'REQ-4', clientToken: 'tok-4', physicalConnectionId: 'pc-created0004' };
    const ds = recordWrites(
      fakeDataSource(() => Promise.reject(new Error('x')), { createPhysicalConnection: async () => created }),
      writes,
    );
    await expect(ds.createPhysicalConnection('cn-hangzhou', { accessPointId: 'ap-cn-hangzhou-yh-B', lineOperator: 'CT' }, { clientToken: 'tok-4' }))
      .resolves.toEqual(created);
    expect(writes).toEqual([
      { method: 'createPhysicalConnection', regionId: 'cn-hangzhou', resourceId: 'pc-created0004', clientToken: 'tok-4', upstreamRequestId: 'REQ-4', outcome: 'success' },
    ]);
  });

  it('records each circuit write under its own method name and circuit', async () => {
    const writes: WriteRecord[] = [];
    const accept = async () => ({ requestId: 'REQ-5', clientToken: 'tok-5' });
    const ds = recordWrites(
      fakeDataSource(() => Promise.reject(new Error('x')), {
        confirmPhysicalConnection: accept,
        enablePhysicalConnection: accept,
        cancelPhysicalConnection: accept,
        recoverPhysicalConnection: accept,
        deletePhysicalConnection: accept,
        modifyPhysicalConnection: accept,
      }),
      writes,
    );
    await ds.confirmPhysicalConnection('cn-hangzhou', 'pc-5a');
    await ds.enablePhysicalConnection('cn-hangzhou', 'pc-5b');
    await ds.cancelPhysicalConnection('cn-hangzhou', 'pc-5c');
    await ds.recoverPhysicalConnection('cn-hangzhou', 'pc-5d');
    await ds.deletePhysicalConnection('cn-hangzhou', 'pc-5e');
    await ds.modifyPhysicalConnection('cn-hangzhou', 'pc-5f', { name: 'renamed' });
    expect(writes.map((write) => [write.method, write.resourceId, write.outcome])).toEqual([
      ['confirmPhysicalConnection', 'pc-5a', 'success'],
      ['enablePhysicalConnection', 'pc-5b', 'success'],
      ['cancelPhysicalConnection', 'pc-5c', 'success'],
      ['recoverPhysicalConnection', 'pc-5d', 'success'],
      ['deletePhysicalConnection', 'pc-5e', 'success'],
      ['modifyPhysicalConnection', 'pc-5f', 'success'],
    ]);
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
