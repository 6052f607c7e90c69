/**
 * Recovering a terminated shared circuit (productType VIRTUAL_PHYSICAL_CONNECTION): TERMINATED ->
 * ENABLED. A dedicated circuit cannot be recovered in any status (`allowedStatuses` empty). The
 * upstream names the circuit `InstanceId` and the token `Token` here; the data source sends them so.
 */
import type { PhysicalConnection, PhysicalConnectionStatus } from '../../datasources/models';
import type { GatewayContext } from '../../schema/context';
import { PHYSICAL_CONNECTION_ACTION_STATUSES } from '../../schema/errors';
import type { LifecycleService } from '../lifecycle';
import { circuitRefusal, statusBlockers, type CircuitBlocker } from './blockers';
import { settlesIn, writeCircuit, type CircuitWriteInput, type CircuitWriteResult, type CircuitWriteRules } from './circuit-write';
import { loadCircuit, type CircuitSubject } from './subjects';

const FROM = PHYSICAL_CONNECTION_ACTION_STATUSES.RECOVER;
const LEADS_TO: ReadonlySet<PhysicalConnectionStatus> = new Set(['ENABLED']);

/** The upstream checks the product type first, with the same refusal as the status. */
function evaluate({ circuit }: CircuitSubject): CircuitBlocker[] {
  return statusBlockers(circuit, 'RECOVER', circuit.productType === 'VIRTUAL_PHYSICAL_CONNECTION' ? FROM : []);
}

const RULES: CircuitWriteRules<CircuitSubject, CircuitBlocker, PhysicalConnection, PhysicalConnection> = {
  action: 'RECOVER',
  noun: 'recovery',
  leadsTo: LEADS_TO,
  replaysWhenGone: false,
  readsVbrs: false,
  subject: (circuit) => ({ circuit }),
  evaluate,
  refusal: circuitRefusal,
  send: (dataSource, regionId, id, clientToken) => dataSource.recoverPhysicalConnection(regionId, id, { clientToken }),
  answer: settlesIn('recovery', 'ENABLED', FROM, LEADS_TO),
};

export const recoverService = {
  load: loadCircuit,
  evaluate,
  execute: (context: GatewayContext, input: CircuitWriteInput) => writeCircuit(context, input, RULES),
} satisfies LifecycleService<PhysicalConnection, CircuitSubject, CircuitBlocker, CircuitWriteInput, CircuitWriteResult<PhysicalConnection>>;
