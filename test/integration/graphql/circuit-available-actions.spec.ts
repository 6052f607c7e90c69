/**
 * `PhysicalConnection.availableActions` against the emulator, in every state of the circuit state
 * machine: for every circuit of the demo seed and of a seed of variants (locked, with VBRs of this
 * and another account, shared, hosting a vpconn) and every action, `allowed` is true exactly when
 * the mutation succeeds, a refusal is the first blocker (code and message), and the same write sent
 * straight to the emulator is refused with that code too: the gateway's rules are the upstream's.
 * The emulator is reset before every case. Also: the field costs O(pages) upstream calls in a list.
 */
import { toGatewayError } from '../../../src/schema/map-error';
import { DEMO_ACCOUNTS, DEMO_IDS, demoSeed, type Seed } from '../../../src/emulator/domain';
import type { VpcBackend } from '../../../src/datasources';
import { PHYSICAL_CONNECTION_ACTIONS, type PhysicalConnectionAction } from '../../../src/schema/errors';
import { ConsoleListDocument, PhysicalConnectionDetailDocument, type PhysicalConnectionDetailQuery } from '../../generated/graphql';
import { circuitMutation, emulatorStatus, REGION, UPSTREAM_ACTIONS, UPSTREAM_WRITES } from './support/circuits';
import { useGateway } from './support/gateway';

const gw = useGateway({ transitionMs: 60_000 });
let direct: VpcBackend;
beforeAll(() => {
  direct = gw.backend();
});

type Circuit = NonNullable<PhysicalConnectionDetailQuery['physicalConnection']>;

/**
 * The one documented difference: the upstream answers success for an ENABLED circuit and does
 * nothing; the gateway refuses it without a caller's token (src/services/circuits/enable.service.ts).
 */
const UPSTREAM_NO_OP: ReadonlyArray<[PhysicalConnectionAction, Circuit['status']]> = [['ENABLE', 'ENABLED']];

/** Circuits of `seed` this account sees in the region, with what makes each a case. */
function circuitsOf(seed: Seed, only?: ReadonlySet<string>): Array<[string, string]> {
  return seed.PhysicalConnections.filter(
    (pc) => pc.RegionId === REGION && (pc.OwnerId ?? DEMO_ACCOUNTS.demo) === DEMO_ACCOUNTS.demo && (only?.has(pc.PhysicalConnectionId) ?? true),
  ).map((pc) => {
    const vbrs = seed.VirtualBorderRouters.filter((vbr) => vbr.PhysicalConnectionId === pc.PhysicalConnectionId);
    const traits = [
      pc.Status,
      pc.ProductType === 'VirtualPhysicalConnection' ? 'shared' : 'dedicated',
      pc.BusinessStatus !== undefined && pc.BusinessStatus !== 'Normal' ? pc.BusinessStatus : null,
      vbrs.length > 0 ? `${vbrs.length} VBR(s)${vbrs.some((vbr) => vbr.OwnerId !== undefined && vbr.OwnerId !== DEMO_ACCOUNTS.demo) ? ', another account\'s too' : ''}` : null,
      seed.PhysicalConnections.some((other) => other.ParentPhysicalConnectionId === pc.PhysicalConnectionId) ? 'hosts a vpconn' : null,
      (pc.MacsecKeys ?? []).length > 0 ? 'MACsec keys' : null,
    ];
    return [pc.PhysicalConnectionId, traits.filter((trait) => trait !== null).join(', ')];
  });
}

/** The demo seed plus circuits in the combinations it lacks. */
function variantSeed(): { seed: Seed; ids: Set<string> } {
  const seed = demoSeed();
  const circuit = (id: string) => {
    const found = seed.PhysicalConnections.find((pc) => pc.PhysicalConnectionId === id);
    if (found === undefined) throw new Error(`demo seed has no ${id}`);
    return found;
  };
  const activeVbr = seed.VirtualBorderRouters.find((vbr) => vbr.VbrId === DEMO_IDS.vbrs.active);
  if (activeVbr === undefined) throw new Error('demo seed has no active VBR');
  const ids = new Set<string>();
  // A copied vpconn needs a VLAN of its own on the shared host (VBRs and vpconns share the VLAN space).
  let nextVlan = 2999;
  const add = (from: string, id: string, changes: Partial<Seed['PhysicalConnections'][number]> = {}) => {
    const copy = structuredClone(circuit(from));
    const vlan = copy.ParentPhysicalConnectionId ? { VlanId: String(nextVlan--) } : {};
    seed.PhysicalConnections.push({ ...copy, PhysicalConnectionId: id, ...vlan, ...changes });
    ids.add(id);
  };
  const vbrOn = (physicalConnectionId: string, vbrId: string, changes: Partial<Seed['VirtualBorderRouters'][number]> = {}) => {
    seed.VirtualBorderRouters.push({ ...structuredClone(activeVbr), VbrId: vbrId, PhysicalConnectionId: physicalConnectionId, ...changes });
  };

  add(DEMO_IDS.terminated, 'pc-varterminatedwithvbr', {});
  vbrOn('pc-varterminatedwithvbr', 'vbr-varonterminated', { Status: 'terminated' });
  add(DEMO_IDS.canceled, 'pc-varcanceledforeignvbr');
  vbrOn('pc-varcanceledforeignvbr', 'vbr-vartenantoncanceled', { OwnerId: DEMO_ACCOUNTS.tenant });
  add(DEMO_IDS.rejected, 'pc-varrejectedwithvbr');
  vbrOn('pc-varrejectedwithvbr', 'vbr-varonrejected', { Status: 'unconfirmed', OwnerId: DEMO_ACCOUNTS.tenant });
  add(DEMO_IDS.confirmed, 'pc-varconfirmedlocked', { BusinessStatus: 'FinancialLocked' });
  add(DEMO_IDS.terminated, 'pc-varterminatedlocked', { BusinessStatus: 'SecurityLocked' });
  add(DEMO_IDS.initial, 'pc-varinitiallocked', { BusinessStatus: 'FinancialLocked' });
  add(DEMO_IDS.sharedTerminatedRecoverable, 'pc-varsharedenabled', { Status: 'Enabled' });
  add(DEMO_IDS.sharedTerminatedRecoverable, 'pc-varsharedcanceled', { Status: 'Canceled' });
  // A terminated port still hosting a tenant's vpconn (terminate refuses that; a seed can have it).
  add(DEMO_IDS.terminated, 'pc-varterminatedhostsvpconn');
  seed.PhysicalConnections.push({
    ...structuredClone(circuit(DEMO_IDS.sharedTerminatedRecoverable)),
    PhysicalConnectionId: 'pc-vartenantvpconn',
    OwnerId: DEMO_ACCOUNTS.tenant,
    Status: 'Enabled',
    VlanId: String(nextVlan--),
    ParentPhysicalConnectionId: 'pc-varterminatedhostsvpconn',
  });
  return { seed, ids };
}

const DEMO = demoSeed();
const VARIANTS = variantSeed();

describe.each([
  // The emulator's own seed is the demo seed: a reset without a body is the cheaper way back to it.
  ['the demo seed', undefined, circuitsOf(DEMO)],
  ['the variants seed', VARIANTS.seed, circuitsOf(VARIANTS.seed, VARIANTS.ids)],
])('%s: availableActions agrees with the mutations and with the emulator', (_name, seed, circuits) => {
  const reset = () => gw.emu.control.reset(seed === undefined ? undefined : { seed });
  const previews = new Map<string, Circuit>();

  beforeAll(async () => {
    await reset();
    for (const [id] of circuits) {
      const { data, errors } = await gw.run(PhysicalConnectionDetailDocument, { id });
      expect(errors).toBeUndefined();
      if (data?.physicalConnection) previews.set(id, data.physicalConnection);
    }
  });

  const cases = circuits.flatMap(([id, traits]) => PHYSICAL_CONNECTION_ACTIONS.map((action) => [action, id, traits] as const));

  it.each(cases)('%s on %s (%s)', async (action, id) => {
    const circuit = previews.get(id);
    const actions = circuit?.availableActions ?? [];
    expect(actions.map((entry) => entry.action)).toEqual([...PHYSICAL_CONNECTION_ACTIONS]);
    const preview = actions.find((entry) => entry.action === action);
    if (preview === undefined) throw new Error('no preview');
    expect(preview.allowed).toBe(preview.blockers.length === 0);

    await reset();
    const { errors } = await circuitMutation(gw, action, { physicalConnectionId: id });
    expect({ action, id, succeeded: errors === undefined }).toEqual({ action, id, succeeded: preview.allowed });
    const events = await gw.emu.control.events();
    if (preview.allowed) {
      expect(events.map((event) => [event.action, event.resourceId])).toEqual([[UPSTREAM_ACTIONS[action], id]]);
      return;
    }
    const [first] = preview.blockers;
    expect(errors?.[0]?.extensions?.['code']).toBe(first?.code);
    expect(errors?.[0]?.message).toBe(first?.message);
    expect(events).toEqual([]);

    // Nothing changed: the upstream refuses the same write with the same code (its rules, its order).
    const refusal: unknown = await UPSTREAM_WRITES[action](direct.api, id).then(() => null, (error: unknown) => error);
    if (UPSTREAM_NO_OP.some(([noOp, status]) => noOp === action && status === circuit?.status)) {
      expect(refusal).toBeNull();
      expect(await emulatorStatus(gw, id)).toBe('Enabled');
      return;
    }
    const mapped = toGatewayError(refusal, { regionId: REGION, physicalConnectionId: id, action });
    expect(mapped?.extensions.code).toBe(first?.code);
  });
});

it('the two seeds cover every status, locks, VBRs of both accounts, shared circuits and a vpconn host', () => {
  const traits = [...circuitsOf(DEMO), ...circuitsOf(VARIANTS.seed, VARIANTS.ids)].map(([, described]) => described).join('; ');
  for (const status of ['Initial', 'Approved', 'Allocating', 'Allocated', 'Confirmed', 'Enabled', 'Rejected', 'Canceled', 'Allocation Failed', 'Terminating', 'Terminated']) {
    expect(traits).toContain(`${status},`);
  }
  for (const trait of ['FinancialLocked', 'SecurityLocked', 'shared', 'dedicated', 'VBR(s)', "another account's too", 'hosts a vpconn', 'MACsec keys']) {
    expect(traits).toContain(trait);
  }
});

it('costs O(pages) in a list: 50 circuits with availableActions take 1 + ceil(VBRs / 50) upstream reads', async () => {
  await gw.emu.control.reset({ generate: { connections: 50, vbrsPerConnection: [2, 3], enabledWithoutVbrs: 5, regionId: REGION } });
  const state = await gw.emu.control.state<Seed>();
  const vbrCount = state.VirtualBorderRouters.filter((vbr) => vbr.RegionId === REGION).length;
  await gw.emu.control.clearCalls();

  const { data, errors } = await gw.run(ConsoleListDocument, { first: 50 });
  expect(errors).toBeUndefined();
  const nodes = data?.physicalConnections.nodes ?? [];
  expect(nodes).toHaveLength(50);
  for (const node of nodes) expect(node.availableActions?.map((entry) => entry.action)).toEqual([...PHYSICAL_CONNECTION_ACTIONS]);
  expect((await gw.emu.control.calls()).byAction).toEqual({
    DescribePhysicalConnections: 1,
    DescribeVirtualBorderRouters: Math.ceil(vbrCount / 50),
  });
});
