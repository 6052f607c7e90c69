// The benchmark data set: the emulator's generated seed of 50 Enabled circuits with 2-3 active
// VBRs each (in creation order, so `physicalConnections(first: 50)` lists exactly them), followed
// by "spare" Enabled circuits with no VBR: the supply the mixed scenario terminates, one fresh
// circuit per terminate, so every terminate runs its whole path (fresh reads, upstream call, fresh
// read after) instead of stopping at a precondition.

export const LISTED_CIRCUITS = 50;
/** Spares that are never terminated: scenario 3 checks them (they are terminable). */
export const RESERVED_SPARES = 5;

const spareId = (i) => `pc-bp1spare${i.toString(36).padStart(12, '0')}`;

/** Resets the emulator to the benchmark seed; returns the ids the scenarios use. */
export async function loadBenchSeed(ctl, { spares }) {
  await ctl.reset({ generate: { connections: LISTED_CIRCUITS, vbrsPerConnection: [2, 3] } });
  const state = await ctl.state();
  const template = state.PhysicalConnections[0];
  const listed = state.PhysicalConnections.map((pc) => pc.PhysicalConnectionId);
  const spareIds = [];
  for (let i = 0; i < RESERVED_SPARES + spares; i++) {
    const id = spareId(i);
    spareIds.push(id);
    state.PhysicalConnections.push({ ...template, PhysicalConnectionId: id, Name: `bench-spare-${i + 1}` });
  }
  await ctl.reset({ seed: state });
  const vbrsByCircuit = new Map();
  for (const vbr of state.VirtualBorderRouters) {
    vbrsByCircuit.set(vbr.PhysicalConnectionId, (vbrsByCircuit.get(vbr.PhysicalConnectionId) ?? 0) + 1);
  }
  return {
    listed,
    vbrsByCircuit,
    reserved: spareIds.slice(0, RESERVED_SPARES),
    terminable: spareIds.slice(RESERVED_SPARES),
  };
}
