/**
 * Confirming a circuit the provider has allocated: ALLOCATED -> CONFIRMED, at once (the step before
 * enabling it). The only rule is the status.
 */
import type { PhysicalConnection, PhysicalConnectionStatus } from '../../datasources/models';
import type { GatewayContext } from '../../schema/context';
import { PHYSICAL_CONNECTION_ACTION_STATUSES } from '../../schema/errors';
import type { LifecycleService } from '../lifecycle';
import { circuitRefusal, statusBlockers, type CircuitBlocker } from './blockers';
import { settlesIn, writeCircuit, type CircuitWriteInput, type CircuitWriteResult, type CircuitWriteRules } from './circuit-write';
import { loadCircuit, type CircuitSubject } from './subjects';

const FROM = PHYSICAL_CONNECTION_ACTION_STATUSES.CONFIRM;
const LEADS_TO: ReadonlySet<PhysicalConnectionStatus> = new Set(['CONFIRMED']);

function evaluate({ circuit }: CircuitSubject): CircuitBlocker[] {
  return statusBlockers(circuit, 'CONFIRM', FROM);
}

const RULES: CircuitWriteRules<CircuitSubject, CircuitBlocker, PhysicalConnection, PhysicalConnection> = {
  action: 'CONFIRM',
  noun: 'confirmation',
  leadsTo: LEADS_TO,
  replaysWhenGone: false,
  readsVbrs: false,
  subject: (circuit) => ({ circuit }),
  evaluate,
  refusal: circuitRefusal,
  send: (dataSource, regionId, id, clientToken) => dataSource.confirmPhysicalConnection(regionId, id, { clientToken }),
  answer: settlesIn('confirmation', 'CONFIRMED', FROM, LEADS_TO),
};

export const confirmService = {
  load: loadCircuit,
  evaluate,
  execute: (context: GatewayContext, input: CircuitWriteInput) => writeCircuit(context, input, RULES),
} satisfies LifecycleService<PhysicalConnection, CircuitSubject, CircuitBlocker, CircuitWriteInput, CircuitWriteResult<PhysicalConnection>>;
