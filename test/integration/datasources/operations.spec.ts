/**
 * Every circuit, VBR and region operation of the typed API (MACsec and vpconns:
 * macsec-vpconn.spec.ts) against the emulator over real HTTP, signed with V3 and
 * with V1 (the emulator verifies each signature): reads, the full circuit and VBR lifecycles,
 * cancel/delete, recover, and the 64-bit id kept exact.
 */
import type { VpcApi } from '../../../src/datasources';
import { DEMO_IDS } from '../../../src/emulator/domain';
import { useEmulator } from '../../support/emulator';
import { eventually } from '../../support/eventually';
import { backendFor, type RecordedBackend } from './support';

const HZ = 'cn-hangzhou';

describe.each(['v3', 'v1'] as const)('typed operations over HTTP, signature %s', (signatureVersion) => {
  const emu = useEmulator({ transitionMs: 40 });
  let rb: RecordedBackend;
  let api: VpcApi;

  beforeAll(() => {
    rb = backendFor(emu, { signatureVersion });
    api = rb.backend.api;
  });
  afterAll(() => rb.backend.close());
  beforeEach(() => emu.control.reset());

  const circuit = async (id: string) => (await api.describePhysicalConnections({ regionId: HZ, filter: { ids: [id] } })).items[0];
  const vbrOf = async (id: string) => (await api.describeVirtualBorderRouters({ regionId: HZ, filter: { ids: [id] } })).items[0];

  it('DescribeRegions', async () => {
    const regions = await api.describeRegions();
    expect(regions.map((r) => r.regionId)).toEqual(expect.arrayContaining(['cn-hangzhou', 'cn-shanghai']));
    expect(regions.find((r) => r.regionId === 'cn-hangzhou')?.regionEndpoint).toBe('vpc.aliyuncs.com');
  });

  it('DescribePhysicalConnections: filters, paging, quirks, and a 64-bit id kept exact', async () => {
    const enabled = await api.describePhysicalConnections({ regionId: HZ, filter: { statuses: ['ENABLED'] }, pageSize: 2 });
    expect(enabled.items).toHaveLength(2);
    expect(enabled.totalCount).toBeGreaterThan(2);
    expect(enabled.items.every((pc) => pc.status === 'ENABLED' && pc.regionId === HZ)).toBe(true);
    const page2 = await api.describePhysicalConnections({ regionId: HZ, filter: { statuses: ['ENABLED'] }, pageSize: 2, pageNumber: 2 });
    expect(page2.items.map((p) => p.id)).not.toEqual(enabled.items.map((p) => p.id));

    const failed = await circuit(DEMO_IDS.allocationFailed);
    expect(failed?.status).toBe('ALLOCATION_FAILED');
    const shared = await circuit(DEMO_IDS.sharedTerminatedRecoverable);
    expect(shared).toMatchObject({ productType: 'VIRTUAL_PHYSICAL_CONNECTION', status: 'TERMINATED', parentPhysicalConnectionAliUid: '283117732402483989' });
    const macsec = await circuit(DEMO_IDS.enabledWithMacsec);
    expect(macsec?.macsecKeys.length).toBeGreaterThan(0);
    expect(JSON.stringify(macsec)).not.toMatch(/"cak"/i);
    expect(rb.unexpected).toEqual([]);
  });

  it('DescribeVirtualBorderRouters and DescribeVirtualBorderRoutersForPhysicalConnection (other accounts too)', async () => {
    const vbrs = await api.describeVirtualBorderRouters({ regionId: HZ, filter: { physicalConnectionIds: [DEMO_IDS.enabledWithVbrs] } });
    expect(vbrs.items.length).toBe(4);
    expect(vbrs.items.every((v) => v.physicalConnectionId === DEMO_IDS.enabledWithVbrs && typeof v.vlanId === 'number')).toBe(true);
    const active = await vbrOf(DEMO_IDS.vbrs.active);
    expect(active?.status).toBe('ACTIVE');
    const attachments = await api.describeVirtualBorderRoutersForPhysicalConnection({ regionId: HZ, physicalConnectionId: DEMO_IDS.enabledWithForeignVbrOnly });
    expect(attachments.items.map((a) => a.vbrId)).toEqual([DEMO_IDS.vbrs.tenantActive]);
    expect(attachments.items[0]?.vbrOwnerUid).toMatch(/^\d+$/);
    expect(rb.unexpected).toEqual([]);
  });

  it('circuit + VBR lifecycle: create, confirm, enable, VBR create/modify/terminate/recover/delete, modify, terminate', async () => {
    const created = await api.createPhysicalConnection({
      regionId: HZ,
      accessPointId: 'ap-cn-hangzhou-yh-C',
      lineOperator: 'CT',
      portType: '1000Base-LX',
      name: `lifecycle-${signatureVersion}`,
      bandwidth: 50,
      tags: [{ key: 'suite', value: 'datasource' }],
    });
    expect(created.physicalConnectionId).toMatch(/^pc-/);
    const pcId = created.physicalConnectionId;
    await eventually(async () => ((await circuit(pcId))?.status === 'ALLOCATED' ? true : undefined), 'Allocated');
    await api.confirmPhysicalConnection({ regionId: HZ, physicalConnectionId: pcId });
    expect((await circuit(pcId))?.status).toBe('CONFIRMED');
    await api.enablePhysicalConnection({ regionId: HZ, physicalConnectionId: pcId });
    await eventually(async () => ((await circuit(pcId))?.status === 'ENABLED' ? true : undefined), 'Enabled');

    const vbr = await api.createVirtualBorderRouter({
      regionId: HZ,
      physicalConnectionId: pcId,
      vlanId: 321,
      name: 'lifecycle-vbr',
      localGatewayIp: '10.10.0.1',
      peerGatewayIp: '10.10.0.2',
      peeringSubnetMask: '255.255.255.252',
    });
    expect(vbr.vbrId).toMatch(/^vbr-/);
    await expect(api.terminatePhysicalConnection({ regionId: HZ, physicalConnectionId: pcId })).rejects.toMatchObject({
      kind: 'DEPENDENCY_ATTACHED',
      code: 'Forbidden.VbrAttached',
    });
    await api.modifyVirtualBorderRouterAttribute({ regionId: HZ, vbrId: vbr.vbrId, name: 'renamed-vbr', description: 'changed by the data source suite' });
    await eventually(async () => ((await vbrOf(vbr.vbrId))?.name === 'renamed-vbr' ? true : undefined), 'VBR renamed');
    await api.terminateVirtualBorderRouter({ regionId: HZ, vbrId: vbr.vbrId });
    await eventually(async () => ((await vbrOf(vbr.vbrId))?.status === 'TERMINATED' ? true : undefined), 'VBR terminated');
    await api.recoverVirtualBorderRouter({ regionId: HZ, vbrId: vbr.vbrId });
    await eventually(async () => ((await vbrOf(vbr.vbrId))?.status === 'ACTIVE' ? true : undefined), 'VBR active again');
    await api.deleteVirtualBorderRouter({ regionId: HZ, vbrId: vbr.vbrId });
    await eventually(async () => ((await vbrOf(vbr.vbrId)) === undefined ? true : undefined), 'VBR gone');

    await api.modifyPhysicalConnectionAttribute({ regionId: HZ, physicalConnectionId: pcId, name: 'renamed-circuit', description: 'Described here' });
    expect((await circuit(pcId))?.name).toBe('renamed-circuit');
    const terminated = await api.terminatePhysicalConnection({ regionId: HZ, physicalConnectionId: pcId, clientToken: `term-${signatureVersion}` });
    expect(terminated.clientToken).toBe(`term-${signatureVersion}`);
    expect((await circuit(pcId))?.status).toBe('TERMINATING');
    await eventually(async () => ((await circuit(pcId))?.status === 'TERMINATED' ? true : undefined), 'Terminated');
    // The same token again: the original result replayed, no second effect.
    const replay = await api.terminatePhysicalConnection({ regionId: HZ, physicalConnectionId: pcId, clientToken: `term-${signatureVersion}` });
    expect(replay.requestId).toBe(terminated.requestId);
  });

  it('cancel then delete; recover a shared circuit', async () => {
    const { physicalConnectionId } = await api.createPhysicalConnection({ regionId: HZ, accessPointId: 'ap-cn-hangzhou-xx-B', lineOperator: 'OTHER' });
    await api.cancelPhysicalConnection({ regionId: HZ, physicalConnectionId });
    expect((await circuit(physicalConnectionId))?.status).toBe('CANCELED');
    await api.deletePhysicalConnection({ regionId: HZ, physicalConnectionId });
    expect(await circuit(physicalConnectionId)).toBeUndefined();

    await api.recoverPhysicalConnection({ regionId: HZ, physicalConnectionId: DEMO_IDS.sharedTerminatedRecoverable });
    await eventually(
      async () => ((await circuit(DEMO_IDS.sharedTerminatedRecoverable))?.status !== 'TERMINATED' ? true : undefined),
      'recovered',
    );
  });

  it('every call was one attempt, signed as configured and accepted', () => {
    expect(rb.calls.length).toBeGreaterThan(20);
    expect(rb.calls.every((c) => c.outcome === 'success' || c.httpStatus === 400)).toBe(true);
    expect(rb.retries).toEqual([]);
  });
});
