/**
 * What the VBR lifecycle suites share: a gateway whose emulator also knows the tenant account's
 * key (the demo seed's other customer, owner of VBRs on demo circuits), a backend signing as that
 * tenant, and readers of the emulator's own state and write log.
 *
 *   const vg = useVbrGateway();
 *   await vg.gw.run(TerminateVbrDocument, { input }, vg.tenant);   // as the tenant
 */
import type { VpcBackend } from '../../../../src/datasources';
import { DEFAULT_ACCESS_KEY, type WriteEvent } from '../../../../src/emulator';
import { DEMO_ACCOUNTS, demoSeed, type Seed } from '../../../../src/emulator/domain';
import { useGateway, type GatewayFixture, type RunResult } from './gateway';

export const TENANT_KEY = { accessKeyId: 'LTAITenantAccessKey', accessKeySecret: 'TenantAccessKeySecret', accountId: DEMO_ACCOUNTS.tenant };

export interface VbrGatewayFixture {
  readonly gw: GatewayFixture;
  /** A backend signing as the tenant account (only inside tests/hooks). */
  readonly tenant: VpcBackend;
  /** The emulator's record of a VBR (undefined once it is gone). */
  vbrRecord(id: string): Promise<Seed['VirtualBorderRouters'][number] | undefined>;
  /** The writes that actually ran since the last reset. */
  events(): Promise<WriteEvent[]>;
  /** Upstream calls since the last reset, all actions. */
  calls(): Promise<number>;
}

export function useVbrGateway(options: { transitionMs?: number } = {}): VbrGatewayFixture {
  const gw = useGateway({ transitionMs: options.transitionMs ?? 300, accessKeys: [DEFAULT_ACCESS_KEY, TENANT_KEY] });
  let tenant: VpcBackend | undefined;
  beforeAll(() => {
    tenant = gw.backend({ credentials: { accessKeyId: TENANT_KEY.accessKeyId, accessKeySecret: TENANT_KEY.accessKeySecret } });
  });
  return {
    gw,
    get tenant() {
      if (tenant === undefined) throw new Error('useVbrGateway: not started');
      return tenant;
    },
    async vbrRecord(id) {
      const state = await gw.emu.control.state<Seed>();
      return state.VirtualBorderRouters.find((vbr) => vbr.VbrId === id);
    },
    events: () => gw.emu.control.events(),
    async calls() {
      return (await gw.emu.control.calls()).total;
    },
  };
}

/** The demo seed with one circuit's status changed (e.g. a circuit that is not ENABLED). */
export function seedWithCircuitStatus(circuitId: string, status: string): Seed {
  const seed = demoSeed();
  const circuit = seed.PhysicalConnections.find((pc) => pc.PhysicalConnectionId === circuitId);
  if (circuit === undefined) throw new Error(`no circuit ${circuitId} in the demo seed`);
  (circuit as { Status: string }).Status = status;
  return seed;
}

/** The one error of a refused mutation, after checking that nothing else came back. */
export function onlyError(result: RunResult<unknown>) {
  expect(result.data ?? null).toBeNull();
  expect(result.errors).toHaveLength(1);
  return result.errors?.[0];
}

/** An upstream RequestId, as the emulator makes them. */
export const UPSTREAM_REQUEST_ID = expect.stringMatching(/^[0-9A-F-]{36}$/) as unknown as string;
/** A token the gateway generated. */
export const GENERATED_TOKEN = expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown as string;
