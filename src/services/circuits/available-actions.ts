/**
 * `PhysicalConnection.availableActions`: every circuit action's preview, by the same `load` and
 * `evaluate` its mutation runs, from the request's batched reads (the VBRs of a circuit are one
 * DataLoader key, shared by TERMINATE and DELETE and by every circuit of a list).
 */
import type { PhysicalConnection } from '../../datasources/models';
import type { GatewayContext } from '../../schema/context';
import type { PhysicalConnectionAction } from '../../schema/errors';
import type { ActionBlockerModel } from '../../schema/types/available-action';
import { preview, type Blocker, type LifecycleService } from '../lifecycle';
import { cancelService } from './cancel.service';
import { confirmService } from './confirm.service';
import { deleteService } from './delete.service';
import { enableService } from './enable.service';
import { recoverService } from './recover.service';
import type { TerminationBlocker } from './terminate.blockers';
import { terminateService } from './terminate.service';
import { updateService } from './update.service';

export interface PhysicalConnectionAvailableActionModel {
  action: PhysicalConnectionAction;
  allowed: boolean;
  blockers: ActionBlockerModel[];
}

type Entry = (context: GatewayContext, circuit: PhysicalConnection) => Promise<PhysicalConnectionAvailableActionModel>;

function entry<S, B extends Blocker>(
  action: PhysicalConnectionAction,
  service: Pick<LifecycleService<PhysicalConnection, S, B, unknown, unknown>, 'load' | 'evaluate'>,
  toModel: (blocker: B) => ActionBlockerModel,
): Entry {
  return async (context, circuit) => {
    const { allowed, blockers } = await preview(service, context, circuit);
    return { action, allowed, blockers: blockers.map(toModel) };
  };
}

const asIs = (blocker: ActionBlockerModel): ActionBlockerModel => blocker;

/** A terminate blocker as an action blocker: the details it has, the others null. */
function fromTermination(blocker: TerminationBlocker): ActionBlockerModel {
  return { ...blocker, vbrStatus: null, accountReason: null };
}

/** In the order of the `PhysicalConnectionAction` enum. */
const ENTRIES: readonly Entry[] = [
  entry('CONFIRM', confirmService, asIs),
  entry('ENABLE', enableService, asIs),
  entry('CANCEL', cancelService, asIs),
  entry('TERMINATE', terminateService, fromTermination),
  entry('RECOVER', recoverService, asIs),
  entry('DELETE', deleteService, asIs),
  entry('UPDATE', updateService, asIs),
];

export async function circuitAvailableActions(context: GatewayContext, circuit: PhysicalConnection): Promise<PhysicalConnectionAvailableActionModel[]> {
  return Promise.all(ENTRIES.map((compute) => compute(context, circuit)));
}
