/** Label values a client or the upstream chooses, kept to a bounded set (docs/runtime.md#metrics). */

export const MAX_LABEL_VALUES = 100;

/** Keeps the first `max` distinct values of a label, plus the `reserved` ones; later newcomers become `other`. */
export class BoundedLabel {
  private readonly seen = new Set<string>();
  private readonly reserved: ReadonlySet<string>;

  constructor(
    private readonly max = MAX_LABEL_VALUES,
    reserved: Iterable<string> = [],
  ) {
    this.reserved = new Set(reserved);
  }

  value(raw: string): string {
    const value = raw.slice(0, 64);
    if (this.reserved.has(value) || this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(value);
    return value;
  }
}

