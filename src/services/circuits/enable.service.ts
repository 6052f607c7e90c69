/**
 * Enabling a confirmed circuit: CONFIRMED -> ENABLED, asynchronously (the circuit shows CONFIRMED
 * until the upstream has enabled it; there is no ENABLING status).
 *
 * The upstream answers success for an ENABLED circuit and does nothing. Without a caller's token
 * the gateway refuses that locally (PHYSICAL_CONNECTION_INVALID_STATE, currentStatus ENABLED): a
 * console should not show a success for a click that did nothing. With one, the replay rule hands
 * it to the upstream (a retry of an enable that worked). While an enable runs, the upstream refuses
 * another (a retryable OPERATION_CONFLICT); no read shows that, so no rule here.
 */
import type { PhysicalConnection, PhysicalConnectionStatus } from '../../datasources/models';
import type { GatewayContext } from '../../schema/context';
import { PHYSICAL_CONNECTION_ACTION_STATUSES } from '../../schema/errors';
import type { LifecycleService } from '../lifecycle';
import { circuitRefusal, statusBlockers, type CircuitBlocker } from './blockers';
import { settlesIn, writeCircuit, type CircuitWriteInput, type CircuitWriteResult, type CircuitWriteRules } from './circuit-write';
import { loadCircuit, type CircuitSubject } from './subjects';

const FROM = PHYSICAL_CONNECTION_ACTION_STATUSES.ENABLE;
const LEADS_TO: ReadonlySet<PhysicalConnectionStatus> = new Set(['ENABLED']);

function evaluate({ circuit }: CircuitSubject): CircuitBlocker[] {
  return statusBlockers(circuit, 'ENABLE', FROM);
}

const RULES: CircuitWriteRules<CircuitSubject, CircuitBlocker, PhysicalConnection, PhysicalConnection> = {
  action: 'ENABLE',
  noun: 'enable',
  leadsTo: LEADS_TO,
  replaysWhenGone: false,
  readsVbrs: false,
  subject: (circuit) => ({ circuit }),
  evaluate,
  refusal: circuitRefusal,
  send: (dataSource, regionId, id, clientToken) => dataSource.enablePhysicalConnection(regionId, id, { clientToken }),
  // Asynchronous without a status of its own: CONFIRMED after the call is the truth, not a lag.
  answer: settlesIn('enable', null, FROM, LEADS_TO),
};

export const enableService = {
  load: loadCircuit,
  evaluate,
  execute: (context: GatewayContext, input: CircuitWriteInput) => writeCircuit(context, input, RULES),
} satisfies LifecycleService<PhysicalConnection, CircuitSubject, CircuitBlocker, CircuitWriteInput, CircuitWriteResult<PhysicalConnection>>;
