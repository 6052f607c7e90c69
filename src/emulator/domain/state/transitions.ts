/**
 * The state machines (docs/emulator-seed.md#state-machines): which operation may start from which
 * status, and the timed steps operations and seeds schedule.
 * Invariants: steps are data the store applies lazily when due (no timers); a resource seeded in a
 * transient state gets its next step `TransitionAfterMs` after the load, so none stays transient forever.
 */
import type { PhysicalConnectionStatus, VbrStatus } from '../seed/types';

export const CIRCUIT_ALLOWED_FROM = {
  confirm: ['Allocated'],
  enable: ['Confirmed'],
  cancel: ['Initial', 'Approved', 'Allocated', 'Confirmed'],
  terminate: ['Enabled'],
  recover: ['Terminated'],
  delete: ['Allocated', 'Confirmed', 'Rejected', 'Canceled', 'Allocation Failed', 'Terminated'],
  /** Name, description, circuit code, ...: anything but the documented frozen states. */
  modifyAttributes: ['Initial', 'Approved', 'Allocated', 'Confirmed', 'Enabled', 'Rejected'],
  /** Port type, bandwidth and redundant circuit ("spec"): only these three. */
  modifySpec: ['Initial', 'Enabled', 'Rejected'],
} as const satisfies Record<string, readonly PhysicalConnectionStatus[]>;

export const VBR_ALLOWED_FROM = {
  terminate: ['active'],
  recover: ['terminated'],
  delete: ['unconfirmed', 'active', 'terminated'],
  /** Not while a transition is running (terminating, recovering, deleting). */
  modify: ['unconfirmed', 'active', 'terminated'],
} as const satisfies Record<string, readonly VbrStatus[]>;

/** Circuits not yet in service; five of them per access point exhaust the quota. */
export const NOT_YET_ENABLED: readonly PhysicalConnectionStatus[] = ['Initial', 'Approved', 'Allocating', 'Allocated', 'Confirmed'];

export function allowed(from: readonly string[], status: string): boolean {
  return from.includes(status);
}

export interface CircuitStep {
  at: number;
  to: PhysicalConnectionStatus;
}

export interface VbrStep {
  at: number;
  /** `gone`: the VBR is removed (the end of `deleting`). */
  to: VbrStatus | 'gone';
}

/** Each value is a status the previous step leaves after `transitionMs`. */
function chain<T>(now: number, transitionMs: number, statuses: readonly T[]): Array<{ at: number; to: T }> {
  return statuses.map((to, i) => ({ at: now + transitionMs * (i + 1), to }));
}

export const circuitSteps = {
  /** The provider's back office: Initial -> Approved -> Allocating -> Allocated. */
  backOffice: (now: number, ms: number): CircuitStep[] => chain(now, ms, ['Approved', 'Allocating', 'Allocated']),
  enable: (now: number, ms: number): CircuitStep[] => chain(now, ms, ['Enabled']),
  terminate: (now: number, ms: number): CircuitStep[] => chain(now, ms, ['Terminated']),
};

/**
 * Where a resource seeded in a transient status goes by itself. Initial and Approved are not here:
 * they wait for the provider's people, so a seeded one stays (a created circuit is walked through
 * them by `circuitSteps.backOffice`).
 */
export const SEEDED_CIRCUIT_NEXT: Partial<Record<PhysicalConnectionStatus, PhysicalConnectionStatus>> = {
  Allocating: 'Allocated',
  Terminating: 'Terminated',
};

export const SEEDED_VBR_NEXT: Partial<Record<VbrStatus, VbrStatus | 'gone'>> = {
  terminating: 'terminated',
  recovering: 'active',
  deleting: 'gone',
};

export const vbrSteps = {
  terminate: (now: number, ms: number): VbrStep[] => chain(now, ms, ['terminated']),
  recover: (now: number, ms: number): VbrStep[] => chain(now, ms, ['active']),
  delete: (now: number, ms: number): VbrStep[] => chain(now, ms, ['gone']),
};
