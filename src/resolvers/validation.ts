/**
 * Argument validation, before any data-source call. Region and resource ids end up in upstream
 * hostnames and signed query strings, so they are matched against strict allow-lists rather than
 * sanitised. (The data source validates again; this layer names the GraphQL argument at fault.)
 */
import { BadUserInputError } from '../schema/errors';
import type { GatewayContext } from './context';

/** `cn-hangzhou`, `ap-southeast-1`, `cn-shanghai-finance-1`, `cn-north-2-gov-1`, ... */
const REGION_ID = /^[a-z]{2,4}(?:-[a-z0-9]{1,16}){1,4}$/;
/** Upstream ids are a prefix plus lower-case alphanumerics. */
const PHYSICAL_CONNECTION_ID = /^pc-[a-z0-9]{1,64}$/;
const VBR_ID = /^vbr-[a-z0-9]{1,64}$/;
/** Alibaba: ClientToken is at most 64 ASCII characters; printable only, so it signs and logs cleanly. */
const CLIENT_TOKEN = /^[\x20-\x7e]{1,64}$/;

/** Never echo more than this much of a rejected value (it is attacker-controlled). */
function preview(value: string): string {
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  return shown;
}

export function validateRegionId(value: string, field: string): string {
  if (value.length > 48 || !REGION_ID.test(value)) {
    throw new BadUserInputError(field, `${field} ${preview(value)} is not a valid region id (e.g. cn-hangzhou).`);
  }
  return value;
}

/** The argument when given, else the gateway default; validated either way. */
export function resolveRegionId(value: string | null | undefined, context: GatewayContext, field = 'regionId'): string {
  return validateRegionId(value ?? context.defaultRegionId, field);
}

export function validatePhysicalConnectionId(value: string, field: string): string {
  if (!PHYSICAL_CONNECTION_ID.test(value)) {
    throw new BadUserInputError(field, `${field} ${preview(value)} is not a physical connection id (pc-...).`);
  }
  return value;
}

export function validateVbrId(value: string, field: string): string {
  if (!VBR_ID.test(value)) {
    throw new BadUserInputError(field, `${field} ${preview(value)} is not a VBR id (vbr-...).`);
  }
  return value;
}

export function validateClientToken(value: string, field: string): string {
  if (!CLIENT_TOKEN.test(value)) {
    throw new BadUserInputError(field, `${field} must be 1 to 64 printable ASCII characters.`);
  }
  return value;
}

/**
 * A GraphQL filter input as the data source's plain filter: absent and null keys dropped, empty
 * lists refused (an empty OR matches nothing, which is never what a caller means), and values
 * checked by `check` per key.
 */
export function normalizeFilter<F extends object>(
  filter: F | null | undefined,
  field: string,
  check: Partial<Record<keyof F, (value: string, field: string) => string>> = {},
): F {
  const result: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(filter ?? {})) {
    if (values === null || values === undefined) continue;
    const path = `${field}.${key}`;
    if (!Array.isArray(values) || values.length === 0) {
      throw new BadUserInputError(path, `${path} must be a non-empty list; omit it to not filter.`);
    }
    const validate = check[key as keyof F];
    result[key] = validate === undefined ? [...values] : values.map((value: string) => validate(value, path));
  }
  return result as F;
}
