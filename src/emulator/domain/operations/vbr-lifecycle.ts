/**
 * The VBR state machine's operations (docs/emulator-seed.md#state-machines): Terminate (active -> terminating ->
 * terminated), Recover (terminated -> recovering -> active) and Delete (-> deleting -> gone).
 * Terminate and Recover belong to the circuit owner; the circuit owner may delete another
 * account's VBR only while it is still unconfirmed.
 */
import { circuitErrors, vbrErrors } from '../errors';
import { allowed, VBR_ALLOWED_FROM, vbrSteps } from '../state/transitions';
import { accepted, type OperationContext, type OperationDefinition } from './context';
import { accessVbr } from './vbr-access';

function terminate(ctx: OperationContext) {
  const { vbr, isCircuitOwner } = accessVbr(ctx, vbrErrors.notFound);
  if (!isCircuitOwner) throw vbrErrors.notAllowedByUser('terminate');
  if (!allowed(VBR_ALLOWED_FROM.terminate, vbr.Status)) throw vbrErrors.notAllowedInState();
  vbr.Status = 'terminating';
  ctx.store.scheduleVbr(vbr.VbrId, vbrSteps.terminate(ctx.now, ctx.transitionMs));
  return accepted(ctx);
}

function recover(ctx: OperationContext) {
  const { vbr, circuit, isCircuitOwner } = accessVbr(ctx, vbrErrors.notFound);
  if (!isCircuitOwner) throw vbrErrors.notAllowedByUser('recover');
  if (!allowed(VBR_ALLOWED_FROM.recover, vbr.Status)) throw vbrErrors.notAllowedInState();
  if (circuit.Status !== 'Enabled') throw circuitErrors.notEnabled();
  // A terminated VBR's VLAN is only retained for a while; another VBR may hold it by now.
  const vlanTaken = ctx.store
    .vbrsOn(circuit.PhysicalConnectionId)
    .some((other) => other !== vbr && other.VlanId === vbr.VlanId && other.Status !== 'terminated');
  if (vlanTaken) throw vbrErrors.vlanAlreadyInUse();
  vbr.Status = 'recovering';
  ctx.store.scheduleVbr(vbr.VbrId, vbrSteps.recover(ctx.now, ctx.transitionMs));
  return accepted(ctx);
}

function remove(ctx: OperationContext) {
  const { vbr, isVbrOwner } = accessVbr(ctx, vbrErrors.notFoundOnDelete);
  if (!isVbrOwner && vbr.Status !== 'unconfirmed') throw vbrErrors.notAllowedByUser('delete');
  if (!allowed(VBR_ALLOWED_FROM.delete, vbr.Status)) throw vbrErrors.notAllowedInState();
  vbr.Status = 'deleting';
  ctx.store.scheduleVbr(vbr.VbrId, vbrSteps.delete(ctx.now, ctx.transitionMs));
  return accepted(ctx);
}

export const vbrLifecycle: Record<string, OperationDefinition> = {
  TerminateVirtualBorderRouter: { run: terminate, token: 'ClientToken' },
  RecoverVirtualBorderRouter: { run: recover, token: 'ClientToken' },
  DeleteVirtualBorderRouter: { run: remove, token: 'ClientToken' },
};
