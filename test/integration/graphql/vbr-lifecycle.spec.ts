/**
 * terminateVbr, recoverVbr and deleteVbr end to end: real data source, the emulator over HTTP with
 * the demo seed and two accounts (demo owns the circuits, the tenant owns VBRs on two of them).
 * Every refusal with its whole `extensions`, replays with one upstream effect, bad input with
 * nothing sent.
 */
import { DEMO_ACCOUNTS, DEMO_IDS } from '../../../src/emulator/domain';
import {
  DeleteVbrDocument,
  RecoverVbrDocument,
  TerminateVbrDocument,
  type TerminateVbrInput,
} from '../../generated/graphql';
import { pollUntil } from '../../support/eventually';
import { GENERATED_TOKEN, onlyError, seedWithCircuitStatus, UPSTREAM_REQUEST_ID, useVbrGateway } from './support/vbr';

const vg = useVbrGateway();
const { gw } = vg;
const V = DEMO_IDS.vbrs;
const HZ = 'cn-hangzhou';

beforeEach(() => gw.emu.control.reset());

const terminate = (input: TerminateVbrInput, asTenant = false) => gw.run(TerminateVbrDocument, { input }, asTenant ? vg.tenant : undefined);
const recover = (input: TerminateVbrInput, asTenant = false) => gw.run(RecoverVbrDocument, { input }, asTenant ? vg.tenant : undefined);
const remove = (input: TerminateVbrInput, asTenant = false) => gw.run(DeleteVbrDocument, { input }, asTenant ? vg.tenant : undefined);

async function writesOf(action: string): Promise<Array<{ resourceId: string | null; clientToken: string | null; accountId: string }>> {
  return (await vg.events()).filter((event) => event.action === action);
}

describe('terminateVbr', () => {
  it('answers TERMINATING with the upstream RequestId and a generated token; the VBR becomes TERMINATED', async () => {
    const { data, errors } = await terminate({ vbrId: V.active });
    expect(errors).toBeUndefined();
    expect(data?.terminateVbr).toEqual({
      requestId: UPSTREAM_REQUEST_ID,
      clientToken: GENERATED_TOKEN,
      vbr: { id: V.active, regionId: HZ, status: 'TERMINATING' },
    });
    expect(await writesOf('TerminateVirtualBorderRouter')).toEqual([
      expect.objectContaining({ resourceId: V.active, clientToken: data?.terminateVbr.clientToken }),
    ]);
    const after = await pollUntil(() => vg.vbrRecord(V.active), (vbr) => vbr?.Status === 'terminated');
    expect(after?.Status).toBe('terminated');
  });

  it('replays with the same token: the same RequestId, one upstream effect; without a token it is refused', async () => {
    const first = await terminate({ vbrId: V.active, clientToken: 'vbr-term-1' });
    const again = await terminate({ vbrId: V.active, clientToken: 'vbr-term-1' });
    expect(again.errors).toBeUndefined();
    expect(again.data?.terminateVbr.requestId).toBe(first.data?.terminateVbr.requestId);
    expect(again.data?.terminateVbr.vbr.status).toMatch(/^TERMINAT(ING|ED)$/);
    expect(await writesOf('TerminateVirtualBorderRouter')).toHaveLength(1);

    const untokened = onlyError(await terminate({ vbrId: V.active }));
    expect(untokened?.extensions).toEqual({
      code: 'VBR_INVALID_STATE',
      retryable: false,
      vbrId: V.active,
      action: 'TERMINATE',
      currentStatus: expect.stringMatching(/^TERMINAT(ING|ED)$/),
      allowedStatuses: ['ACTIVE'],
    });
  });

  it('refuses a token the upstream does not know on a VBR already TERMINATED, naming the status the fresh read saw', async () => {
    const error = onlyError(await terminate({ vbrId: V.terminatedRecoverable, clientToken: 'never-used-1' }));
    expect(error?.extensions).toEqual({
      code: 'VBR_INVALID_STATE',
      retryable: false,
      vbrId: V.terminatedRecoverable,
      action: 'TERMINATE',
      currentStatus: 'TERMINATED',
      allowedStatuses: ['ACTIVE'],
      upstream: { code: 'InvalidOperation.OperationNotAllowedInState', httpStatus: 400, requestId: UPSTREAM_REQUEST_ID },
      clientToken: 'never-used-1',
    });
  });

  it.each([
    ['a VBR that does not exist', 'vbr-doesnotexist01', { code: 'VBR_NOT_FOUND', retryable: false, vbrId: 'vbr-doesnotexist01' }],
    [
      'a VBR in a transition',
      V.terminating,
      { code: 'VBR_INVALID_STATE', retryable: false, vbrId: V.terminating, action: 'TERMINATE', currentStatus: 'TERMINATING', allowedStatuses: ['ACTIVE'] },
    ],
    [
      'an UNCONFIRMED VBR',
      V.unconfirmedForTenant,
      { code: 'VBR_INVALID_STATE', retryable: false, vbrId: V.unconfirmedForTenant, action: 'TERMINATE', currentStatus: 'UNCONFIRMED', allowedStatuses: ['ACTIVE'] },
    ],
  ])('refuses %s locally, sending no write', async (_what, vbrId, extensions) => {
    expect(onlyError(await terminate({ vbrId }))?.extensions).toEqual(extensions);
    expect(await writesOf('TerminateVirtualBorderRouter')).toEqual([]);
    expect((await gw.emu.control.calls()).byAction['TerminateVirtualBorderRouter']).toBeUndefined();
  });

  it("refuses the VBR's owner when the circuit is another account's: only the circuit owner terminates", async () => {
    const error = onlyError(await terminate({ vbrId: V.tenantActive }, true));
    expect(error?.extensions).toEqual({ code: 'ACCOUNT_NOT_ALLOWED', retryable: false, resourceId: V.tenantActive, reason: 'CIRCUIT_OWNER_ONLY' });
    expect(error?.message).toBe(`VBR ${V.tenantActive} is on another account's physical connection; only the circuit's owner may terminate it.`);
    expect((await gw.emu.control.calls()).byAction['TerminateVirtualBorderRouter']).toBeUndefined();
  });

  it("lets the circuit owner terminate another account's ACTIVE VBR on its circuit", async () => {
    const { data, errors } = await terminate({ vbrId: V.tenantActive });
    expect(errors).toBeUndefined();
    expect(data?.terminateVbr.vbr.status).toBe('TERMINATING');
    expect(await writesOf('TerminateVirtualBorderRouter')).toEqual([expect.objectContaining({ accountId: DEMO_ACCOUNTS.demo })]);
  });

  it('maps a refusal the upstream sends after the fresh checks passed, with the token it was sent with', async () => {
    await gw.emu.control.addFault({ action: 'TerminateVirtualBorderRouter', type: 'error', httpStatus: 403, code: 'Forbidden.OperationNotAllowedByUser', times: 1 });
    const error = onlyError(await terminate({ vbrId: V.active, clientToken: 'race-term-1' }));
    expect(error?.extensions).toEqual({
      code: 'ACCOUNT_NOT_ALLOWED',
      retryable: false,
      resourceId: V.active,
      reason: null,
      upstream: { code: 'Forbidden.OperationNotAllowedByUser', httpStatus: 403, requestId: UPSTREAM_REQUEST_ID },
      clientToken: 'race-term-1',
    });
  });
});

describe('recoverVbr', () => {
  it('answers RECOVERING; the VBR becomes ACTIVE; a replay with the same token has no second effect', async () => {
    const first = await recover({ vbrId: V.terminatedRecoverable, clientToken: 'vbr-recover-1' });
    expect(first.errors).toBeUndefined();
    expect(first.data?.recoverVbr).toEqual({
      requestId: UPSTREAM_REQUEST_ID,
      clientToken: 'vbr-recover-1',
      vbr: { id: V.terminatedRecoverable, regionId: HZ, status: 'RECOVERING' },
    });
    const again = await recover({ vbrId: V.terminatedRecoverable, clientToken: 'vbr-recover-1' });
    expect(again.data?.recoverVbr.requestId).toBe(first.data?.recoverVbr.requestId);
    expect(await writesOf('RecoverVirtualBorderRouter')).toHaveLength(1);
    const after = await pollUntil(() => vg.vbrRecord(V.terminatedRecoverable), (vbr) => vbr?.Status === 'active');
    expect(after?.Status).toBe('active');
  });

  it('refuses a VBR whose VLAN another VBR holds now, naming the holder', async () => {
    const error = onlyError(await recover({ vbrId: V.terminatedVlanReused }));
    expect(error?.extensions).toEqual({
      code: 'OPERATION_CONFLICT',
      retryable: false,
      physicalConnectionId: DEMO_IDS.enabledWithVbrs,
      reason: 'VLAN_IN_USE',
    });
    expect(error?.message).toBe(`VBR ${V.terminatedVlanReused} cannot be recovered: its VLAN 100 is held by ${V.active} now.`);
    expect((await gw.emu.control.calls()).byAction['RecoverVirtualBorderRouter']).toBeUndefined();
  });

  it('refuses a VBR on a circuit that is not ENABLED', async () => {
    await gw.emu.control.reset({ seed: seedWithCircuitStatus(DEMO_IDS.enabledWithVbrs, 'Confirmed') });
    const error = onlyError(await recover({ vbrId: V.terminatedRecoverable }));
    expect(error?.extensions).toEqual({
      code: 'PHYSICAL_CONNECTION_NOT_ENABLED',
      retryable: false,
      physicalConnectionId: DEMO_IDS.enabledWithVbrs,
      currentStatus: 'CONFIRMED',
    });
    expect(error?.message).toBe(`Physical connection ${DEMO_IDS.enabledWithVbrs} is CONFIRMED; its VBRs can only be recovered while it is ENABLED.`);
  });

  it('refuses an ACTIVE VBR, and the VBR owner on another account\'s circuit', async () => {
    expect(onlyError(await recover({ vbrId: V.active }))?.extensions).toEqual({
      code: 'VBR_INVALID_STATE',
      retryable: false,
      vbrId: V.active,
      action: 'RECOVER',
      currentStatus: 'ACTIVE',
      allowedStatuses: ['TERMINATED'],
    });
    expect(onlyError(await recover({ vbrId: V.tenantActive }, true))?.extensions).toMatchObject({ code: 'ACCOUNT_NOT_ALLOWED', reason: 'CIRCUIT_OWNER_ONLY' });
    expect(await writesOf('RecoverVirtualBorderRouter')).toEqual([]);
  });

  it('words an upstream NotEnabled refusal for recovering', async () => {
    await gw.emu.control.addFault({ action: 'RecoverVirtualBorderRouter', type: 'error', httpStatus: 400, code: 'InvalidPhysicalConnectionId.NotEnabled', times: 1 });
    const error = onlyError(await recover({ vbrId: V.terminatedRecoverable, clientToken: 'race-recover-1' }));
    expect(error?.extensions).toMatchObject({ code: 'PHYSICAL_CONNECTION_NOT_ENABLED', physicalConnectionId: DEMO_IDS.enabledWithVbrs, currentStatus: null, clientToken: 'race-recover-1' });
    expect(error?.message).toBe(`Physical connection ${DEMO_IDS.enabledWithVbrs} is not ENABLED; its VBRs can only be recovered while it is ENABLED.`);
  });
});

describe('deleteVbr', () => {
  it('answers DELETING, then the VBR is gone; a replay with the same token after that succeeds with no second effect', async () => {
    const first = await remove({ vbrId: V.active, clientToken: 'vbr-delete-1' });
    expect(first.errors).toBeUndefined();
    expect(first.data?.deleteVbr).toEqual({
      requestId: UPSTREAM_REQUEST_ID,
      clientToken: 'vbr-delete-1',
      vbrId: V.active,
      vbr: { id: V.active, regionId: HZ, status: 'DELETING' },
    });
    await pollUntil(() => vg.vbrRecord(V.active), (vbr) => vbr === undefined);
    const again = await remove({ vbrId: V.active, clientToken: 'vbr-delete-1' });
    expect(again.errors).toBeUndefined();
    expect(again.data?.deleteVbr).toEqual({ requestId: first.data?.deleteVbr.requestId, clientToken: 'vbr-delete-1', vbrId: V.active, vbr: null });
    expect(await writesOf('DeleteVirtualBorderRouter')).toHaveLength(1);
    // Without the token, a VBR that is gone is not found.
    expect(onlyError(await remove({ vbrId: V.active }))?.extensions).toEqual({ code: 'VBR_NOT_FOUND', retryable: false, vbrId: V.active });
  });

  it("refuses another account's VBR unless it is UNCONFIRMED", async () => {
    const error = onlyError(await remove({ vbrId: V.tenantActive }));
    expect(error?.extensions).toEqual({ code: 'ACCOUNT_NOT_ALLOWED', retryable: false, resourceId: V.tenantActive, reason: 'FOREIGN_VBR_NOT_UNCONFIRMED' });
    expect(error?.message).toBe(
      `VBR ${V.tenantActive} belongs to another account and is ACTIVE; the circuit's owner may delete another account's VBR only while it is UNCONFIRMED.`,
    );
    const unconfirmed = await remove({ vbrId: V.unconfirmedForTenant });
    expect(unconfirmed.errors).toBeUndefined();
    expect(unconfirmed.data?.deleteVbr.vbr?.status).toBe('DELETING');
    expect(await writesOf('DeleteVirtualBorderRouter')).toEqual([expect.objectContaining({ resourceId: V.unconfirmedForTenant })]);
  });

  it("lets the VBR's owner delete its ACTIVE VBR on another account's circuit", async () => {
    const { data, errors } = await remove({ vbrId: V.tenantActive }, true);
    expect(errors).toBeUndefined();
    expect(data?.deleteVbr.vbr?.status).toBe('DELETING');
    expect(await writesOf('DeleteVirtualBorderRouter')).toEqual([expect.objectContaining({ accountId: DEMO_ACCOUNTS.tenant })]);
  });

  it('refuses a VBR in a transition', async () => {
    expect(onlyError(await remove({ vbrId: V.deleting }))?.extensions).toEqual({
      code: 'VBR_INVALID_STATE',
      retryable: false,
      vbrId: V.deleting,
      action: 'DELETE',
      currentStatus: 'DELETING',
      allowedStatuses: ['UNCONFIRMED', 'ACTIVE', 'TERMINATED'],
    });
  });

  it.each([
    ['DependencyViolation.BgpGroup', 'BGP_GROUPS', true],
    ['InvalidOperation.RouterInterfaceNotDeleted', 'ROUTER_INTERFACES', false],
    ['DependencyViolation.RouterInterfaceReferedByRouteEntry', 'ROUTER_INTERFACES', false],
  ])('maps the upstream refusal %s to OPERATION_CONFLICT %s (retryable %s) with the token', async (code, reason, retryable) => {
    await gw.emu.control.addFault({ action: 'DeleteVirtualBorderRouter', type: 'error', httpStatus: 400, code, times: 1 });
    const error = onlyError(await remove({ vbrId: V.active }));
    expect(error?.extensions).toEqual({
      code: 'OPERATION_CONFLICT',
      retryable,
      physicalConnectionId: DEMO_IDS.enabledWithVbrs,
      reason,
      upstream: { code, httpStatus: 400, requestId: UPSTREAM_REQUEST_ID },
      clientToken: GENERATED_TOKEN,
    });
    expect(await writesOf('DeleteVirtualBorderRouter')).toEqual([]);
  });
});

describe('bad input: BAD_USER_INPUT naming the field, nothing sent upstream', () => {
  it.each([
    ['input.vbrId', { vbrId: 'pc-bp1vdhldsun7av8bppxx' }],
    ['input.vbrId', { vbrId: 'vbr-UPPER' }],
    ['input.regionId', { vbrId: V.active, regionId: 'cn-hangzhou.evil.example' }],
    ['input.clientToken', { vbrId: V.active, clientToken: 'has space' }],
    ['input.clientToken', { vbrId: V.active, clientToken: 'x'.repeat(65) }],
  ])('%s %j', async (field, input) => {
    for (const run of [terminate, recover, remove]) {
      const error = onlyError(await run(input));
      expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field });
    }
    expect(await vg.calls()).toBe(0);
  });
});
