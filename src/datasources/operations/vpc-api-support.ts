/**
 * The plumbing of vpc-api.ts around its operations: argument readers, the VBR peering
 * parameters (shared by create and modify), list results, read identity, and the error for a
 * write answer without the id it must carry.
 */
import { BadInputError, UpstreamError } from '../errors';
import type { MappedPage } from '../mappers/responses';
import type { WriteResult } from '../models';
import type { Params } from './params';
import * as v from './validation';
import type { AssociatedPhysicalConnectionInput, CallOptions, ListResult, VbrAddressing } from './requests';

export const opt = v.optional;
export const text = (max: number, field: string) => (x: unknown) => v.text(x, field, max);
const ip = (field: string) => text(64, field);

export function pageOf(req: { pageNumber?: number; pageSize?: number }): { pageNumber: number; pageSize: number } {
  return v.page(req.pageNumber ?? 1, req.pageSize ?? v.MAX_PAGE_SIZE);
}

/** Callers are typed, but a JavaScript caller (or a resolver bug) may pass anything. */
export function asRequest<T>(req: T): T {
  if (typeof req !== 'object' || req === null) throw new BadInputError('request', 'the request must be an object');
  return req;
}

export function toList<T>(page: MappedPage<T>): ListResult<T> {
  const items: T[] = [];
  const rejected: ListResult<T>['rejected'] = [];
  for (const m of page.items) {
    if (m.ok) items.push(m.value);
    else rejected.push({ id: m.id, ownerId: m.ownerId, error: m.error });
  }
  return {
    items,
    rejected,
    totalCount: page.totalCount,
    totalCountReported: page.totalCountReported,
    pageNumber: page.pageNumber,
    pageSize: page.pageSize,
    requestId: page.requestId,
  };
}

/** Equal keys are interchangeable reads: the action, the region and every wire parameter. */
export function readKey(action: string, regionId: string | null, params: Readonly<Record<string, string>>): string {
  const entries = Object.keys(params)
    .sort()
    .map((name) => [name, params[name]]);
  return JSON.stringify([action, regionId, entries]);
}

export function signal(options: CallOptions): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}

/** The peering addresses of a VBR request: wire name by field (the IPv6 switch differs per place). */
const PEERING_ADDRESSES: ReadonlyArray<readonly [Exclude<keyof VbrAddressing, 'enableIpv6'>, string]> = [
  ['localGatewayIp', 'LocalGatewayIp'],
  ['peerGatewayIp', 'PeerGatewayIp'],
  ['peeringSubnetMask', 'PeeringSubnetMask'],
  ['localIpv6GatewayIp', 'LocalIpv6GatewayIp'],
  ['peerIpv6GatewayIp', 'PeerIpv6GatewayIp'],
  ['peeringIpv6SubnetMask', 'PeeringIpv6SubnetMask'],
];

/**
 * Validated peering parameters of `req`, each under its wire name; `prefix` names the argument
 * in errors, and the IPv6 switch goes under `ipv6Name` (`EnableIpv6` as a parameter, `ipv6Enable`
 * inside the AssociatedPhysicalConnections JSON, as the SDK documents).
 */
function peeringParams(req: VbrAddressing, prefix: string, ipv6Name: string): Array<[string, string | boolean]> {
  const out: Array<[string, string | boolean]> = [];
  for (const [field, wire] of PEERING_ADDRESSES) {
    const value = opt(req[field], ip(`${prefix}${field}`));
    if (value !== undefined) out.push([wire, value]);
  }
  const ipv6 = opt(req.enableIpv6, (x) => v.boolean(x, `${prefix}enableIpv6`));
  if (ipv6 !== undefined) out.push([ipv6Name, ipv6]);
  return out;
}

export function addressing(params: Params, req: VbrAddressing): void {
  for (const [wire, value] of peeringParams(req, '', 'EnableIpv6')) params.set(wire, value);
}

/** The SDK's documented shape: VlanId as a string, `ipv6Enable` (lower-case i) as a boolean. */
export function associatedJson(value: unknown): string {
  const entries = v.list(value, 'associatedPhysicalConnections', (item, f) => {
    if (typeof item !== 'object' || item === null) return v.text(undefined, f, 0);
    const a = item as AssociatedPhysicalConnectionInput;
    const out: Record<string, string | boolean> = { PhysicalConnectionId: v.physicalConnectionId(a.physicalConnectionId, `${f}.physicalConnectionId`) };
    const put = (key: string, val: string | boolean | undefined) => {
      if (val !== undefined) out[key] = val;
    };
    put('VlanId', opt(a.vlanId, (x) => String(v.integer(x, `${f}.vlanId`, 0, 2999))));
    put('CircuitCode', opt(a.circuitCode, text(128, `${f}.circuitCode`)));
    for (const [wire, val] of peeringParams(a, `${f}.`, 'ipv6Enable')) put(wire, val);
    return out;
  }, 10);
  return JSON.stringify(entries);
}

export function missingId(action: string, accepted: WriteResult, field: string): UpstreamError {
  return new UpstreamError({
    kind: 'UNAVAILABLE',
    code: 'Response.Malformed',
    httpStatus: 200,
    requestId: accepted.requestId,
    clientToken: accepted.clientToken,
    hostId: null,
    action,
    message: `The upstream ${action} response has no ${field}`,
    // The write happened (or will be replayed for the same token): retrying with the token is safe.
    retryable: true,
  });
}
