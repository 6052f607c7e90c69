/**
 * The emulator's state: regions, circuits and VBRs (records in seed format, in creation order),
 * plus the timed steps operations have scheduled. Ownership and region scoping live here so no
 * operation can forget them: a circuit of another account or region is simply not found.
 */
import type { CircuitRecord, NormalizedSeed, VbrRecord } from '../seed';
import type { SeedRegion } from '../seed/types';
import { circuitTime, vbrTime } from './time';
import { SEEDED_CIRCUIT_NEXT, SEEDED_VBR_NEXT, type CircuitStep, type VbrStep } from './transitions';

/** When the seed is loaded and how long a transient state lasts by default. */
export interface LoadClock {
  now: number;
  transitionMs: number;
}

export class Store {
  readonly regions = new Map<string, SeedRegion>();
  /** Insertion order is creation order: listings and pages rely on it. */
  readonly circuits = new Map<string, CircuitRecord>();
  readonly vbrs = new Map<string, VbrRecord>();
  private readonly circuitSteps = new Map<string, CircuitStep[]>();
  private readonly vbrSteps = new Map<string, VbrStep[]>();
  /** Creation ranks (see `circuitsWithIds`); a deleted circuit's entry goes with its record. */
  private readonly ranks = new WeakMap<CircuitRecord, number>();

  constructor(seed: NormalizedSeed, load: LoadClock) {
    // The seed is already a private copy (parseSeed), so its records become the store's.
    for (const region of seed.Regions) this.regions.set(region.RegionId, region);
    for (const circuit of seed.PhysicalConnections) {
      this.circuits.set(circuit.PhysicalConnectionId, circuit);
      const to = SEEDED_CIRCUIT_NEXT[circuit.Status];
      const at = seededStepAt(circuit, load);
      if (to !== undefined && at !== undefined) this.scheduleCircuit(circuit.PhysicalConnectionId, [{ at, to }]);
    }
    for (const vbr of seed.VirtualBorderRouters) {
      this.vbrs.set(vbr.VbrId, vbr);
      const to = SEEDED_VBR_NEXT[vbr.Status];
      const at = seededStepAt(vbr, load);
      if (to !== undefined && at !== undefined) this.scheduleVbr(vbr.VbrId, [{ at, to }]);
    }
  }

  /** The state in seed format, without MACsec CAKs: a secret leaves through no endpoint. */
  snapshot(): NormalizedSeed {
    const seed = structuredClone({
      Regions: [...this.regions.values()],
      PhysicalConnections: [...this.circuits.values()],
      VirtualBorderRouters: [...this.vbrs.values()],
    });
    for (const circuit of seed.PhysicalConnections) for (const key of circuit.MacsecKeys) delete key.Cak;
    return seed;
  }

  /** The caller's circuit in that region, or undefined (absent, elsewhere, or someone else's). */
  ownedCircuit(accountId: string, regionId: string, id: string): CircuitRecord | undefined {
    const circuit = this.circuits.get(id);
    return circuit && circuit.RegionId === regionId && circuit.OwnerId === accountId ? circuit : undefined;
  }

  /**
   * The circuits with these ids, in creation order: what a scan filtered by id would keep, at the
   * cost of the ids asked for (a benchmark seed holds thousands of circuits).
   */
  circuitsWithIds(ids: readonly string[]): CircuitRecord[] {
    const found = new Set<CircuitRecord>();
    for (const id of ids) {
      const circuit = this.circuits.get(id);
      if (circuit) found.add(circuit);
    }
    return [...found].sort((a, b) => this.creationRank(a) - this.creationRank(b));
  }

  /** Position in `circuits` (insertion order); renumbered after a circuit was added. */
  private creationRank(circuit: CircuitRecord): number {
    let rank = this.ranks.get(circuit);
    if (rank === undefined) {
      let i = 0;
      for (const c of this.circuits.values()) this.ranks.set(c, i++);
      rank = this.ranks.get(circuit) ?? i;
    }
    return rank;
  }

  /** Any account's circuit in that region (for references such as a redundant circuit). */
  circuitInRegion(regionId: string, id: string): CircuitRecord | undefined {
    const circuit = this.circuits.get(id);
    return circuit?.RegionId === regionId ? circuit : undefined;
  }

  vbrInRegion(regionId: string, id: string): VbrRecord | undefined {
    const vbr = this.vbrs.get(id);
    return vbr?.RegionId === regionId ? vbr : undefined;
  }

  /** Every VBR on a circuit, whoever owns it, in creation order. */
  vbrsOn(circuitId: string): VbrRecord[] {
    return [...this.vbrs.values()].filter((vbr) => vbr.PhysicalConnectionId === circuitId);
  }

  /** Shared circuits (vpconns) hosted on a circuit and not deleted. */
  vpconnsOf(circuitId: string): CircuitRecord[] {
    return [...this.circuits.values()].filter(
      (c) => c.ParentPhysicalConnectionId === circuitId && c.VpconnStatus !== 'Deleted',
    );
  }

  /**
   * Whether a VLAN is taken on a circuit: by any of its VBRs (terminated ones keep theirs while
   * retained) but `except`, or by a shared circuit it hosts.
   */
  vlanInUse(circuitId: string, vlan: number, except?: VbrRecord): boolean {
    return (
      this.vbrsOn(circuitId).some((vbr) => vbr !== except && vbr.VlanId === vlan) ||
      this.vpconnsOf(circuitId).some((vpconn) => vpconn.VlanId !== undefined && Number(vpconn.VlanId) === vlan)
    );
  }

  /** vpconn counts of every hosting circuit, in one pass (for listings). */
  vpconnCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const c of this.circuits.values()) {
      if (c.ParentPhysicalConnectionId === undefined || c.VpconnStatus === 'Deleted') continue;
      counts.set(c.ParentPhysicalConnectionId, (counts.get(c.ParentPhysicalConnectionId) ?? 0) + 1);
    }
    return counts;
  }

  circuitOf(vbr: VbrRecord): CircuitRecord {
    const circuit = this.circuits.get(vbr.PhysicalConnectionId);
    // parseSeed checks the reference and circuits with VBRs cannot be deleted.
    if (!circuit) throw new Error(`internal: VBR ${vbr.VbrId} lost its circuit`);
    return circuit;
  }

  deleteCircuit(id: string): void {
    this.circuits.delete(id);
    this.circuitSteps.delete(id);
  }

  scheduleCircuit(id: string, steps: CircuitStep[]): void {
    this.circuitSteps.set(id, steps);
  }

  scheduleVbr(id: string, steps: VbrStep[]): void {
    this.vbrSteps.set(id, steps);
  }

  circuitHasPendingSteps(id: string): boolean {
    return this.circuitSteps.has(id);
  }

  cancelCircuitSteps(id: string): void {
    this.circuitSteps.delete(id);
  }

  /** Applies every step due at `now`, oldest first per resource. */
  advance(now: number): void {
    for (const [id, steps] of this.circuitSteps) {
      const circuit = this.circuits.get(id);
      while (circuit && steps[0] && steps[0].at <= now) {
        const step = steps.shift() as CircuitStep;
        circuit.Status = step.to;
        if (step.to === 'Enabled') circuit.EnabledTime = circuitTime(step.at);
      }
      if (!circuit || steps.length === 0) this.circuitSteps.delete(id);
    }
    for (const [id, steps] of this.vbrSteps) {
      const vbr = this.vbrs.get(id);
      while (vbr && steps[0] && steps[0].at <= now) {
        const step = steps.shift() as VbrStep;
        if (step.to === 'gone') {
          this.vbrs.delete(id);
          break;
        }
        if (step.to === 'terminated') vbr.TerminationTime = vbrTime(step.at);
        if (step.to === 'active' && vbr.Status === 'recovering') vbr.RecoveryTime = vbrTime(step.at);
        vbr.Status = step.to;
      }
      if (!this.vbrs.has(id) || steps.length === 0) this.vbrSteps.delete(id);
    }
  }
}

/**
 * When a seeded resource takes its next step (undefined: never), consuming its `TransitionAfterMs`
 * so the field, seed bookkeeping, shows up neither in responses nor in snapshots (a snapshot
 * reloaded later restarts the transition, with the default delay).
 */
function seededStepAt(record: { TransitionAfterMs?: number | 'never' }, load: LoadClock): number | undefined {
  const delay = record.TransitionAfterMs ?? load.transitionMs;
  delete record.TransitionAfterMs;
  return delay === 'never' ? undefined : load.now + delay;
}
