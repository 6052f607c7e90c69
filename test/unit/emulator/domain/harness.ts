/**
 * Drives a domain through `dispatch` with an injected clock, as the protocol layer would.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../../src/emulator/api-error';
import { createDomain, DEMO_ACCOUNTS, demoSeed, type Seed } from '../../../../src/emulator/domain';

export const T0 = Date.parse('2025-02-01T00:00:00Z');
export const TRANSITION_MS = 1000;
export const HZ = 'cn-hangzhou';

export type Body = Record<string, unknown>;

export function harness(options: { seed?: Seed; transitionMs?: number } = {}) {
  let clock = T0;
  const domain = createDomain({
    seed: options.seed ?? demoSeed(),
    transitionMs: options.transitionMs ?? TRANSITION_MS,
    now: () => clock,
  });

  function call(action: string, params: Record<string, string>, accountId: string = DEMO_ACCOUNTS.demo): Body {
    return domain.dispatch({ action, params, accountId, requestId: randomUUID().toUpperCase() });
  }

  /** The ApiError the call fails with (fails the test if it succeeds or throws something else). */
  function fail(action: string, params: Record<string, string>, accountId: string = DEMO_ACCOUNTS.demo): ApiError {
    let result: Body;
    try {
      result = call(action, params, accountId);
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
    throw new Error(`${action} succeeded but was expected to fail: ${JSON.stringify(result)}`);
  }

  /** The circuit as DescribePhysicalConnections shows it to its owner (undefined when not listed). */
  function circuit(id: string, regionId = HZ, accountId: string = DEMO_ACCOUNTS.demo): Body | undefined {
    const body = call(
      'DescribePhysicalConnections',
      { RegionId: regionId, 'Filter.1.Key': 'PhysicalConnectionId', 'Filter.1.Value.1': id },
      accountId,
    );
    return items(body, 'PhysicalConnectionSet', 'PhysicalConnectionType')[0];
  }

  /** Every VBR on a circuit, from the circuit owner's listing. */
  function vbrsOn(id: string, regionId = HZ, accountId: string = DEMO_ACCOUNTS.demo): Body[] {
    const body = call(
      'DescribeVirtualBorderRoutersForPhysicalConnection',
      { RegionId: regionId, PhysicalConnectionId: id, PageSize: '50' },
      accountId,
    );
    return items(body, 'VirtualBorderRouterForPhysicalConnectionSet', 'VirtualBorderRouterForPhysicalConnectionType');
  }

  /** A VBR as DescribeVirtualBorderRouters shows it (cross-account included). */
  function vbr(id: string, regionId = HZ, accountId: string = DEMO_ACCOUNTS.demo): Body | undefined {
    const body = call(
      'DescribeVirtualBorderRouters',
      { RegionId: regionId, IncludeCrossAccountVbr: 'true', 'Filter.1.Key': 'VbrId', 'Filter.1.Value.1': id },
      accountId,
    );
    return items(body, 'VirtualBorderRouterSet', 'VirtualBorderRouterType')[0];
  }

  return {
    domain,
    call,
    fail,
    circuit,
    vbr,
    vbrsOn,
    advance: (ms: number) => {
      clock += ms;
    },
    now: () => clock,
  };
}

export function items(body: Body, set: string, type: string): Body[] {
  const wrapper = body[set] as Record<string, unknown> | undefined;
  const list = wrapper?.[type];
  if (!Array.isArray(list)) throw new Error(`${set}.${type} is not an array in ${JSON.stringify(body)}`);
  return list as Body[];
}

export function errorOf(error: ApiError): { status: number; code: string; message: string } {
  return { status: error.httpStatus, code: error.code, message: error.message };
}
