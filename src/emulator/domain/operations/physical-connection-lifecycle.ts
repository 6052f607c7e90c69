/**
 * The circuit state machine's operations (docs/emulator-seed.md#state-machines): Confirm, Enable, Cancel, Terminate,
 * Recover, Delete. Each checks the caller owns the circuit, then the status, then the
 * operation's own preconditions, and only then changes anything. The one exception: the owner of
 * a circuit hosting a vpconn deletes that vpconn (vpconn-writes.ts).
 */
import { circuitErrors } from '../errors';
import type { CircuitRecord } from '../seed';
import { allowed, CIRCUIT_ALLOWED_FROM, circuitSteps } from '../state/transitions';
import { accepted, requireRegion, type OperationContext, type OperationDefinition } from './context';
import { deleteHostedVpconn, hostedVpconn } from './vpconn-writes';
import type { ApiError } from '../../api-error';

/** The caller's circuit named by `PhysicalConnectionId`, or the operation's not-found error. */
function ownedCircuit(ctx: OperationContext, notFound: () => ApiError): CircuitRecord {
  const regionId = requireRegion(ctx, ['PhysicalConnectionId']);
  const circuit = ctx.store.ownedCircuit(ctx.accountId, regionId, ctx.params.required('PhysicalConnectionId'));
  if (!circuit) throw notFound();
  return circuit;
}

/** Enable runs asynchronously: until it lands, the circuit is Confirmed with a step pending. */
function enabling(ctx: OperationContext, circuit: CircuitRecord): boolean {
  return circuit.Status === 'Confirmed' && ctx.store.circuitHasPendingSteps(circuit.PhysicalConnectionId);
}

function confirm(ctx: OperationContext) {
  const circuit = ownedCircuit(ctx, circuitErrors.notFoundOnConfirm);
  if (!allowed(CIRCUIT_ALLOWED_FROM.confirm, circuit.Status)) throw circuitErrors.notAllocated();
  circuit.Status = 'Confirmed';
  // The tenant's confirmation is what accepts a shared circuit.
  if (circuit.ProductType === 'VirtualPhysicalConnection') circuit.VpconnStatus = 'Confirmed';
  return accepted(ctx);
}

function enable(ctx: OperationContext) {
  ctx.params.boolean('ByPassSp');
  const circuit = ownedCircuit(ctx, circuitErrors.notFound);
  // Documented as idempotent by state: enabling an Enabled circuit succeeds and does nothing.
  if (circuit.Status === 'Enabled') return accepted(ctx);
  if (enabling(ctx, circuit)) throw circuitErrors.operationConflict();
  if (!allowed(CIRCUIT_ALLOWED_FROM.enable, circuit.Status)) throw circuitErrors.notAllowedInState();
  ctx.store.scheduleCircuit(circuit.PhysicalConnectionId, circuitSteps.enable(ctx.now, ctx.transitionMs));
  return accepted(ctx);
}

function cancel(ctx: OperationContext) {
  const circuit = ownedCircuit(ctx, circuitErrors.notFound);
  if (enabling(ctx, circuit)) throw circuitErrors.operationConflict();
  if (!allowed(CIRCUIT_ALLOWED_FROM.cancel, circuit.Status)) throw circuitErrors.notAllowedInState();
  circuit.Status = 'Canceled';
  ctx.store.cancelCircuitSteps(circuit.PhysicalConnectionId);
  return accepted(ctx);
}

function terminate(ctx: OperationContext) {
  const circuit = ownedCircuit(ctx, circuitErrors.notFound);
  const id = circuit.PhysicalConnectionId;
  if (!allowed(CIRCUIT_ALLOWED_FROM.terminate, circuit.Status)) throw circuitErrors.notAllowedInState();
  if (circuit.BusinessStatus === 'FinancialLocked' || circuit.BusinessStatus === 'SecurityLocked') {
    throw circuitErrors.lockedBySystem();
  }
  // Any VBR blocks, whatever its status or owner: the docs say they must be deleted first.
  if (ctx.store.vbrsOn(id).length > 0) throw circuitErrors.vbrAttached();
  if (ctx.store.vpconnsOf(id).length > 0) throw circuitErrors.vpconnAttached();
  if (circuit.MacsecKeys.length > 0) throw circuitErrors.macsecAttached();
  circuit.Status = 'Terminating';
  ctx.store.scheduleCircuit(id, circuitSteps.terminate(ctx.now, ctx.transitionMs));
  return accepted(ctx);
}

/** Takes `InstanceId` and `Token` (not PhysicalConnectionId/ClientToken), plus `DryRun`. */
function recover(ctx: OperationContext) {
  const regionId = requireRegion(ctx, ['InstanceId']);
  const id = ctx.params.required('InstanceId');
  const dryRun = ctx.params.boolean('DryRun') ?? false;
  const circuit = ctx.store.ownedCircuit(ctx.accountId, regionId, id);
  if (!circuit) throw circuitErrors.resourceNotFound(id);
  // Only shared circuits can be recovered, and only from Terminated.
  if (circuit.ProductType !== 'VirtualPhysicalConnection' || !allowed(CIRCUIT_ALLOWED_FROM.recover, circuit.Status)) {
    throw circuitErrors.incorrectStatus(id);
  }
  if (dryRun) return accepted(ctx);
  // [I] The target state is undocumented and there is no "Recovering" status: back in service.
  circuit.Status = 'Enabled';
  return accepted(ctx);
}

function remove(ctx: OperationContext) {
  const vpconn = hostedVpconn(ctx, requireRegion(ctx, ['PhysicalConnectionId']), ctx.params.required('PhysicalConnectionId'));
  if (vpconn !== undefined) return deleteHostedVpconn(ctx, vpconn);
  const circuit = ownedCircuit(ctx, circuitErrors.notFound);
  const id = circuit.PhysicalConnectionId;
  const { store } = ctx;
  if (enabling(ctx, circuit)) throw circuitErrors.operationConflict();
  if (!allowed(CIRCUIT_ALLOWED_FROM.delete, circuit.Status)) throw circuitErrors.notAllowedInState();
  const vbrs = store.vbrsOn(id);
  if (vbrs.some((vbr) => vbr.OwnerId === circuit.OwnerId)) throw circuitErrors.ownersVbrExists();
  if (vbrs.length > 0) throw circuitErrors.otherOwnersVbrExists();
  if (store.vpconnsOf(id).length > 0) throw circuitErrors.vpconnAttachedOnDelete();
  // References to the deleted circuit would dangle (and fail a reload of the snapshot).
  for (const other of store.circuits.values()) {
    if (other.RedundantPhysicalConnectionId === id) delete other.RedundantPhysicalConnectionId;
    if (other.ParentPhysicalConnectionId === id) delete other.ParentPhysicalConnectionId;
  }
  store.deleteCircuit(id);
  return accepted(ctx);
}

export const physicalConnectionLifecycle: Record<string, OperationDefinition> = {
  ConfirmPhysicalConnection: { run: confirm, token: 'ClientToken' },
  EnablePhysicalConnection: { run: enable, token: 'ClientToken' },
  CancelPhysicalConnection: { run: cancel, token: 'ClientToken' },
  TerminatePhysicalConnection: { run: terminate, token: 'ClientToken' },
  RecoverPhysicalConnection: {
    run: recover,
    token: 'Token',
    remember: (params) => params.boolean('DryRun') !== true,
  },
  DeletePhysicalConnection: { run: remove, token: 'ClientToken' },
};
