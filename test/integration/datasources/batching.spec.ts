/**
 * DataLoader batching against the emulator's call counters: the VBRs of 50 circuits cost one
 * DescribeVirtualBorderRouters walk (1 + remaining pages), not 50 calls.
 */
import { useEmulator } from '../../support/emulator';
import { backendFor, type RecordedBackend } from './support';

const HZ = 'cn-hangzhou';

describe('batching (counted by the emulator)', () => {
  const emu = useEmulator({ transitionMs: 40 });
  let rb: RecordedBackend;
  beforeAll(() => {
    rb = backendFor(emu);
  });
  afterAll(() => rb.backend.close());

  it.each(['v3', 'v1'] as const)('50 circuits and their VBRs: 1 + (pages of VBRs) upstream calls (%s)', async (signatureVersion) => {
    await emu.control.reset({ generate: { connections: 50, vbrsPerConnection: [2, 3] } });
    const local = backendFor(emu, { signatureVersion });
    try {
      const ds = local.backend.forRequest();
      const page = await ds.physicalConnections(HZ, {}, { pageNumber: 1, pageSize: 50 });
      expect(page.items).toHaveLength(50);
      const vbrLists = await Promise.all(page.items.map((pc) => ds.vbrsOfPhysicalConnection(HZ, pc.id)));
      const totalVbrs = vbrLists.reduce((n, l) => n + l.length, 0);
      expect(vbrLists.every((l) => l.length >= 2 && l.length <= 3)).toBe(true);
      vbrLists.forEach((list, i) => expect(list.every((v) => v.physicalConnectionId === page.items[i]?.id)).toBe(true));

      // Resolving each VBR's circuit and each VBR by id again is free: the loaders were primed.
      const circuits = await Promise.all(vbrLists.flat().map((v) => ds.physicalConnection(HZ, v.physicalConnectionId ?? '')));
      expect(circuits.every((c) => c !== null)).toBe(true);
      await Promise.all(vbrLists.flat().map((v) => ds.vbr(HZ, v.id)));

      const vbrPages = Math.ceil(totalVbrs / 50);
      const counted = await emu.control.calls();
      expect(counted.byAction).toEqual({ DescribePhysicalConnections: 1, DescribeVirtualBorderRouters: vbrPages });
      expect(counted.total).toBe(1 + vbrPages);
      expect(counted.total).toBeLessThan(50);
      expect(local.calls.every((c) => c.outcome === 'success')).toBe(true);
    } finally {
      await local.backend.close();
    }
  });

  it('circuits loaded one by one in the same tick: one call per 50 ids', async () => {
    await emu.control.reset({ generate: { connections: 60, vbrsPerConnection: [0, 1] } });
    const ds = rb.backend.forRequest();
    const ids = (await rb.backend.api.describePhysicalConnections({ regionId: HZ, pageSize: 50 })).items.map((p) => p.id);
    const more = (await rb.backend.api.describePhysicalConnections({ regionId: HZ, pageSize: 50, pageNumber: 2 })).items.map((p) => p.id);
    await emu.control.clearCalls();
    const loaded = await Promise.all([...ids, ...more, 'pc-doesnotexist0000'].map((id) => ds.physicalConnection(HZ, id)));
    expect(loaded.filter((p) => p !== null)).toHaveLength(60);
    expect(loaded.at(-1)).toBeNull();
    expect((await emu.control.calls()).byAction).toEqual({ DescribePhysicalConnections: 2 });
  });
});
