/**
 * `Vbr.availableActions` against the emulator: for a VBR in every status of the state machine,
 * owned by this account or another, on a circuit that is ENABLED or not, seen by the circuit's
 * owner or by the VBR's owner, each action is `allowed` exactly when its mutation succeeds (from
 * the same state, reset before each), and a refused mutation fails with the first blocker's code.
 * Both sides are computed: the table below lists cases, never outcomes. And a list of 50 VBRs with
 * their actions costs O(pages) upstream calls.
 */
import type { VbrStatus as SeedVbrStatus } from '../../../src/emulator/domain';
import { DEMO_ACCOUNTS, DEMO_IDS, demoSeed, generateSeed, type Seed } from '../../../src/emulator/domain';
import {
  DeleteVbrDocument,
  RecoverVbrDocument,
  TerminateVbrDocument,
  UpdateVbrDocument,
  VbrDetailDocument,
  VbrListDocument,
  type VbrAction,
} from '../../generated/graphql';
import type { RunResult } from './support/gateway';
import { useVbrGateway } from './support/vbr';

const vg = useVbrGateway();
const { gw } = vg;

const STATUSES: readonly SeedVbrStatus[] = ['unconfirmed', 'active', 'terminating', 'terminated', 'recovering', 'deleting'];
const TRANSIENT: ReadonlySet<string> = new Set(['terminating', 'recovering', 'deleting']);
const CIRCUITS = { enabled: DEMO_IDS.enabledReadyToTerminate[1], notEnabled: DEMO_IDS.confirmed } as const;
const OWNERS = { demo: DEMO_ACCOUNTS.demo, tenant: DEMO_ACCOUNTS.tenant } as const;

interface Case {
  vbrId: string;
  /** Who asks: the demo account owns both circuits; the tenant only its VBRs. */
  as: keyof typeof OWNERS;
  label: string;
}

/** The demo seed plus one VBR per status x owner x circuit, each on its own VLAN. */
function stateMachineSeed(): { seed: Seed; cases: Case[] } {
  const seed = demoSeed();
  const template = seed.VirtualBorderRouters.find((vbr) => vbr.VbrId === DEMO_IDS.vbrs.active);
  if (template === undefined) throw new Error('demo seed changed');
  const cases: Case[] = [];
  let index = 0;
  for (const status of STATUSES) {
    for (const [owner, ownerId] of Object.entries(OWNERS) as Array<[keyof typeof OWNERS, string]>) {
      for (const [circuit, circuitId] of Object.entries(CIRCUITS)) {
        const vbrId = `vbr-case${String(index).padStart(2, '0')}x`;
        seed.VirtualBorderRouters.push({
          ...template,
          VbrId: vbrId,
          OwnerId: ownerId,
          PhysicalConnectionId: circuitId,
          Status: status,
          VlanId: 1000 + index,
          AssociatedCens: [],
          ...(TRANSIENT.has(status) ? { TransitionAfterMs: 600_000 } : {}),
        });
        const label = `${status} ${owner}'s VBR on an ${circuit} circuit`;
        cases.push({ vbrId, as: 'demo', label: `${label}, seen by the circuit owner` });
        if (owner === 'tenant') cases.push({ vbrId, as: 'tenant', label: `${label}, seen by its owner` });
        index += 1;
      }
    }
  }
  // The one rule the generated VBRs cannot show: a VLAN another VBR holds now.
  cases.push({ vbrId: DEMO_IDS.vbrs.terminatedVlanReused, as: 'demo', label: 'terminated VBR whose VLAN is reused' });
  return { seed, cases };
}

const { seed, cases } = stateMachineSeed();

function run(action: VbrAction, vbrId: string, as: Case['as']): Promise<RunResult<unknown>> {
  const backend = as === 'tenant' ? vg.tenant : undefined;
  switch (action) {
    case 'TERMINATE':
      return gw.run(TerminateVbrDocument, { input: { vbrId } }, backend);
    case 'RECOVER':
      return gw.run(RecoverVbrDocument, { input: { vbrId } }, backend);
    case 'DELETE':
      return gw.run(DeleteVbrDocument, { input: { vbrId } }, backend);
    case 'UPDATE':
      // A field either owner may set: whether the VBR takes changes at all.
      return gw.run(UpdateVbrDocument, { input: { vbrId, detectMultiplier: 4 } }, backend);
  }
}

interface Outcome {
  label: string;
  action: VbrAction;
  ok: boolean;
  /** The first blocker's code and reason / the error's. */
  code: string | null;
  reason: string | null;
}

it('allows each action exactly when its mutation succeeds, in every state, for both accounts', async () => {
  const previewed: Outcome[] = [];
  const performed: Outcome[] = [];
  for (const { vbrId, as, label } of cases) {
    await gw.emu.control.reset({ seed });
    const { data, errors } = await gw.run(VbrDetailDocument, { id: vbrId }, as === 'tenant' ? vg.tenant : undefined);
    expect(errors).toBeUndefined();
    // A refused mutation changes nothing; after a success, back to the state the preview saw.
    let changed = false;
    for (const { action, allowed, blockers } of data?.vbr?.availableActions ?? []) {
      const [first] = blockers;
      previewed.push({ label, action, ok: allowed, code: first?.code ?? null, reason: first?.accountReason ?? first?.reason ?? null });
      if (changed) await gw.emu.control.reset({ seed });
      const result = await run(action, vbrId, as);
      changed = result.errors === undefined;
      const error = result.errors?.[0]?.extensions;
      const reason = error?.['reason'];
      performed.push({
        label,
        action,
        ok: result.errors === undefined,
        code: typeof error?.['code'] === 'string' ? error['code'] : null,
        reason: typeof reason === 'string' ? reason : null,
      });
    }
  }
  expect(previewed).toEqual(performed);
  expect(previewed).toHaveLength(cases.length * 4);
  // Not vacuous: every action is allowed somewhere and refused somewhere.
  for (const action of ['TERMINATE', 'RECOVER', 'DELETE', 'UPDATE'] as const) {
    const outcomes = new Set(performed.filter((o) => o.action === action).map((o) => o.ok));
    expect([action, [...outcomes].sort()]).toEqual([action, [false, true]]);
  }
}, 120_000);

it('costs O(pages) upstream calls for a list of 50 VBRs with their actions, whatever their owners and statuses', async () => {
  const generated = generateSeed({ connections: 25, vbrsPerConnection: [2, 2] });
  generated.VirtualBorderRouters.forEach((vbr, i) => {
    if (i % 2 === 1) vbr.OwnerId = DEMO_ACCOUNTS.tenant;
    if (i % 3 === 0) vbr.Status = 'terminated';
  });
  const callsFor = async (first: number) => {
    await gw.emu.control.reset({ seed: generated });
    const { data, errors } = await gw.run(VbrListDocument, { first });
    expect(errors).toBeUndefined();
    expect(data?.vbrs.nodes).toHaveLength(first);
    expect(data?.vbrs.nodes.every((vbr) => vbr.availableActions?.length === 4)).toBe(true);
    return (await gw.emu.control.calls()).byAction;
  };
  const fifty = await callsFor(50);
  // The list, its circuits, the own-VBR check and the VBRs of those circuits: one call each.
  expect(fifty).toEqual({ DescribeVirtualBorderRouters: 3, DescribePhysicalConnections: 1 });
  expect(await callsFor(10)).toEqual(fifty);
});
