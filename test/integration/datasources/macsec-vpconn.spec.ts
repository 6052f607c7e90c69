/**
 * The MACsec and vpconn operations of the data source against the emulator over real HTTP, signed
 * with V3 and V1: the typed API end to end, the per-request loader and fresh reads, the upstream's
 * refusals as classified errors, and a CAK that comes back in no result and no error.
 */
import { UpstreamError, type CreateVirtualPhysicalConnectionRequest, type VpcApi } from '../../../src/datasources';
import { DEMO_ACCOUNTS, DEMO_IDS } from '../../../src/emulator/domain';
import { useEmulator } from '../../support/emulator';
import { backendFor, type RecordedBackend } from './support';

const HZ = 'cn-hangzhou';
const READY = DEMO_IDS.enabledReadyToTerminate[0];
const CKN = '7b'.repeat(16);
const CAK = 'e4'.repeat(16);
const DEMO_IN_USE = 'A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90';

describe.each(['v3', 'v1'] as const)('MACsec keys and vpconns over HTTP, signature %s', (signatureVersion) => {
  const emu = useEmulator({ transitionMs: 40 });
  let rb: RecordedBackend;
  let api: VpcApi;

  beforeAll(() => {
    rb = backendFor(emu, { signatureVersion });
    api = rb.backend.api;
  });
  afterAll(() => rb.backend.close());
  beforeEach(() => emu.control.reset());

  const keysOf = async (id: string) => (await api.describePhysicalConnections({ regionId: HZ, filter: { ids: [id] } })).items[0]?.macsecKeys;

  it('associates and disassociates a key; no result and no read carries the CAK', async () => {
    const associated = await api.associateMacSecKey({ regionId: HZ, physicalConnectionId: READY, cipherSuite: 'GCM_AES_XPN_128', ckn: CKN, cak: CAK });
    expect(associated).toEqual({ requestId: expect.stringMatching(/^[0-9A-F-]{36}$/), clientToken: null });
    const keys = await keysOf(READY);
    expect(keys).toEqual([{ ckn: CKN.toUpperCase(), cipherSuite: 'GCM-AES-XPN-128', startOn: expect.any(String), status: 'Associated' }]);
    expect(JSON.stringify(keys)).not.toMatch(/cak|e4e4/i);

    await api.disassociateMacSecKey({ regionId: HZ, physicalConnectionId: READY, ckn: CKN });
    expect((await keysOf(READY))?.map((k) => k.status)).toEqual(['Disassociated']);
    await api.disassociateMacSecKey({ regionId: HZ, physicalConnectionId: READY, ckn: CKN.toLowerCase() });
    expect(await keysOf(READY)).toEqual([]);
    expect((await emu.control.events()).map((e) => [e.action, e.clientToken])).toEqual([
      ['AssociateMacSecKey', null],
      ['DisassociateMacSecKey', null],
      ['DisassociateMacSecKey', null],
    ]);
  });

  it('the upstream refusals arrive classified, the CAK in none of them', async () => {
    const refusal = async (call: Promise<unknown>) => {
      try {
        await call;
      } catch (error) {
        if (error instanceof UpstreamError) return error;
        throw error;
      }
      throw new Error('expected a refusal');
    };
    const locked = await refusal(api.associateMacSecKey({ regionId: HZ, physicalConnectionId: DEMO_IDS.enabledFinancialLocked, cipherSuite: 'GCM_AES_128', ckn: CKN, cak: CAK }));
    expect(locked).toMatchObject({ kind: 'INVALID_STATE', code: 'IncorrectStatus.PhysicalConnection', clientToken: null, attempts: 1 });
    expect(JSON.stringify({ ...locked, message: locked.message })).not.toMatch(/e4e4/i);
    const missing = await refusal(api.disassociateMacSecKey({ regionId: HZ, physicalConnectionId: DEMO_IDS.enabledWithMacsec, ckn: CKN }));
    expect(missing).toMatchObject({ kind: 'NOT_FOUND', code: 'ResourceNotFound.PconnMacsec' });
    const unknownCircuit = await refusal(api.disassociateMacSecKey({ regionId: HZ, physicalConnectionId: 'pc-bp1zzzzzzzzzzzzzzzzzzz', ckn: DEMO_IN_USE }));
    expect(unknownCircuit).toMatchObject({ kind: 'NOT_FOUND', code: 'ResourceNotFound.PhysicalConnectionId' });
  });

  it('creates a vpconn with a Token (replayed), lists it by host, and deletes it with DeletePhysicalConnection', async () => {
    const request: CreateVirtualPhysicalConnectionRequest = {
      regionId: HZ,
      physicalConnectionId: READY,
      vlanId: 42,
      spec: '100M',
      orderMode: 'PAY_BY_PHYSICAL_CONNECTION_OWNER',
      vpconnAliUid: DEMO_ACCOUNTS.tenant,
      name: 'tenant-b',
      tags: [{ key: 'team', value: 'net' }],
      clientToken: `vpconn-${signatureVersion}`,
    };
    const created = await api.createVirtualPhysicalConnection(request);
    expect(created).toEqual({ requestId: expect.any(String), clientToken: `vpconn-${signatureVersion}`, virtualPhysicalConnectionId: expect.stringMatching(/^pc-/) });
    expect(await api.createVirtualPhysicalConnection(request)).toEqual(created);

    const page = await api.listVirtualPhysicalConnections({ regionId: HZ, physicalConnectionId: READY });
    expect(page).toMatchObject({ nextToken: null, totalCount: 1, rejected: [] });
    expect(page.items).toEqual([
      expect.objectContaining({
        id: created.virtualPhysicalConnectionId,
        status: 'ALLOCATED',
        vpconnStatus: 'UNCONFIRMED',
        vlanId: 42,
        spec: '100M',
        bandwidth: 100,
        orderMode: 'PAY_BY_PHYSICAL_CONNECTION_OWNER',
        // 64-bit, beyond 2^53: kept exact.
        ownerAccountId: DEMO_ACCOUNTS.tenant,
        parentPhysicalConnectionId: READY,
        parentPhysicalConnectionAliUid: DEMO_ACCOUNTS.demo,
        name: 'tenant-b',
        tags: [{ key: 'team', value: 'net' }],
      }),
    ]);
    const filtered = await api.listVirtualPhysicalConnections({ regionId: HZ, filter: { statuses: ['CONFIRMED'], vlanIds: [2001] } });
    expect(filtered.items.map((v) => v.id)).toEqual([DEMO_IDS.tenantVpconn]);

    await api.deletePhysicalConnection({ regionId: HZ, physicalConnectionId: created.virtualPhysicalConnectionId });
    expect((await api.listVirtualPhysicalConnections({ regionId: HZ, physicalConnectionId: READY })).items).toEqual([]);
  });

  it('the per-request data source: vpconns of a circuit walked by token (cached per request), fresh reads, and the write', async () => {
    for (const vlan of [10, 11, 12]) {
      await api.createVirtualPhysicalConnection({ regionId: HZ, physicalConnectionId: READY, vlanId: vlan, spec: '50M', orderMode: 'PAY_BY_VIRTUAL_PHYSICAL_CONNECTION_OWNER', vpconnAliUid: DEMO_ACCOUNTS.tenant });
    }
    await emu.control.clearCalls();
    const ds = rb.backend.forRequest();
    const [a, b] = await Promise.all([ds.vpconnsOfPhysicalConnection(HZ, READY), ds.vpconnsOfPhysicalConnection(HZ, READY)]);
    expect(a.map((v) => v.vlanId)).toEqual([10, 11, 12]);
    expect(b).toBe(a);
    expect((await ds.vpconnsOfPhysicalConnection(HZ, DEMO_IDS.enabledWithVpconn)).map((v) => v.id)).toEqual([DEMO_IDS.tenantVpconn]);
    expect((await emu.control.calls()).byAction).toEqual({ ListVirtualPhysicalConnections: 2 });
    expect(await ds.freshVpconns(HZ, READY)).toHaveLength(3);
    expect((await emu.control.calls()).byAction).toEqual({ ListVirtualPhysicalConnections: 3 });

    await expect(ds.disassociateMacsecKey(HZ, DEMO_IDS.enabledWithMacsec, DEMO_IN_USE)).resolves.toEqual({ requestId: expect.any(String), clientToken: null });
    expect((await emu.control.events()).filter((e) => e.action === 'DisassociateMacSecKey')).toHaveLength(1);
  });
});
