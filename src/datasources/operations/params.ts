/**
 * Request parameters flattened as the SDK does it (docs/datasource.md#requests): scalars as
 * strings, arrays 1-based (`Name.1`), objects as `Name.1.Field`, filters as `Filter.N.Key` +
 * `Filter.N.Value.M`. Absent values are left out. Writes no rule: values arrive validated.
 */
import type { Tag } from '../models';

export interface FilterCondition {
  key: string;
  values: readonly string[];
}

export class Params {
  private readonly out: Record<string, string> = {};

  set(name: string, value: string | number | boolean | undefined | null): this {
    if (value !== undefined && value !== null) this.out[name] = String(value);
    return this;
  }

  /** `Name.1`, `Name.2`, ... */
  repeat(name: string, values: readonly string[] | undefined): this {
    values?.forEach((v, i) => this.set(`${name}.${i + 1}`, v));
    return this;
  }

  /** `Tag.N.Key` / `Tag.N.Value` (CreatePhysicalConnection) or `Tags.N.*` (everything else). */
  tags(prefix: 'Tag' | 'Tags', tags: readonly Tag[] | undefined): this {
    tags?.forEach((t, i) => {
      this.set(`${prefix}.${i + 1}.Key`, t.key);
      this.set(`${prefix}.${i + 1}.Value`, t.value);
    });
    return this;
  }

  /** `Filter.N.Key` + `Filter.N.Value.M`; conditions without values are dropped. */
  filters(conditions: readonly FilterCondition[]): this {
    conditions
      .filter((c) => c.values.length > 0)
      .forEach((c, i) => {
        this.set(`Filter.${i + 1}.Key`, c.key);
        this.repeat(`Filter.${i + 1}.Value`, c.values);
      });
    return this;
  }

  build(): Readonly<Record<string, string>> {
    return { ...this.out };
  }
}
