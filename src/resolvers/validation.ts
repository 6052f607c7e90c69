/**
 * Argument validation, before any data-source call. Region and resource ids end up in upstream
 * hostnames and signed query strings, so they are matched against allow-lists. The rules are the
 * data source's own (one definition); this layer runs them first so the error names the GraphQL
 * argument (`input.regionId`, not `regionId`) and nothing is sent.
 */
import { BadInputError } from '../datasources/errors';
import { validation as rules } from '../datasources';
import { BadUserInputError } from '../schema/errors';
import type { GatewayContext } from '../schema/context';
import type { CircuitWriteInput } from '../services/circuits/circuit-write';

/** Runs a data-source rule, turning its `BadInputError` into the GraphQL error for `field`. */
export function check<T>(rule: (value: unknown, field: string) => T, value: unknown, field: string): T {
  try {
    return rule(value, field);
  } catch (error) {
    if (error instanceof BadInputError) throw new BadUserInputError(field, error.message, undefined, error);
    throw error;
  }
}

export function validateRegionId(value: string, field: string): string {
  return check(rules.regionId, value, field);
}

/** The argument when given, else the gateway default; validated either way. */
export function resolveRegionId(value: string | null | undefined, context: GatewayContext, field = 'regionId'): string {
  return validateRegionId(value ?? context.defaultRegionId, field);
}

export function validatePhysicalConnectionId(value: string, field: string): string {
  return check(rules.physicalConnectionId, value, field);
}

export function validateVbrId(value: string, field: string): string {
  return check(rules.vbrId, value, field);
}

/** `rule` on a value the caller may leave out: undefined when absent or null. */
export function validateOptional<T>(rule: (value: unknown, field: string) => T, value: unknown, field: string): T | undefined {
  return value === null || value === undefined ? undefined : check(rule, value, field);
}

/** What every write on one circuit takes, validated in this order, named `input.<field>`. */
export function circuitWriteArgs(
  input: { physicalConnectionId: string; regionId?: string | null; clientToken?: string | null },
  context: GatewayContext,
): CircuitWriteInput {
  return {
    physicalConnectionId: validatePhysicalConnectionId(input.physicalConnectionId, 'input.physicalConnectionId'),
    regionId: resolveRegionId(input.regionId, context, 'input.regionId'),
    clientToken: validateOptional(rules.clientToken, input.clientToken, 'input.clientToken') ?? null,
    regionField: 'input.regionId',
  };
}

/** A MACsec key name (CKN): 32 or 64 hex digits; returned upper-cased, the upstream's spelling. */
export function validateCkn(value: string, field: string): string {
  return check((v, f) => rules.macsecHex(v, f, rules.MACSEC_HEX_LENGTHS), value, field);
}

/**
 * A GraphQL filter input as the data source's plain filter: absent and null keys dropped, empty
 * lists refused (an empty OR matches nothing, which is never what a caller means), and values
 * checked by `validators` per key.
 */
export function normalizeFilter<F extends object>(
  filter: F | null | undefined,
  field: string,
  validators: Partial<Record<keyof F, (value: string, field: string) => string>> = {},
): F {
  const result: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(filter ?? {})) {
    if (values === null || values === undefined) continue;
    const path = `${field}.${key}`;
    if (!Array.isArray(values) || values.length === 0) {
      throw new BadUserInputError(path, `${path} must be a non-empty list; omit it to not filter.`);
    }
    const validate = validators[key as keyof F];
    result[key] = validate === undefined ? [...values] : values.map((value: string) => validate(value, path));
  }
  return result as F;
}
