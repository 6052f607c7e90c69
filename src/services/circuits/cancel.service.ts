/**
 * Cancelling a circuit application: INITIAL, APPROVED, ALLOCATED or CONFIRMED -> CANCELED, at once
 * (not while ALLOCATING). The upstream also refuses it while an enable is running (a retryable
 * OPERATION_CONFLICT) and the circuit still shows CONFIRMED: no read shows that, so no rule here.
 */
import type { PhysicalConnection, PhysicalConnectionStatus } from '../../datasources/models';
import type { GatewayContext } from '../../schema/context';
import { PHYSICAL_CONNECTION_ACTION_STATUSES } from '../../schema/errors';
import type { LifecycleService } from '../lifecycle';
import { circuitRefusal, statusBlockers, type CircuitBlocker } from './blockers';
import { settlesIn, writeCircuit, type CircuitWriteInput, type CircuitWriteResult, type CircuitWriteRules } from './circuit-write';
import { loadCircuit, type CircuitSubject } from './subjects';

const FROM = PHYSICAL_CONNECTION_ACTION_STATUSES.CANCEL;
const LEADS_TO: ReadonlySet<PhysicalConnectionStatus> = new Set(['CANCELED']);

function evaluate({ circuit }: CircuitSubject): CircuitBlocker[] {
  return statusBlockers(circuit, 'CANCEL', FROM);
}

const RULES: CircuitWriteRules<CircuitSubject, CircuitBlocker, PhysicalConnection, PhysicalConnection> = {
  action: 'CANCEL',
  noun: 'cancellation',
  leadsTo: LEADS_TO,
  replaysWhenGone: false,
  readsVbrs: false,
  subject: (circuit) => ({ circuit }),
  evaluate,
  refusal: circuitRefusal,
  send: (dataSource, regionId, id, clientToken) => dataSource.cancelPhysicalConnection(regionId, id, { clientToken }),
  answer: settlesIn('cancellation', 'CANCELED', FROM, LEADS_TO),
};

export const cancelService = {
  load: loadCircuit,
  evaluate,
  execute: (context: GatewayContext, input: CircuitWriteInput) => writeCircuit(context, input, RULES),
} satisfies LifecycleService<PhysicalConnection, CircuitSubject, CircuitBlocker, CircuitWriteInput, CircuitWriteResult<PhysicalConnection>>;
