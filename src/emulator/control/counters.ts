/**
 * API call counters by Action (`GET /_emulator/calls`): every API request counts, refused or not
 * (docs/emulator.md#control-endpoints). Invariant: bounded, although action names come from requests.
 */
const NO_ACTION = '(none)';
const INVALID_ACTION = '(invalid)';
const OTHER_ACTIONS = '(other)';
const ACTION_NAME = /^[A-Za-z][A-Za-z0-9]{0,99}$/;

export interface CallCountsSnapshot {
  total: number;
  byAction: Record<string, number>;
}

export class CallCounters {
  private total = 0;
  private readonly byAction = new Map<string, number>();

  constructor(private readonly maxDistinctActions = 1000) {}

  record(action: string | undefined): void {
    this.total += 1;
    const key = this.keyFor(action);
    this.byAction.set(key, (this.byAction.get(key) ?? 0) + 1);
  }

  snapshot(): CallCountsSnapshot {
    const byAction: Record<string, number> = {};
    for (const [action, count] of [...this.byAction].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      byAction[action] = count;
    }
    return { total: this.total, byAction };
  }

  clear(): void {
    this.total = 0;
    this.byAction.clear();
  }

  private keyFor(action: string | undefined): string {
    if (action === undefined || action === '') return NO_ACTION;
    if (!ACTION_NAME.test(action)) return INVALID_ACTION;
    if (!this.byAction.has(action) && this.byAction.size >= this.maxDistinctActions) return OTHER_ACTIONS;
    return action;
  }
}
