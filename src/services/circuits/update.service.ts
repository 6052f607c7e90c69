/**
 * Changing a circuit's attributes (ModifyPhysicalConnectionAttribute): any attribute in INITIAL,
 * APPROVED, ALLOCATED, CONFIRMED, ENABLED or REJECTED; its spec (port type, bandwidth, redundant
 * circuit) only in INITIAL, ENABLED or REJECTED. A REJECTED circuit goes back to INITIAL (review).
 * Whether the redundant circuit qualifies is the upstream's check (BAD_USER_INPUT on that field).
 */
import type { PhysicalConnection } from '../../datasources/models';
import type { PhysicalConnectionChanges } from '../../datasources/types';
import type { GatewayContext } from '../../schema/context';
import { PHYSICAL_CONNECTION_ACTION_STATUSES, PHYSICAL_CONNECTION_SPEC_UPDATE_STATUSES } from '../../schema/errors';
import type { LifecycleService } from '../lifecycle';
import { circuitRefusal, statusBlockers, type CircuitBlocker } from './blockers';
import { asReadAfter, writeCircuit, type CircuitWriteInput, type CircuitWriteResult } from './circuit-write';
import type { CircuitSubject } from './subjects';

export interface UpdateInput extends CircuitWriteInput {
  changes: PhysicalConnectionChanges;
}

export interface UpdateSubject extends CircuitSubject {
  /** The update changes the port type, the bandwidth or the redundant circuit. */
  changesSpec: boolean;
}

/** The spec rule is the narrower one: a spec change outside it has one blocker, naming its statuses. */
function evaluate({ circuit, changesSpec }: UpdateSubject): CircuitBlocker[] {
  return statusBlockers(circuit, 'UPDATE', changesSpec ? PHYSICAL_CONNECTION_SPEC_UPDATE_STATUSES : PHYSICAL_CONNECTION_ACTION_STATUSES.UPDATE);
}

function changesSpec(changes: PhysicalConnectionChanges): boolean {
  return changes.portType !== undefined || changes.bandwidth !== undefined || changes.redundantPhysicalConnectionId !== undefined;
}

async function execute(context: GatewayContext, input: UpdateInput): Promise<CircuitWriteResult<PhysicalConnection | null>> {
  const spec = changesSpec(input.changes);
  return writeCircuit(context, input, {
    action: 'UPDATE',
    noun: 'update',
    // No status of its own: a retry with the caller's token passes the same checks and is replayed.
    leadsTo: new Set(),
    replaysWhenGone: false,
    readsVbrs: false,
    subject: (circuit) => ({ circuit, changesSpec: spec }),
    evaluate,
    refusal: circuitRefusal,
    send: (dataSource, regionId, id, clientToken) => dataSource.modifyPhysicalConnection(regionId, id, input.changes, { clientToken }),
    // The circuit from before the write does not show the change: no stand-in for it.
    answer: asReadAfter('update'),
  });
}

export const updateService = {
  /** The preview is of an attribute change; a spec change has the narrower rule (see the field description). */
  load: async (_context: GatewayContext, circuit: PhysicalConnection): Promise<UpdateSubject> => ({ circuit, changesSpec: false }),
  evaluate,
  execute,
} satisfies LifecycleService<PhysicalConnection, UpdateSubject, CircuitBlocker, UpdateInput, CircuitWriteResult<PhysicalConnection | null>>;
