/**
 * Deleting a circuit that is not (or no longer) in service: from ALLOCATED, CONFIRMED, REJECTED,
 * CANCELED, ALLOCATION_FAILED or TERMINATED, with no VBR of any status or account on it and no
 * shared-port vpconn hosted on it, in the upstream's order. The circuit is gone at once.
 *
 * Replay: a caller's token on a circuit that is gone goes to the upstream, which replays the
 * deletion it remembers for that token (else PHYSICAL_CONNECTION_NOT_FOUND). While an enable runs
 * (CONFIRMED) the upstream refuses with a retryable OPERATION_CONFLICT; no read shows that.
 */
import type { PhysicalConnection } from '../../datasources/models';
import type { GatewayContext } from '../../schema/context';
import { PHYSICAL_CONNECTION_ACTION_STATUSES } from '../../schema/errors';
import type { LifecycleService } from '../lifecycle';
import { circuitRefusal, statusBlockers, vbrBlockers, vpconnBlockers, type CircuitBlocker } from './blockers';
import { causeOf } from '../write';
import { writeCircuit, type AnswerLog, type CircuitWriteInput, type CircuitWriteResult, type CircuitWriteRules, type ReadAfter } from './circuit-write';
import { loadCircuitWithVbrs, type CircuitWithVbrsSubject } from './subjects';

const FROM = PHYSICAL_CONNECTION_ACTION_STATUSES.DELETE;

function evaluate(subject: CircuitWithVbrsSubject): CircuitBlocker[] {
  return [...statusBlockers(subject.circuit, 'DELETE', FROM), ...vbrBlockers(subject), ...vpconnBlockers(subject, 'deleted')];
}

/** Gone: null, also when the read after the write lags (still shows a status a delete starts from) or fails. */
function answer(after: ReadAfter, _before: PhysicalConnection | null, log: AnswerLog): PhysicalConnection | null {
  if ('failure' in after) {
    log('post-deletion read failed; answering null', { cause: causeOf(after.failure) });
    return null;
  }
  if (after.circuit !== null && FROM.includes(after.circuit.status)) {
    log('post-deletion read lags the accepted deletion; answering null', { readStatus: after.circuit.status });
    return null;
  }
  return after.circuit;
}

const RULES: CircuitWriteRules<CircuitWithVbrsSubject, CircuitBlocker, PhysicalConnection | null, PhysicalConnection | null> = {
  action: 'DELETE',
  noun: 'deletion',
  leadsTo: new Set(),
  replaysWhenGone: true,
  readsVbrs: true,
  subject: (circuit, attachedVbrIds) => ({ circuit, attachedVbrIds }),
  evaluate,
  refusal: circuitRefusal,
  send: (dataSource, regionId, id, clientToken) => dataSource.deletePhysicalConnection(regionId, id, { clientToken }),
  answer,
};

export const deleteService = {
  load: loadCircuitWithVbrs,
  evaluate,
  execute: (context: GatewayContext, input: CircuitWriteInput) => writeCircuit(context, input, RULES),
} satisfies LifecycleService<PhysicalConnection, CircuitWithVbrsSubject, CircuitBlocker, CircuitWriteInput, CircuitWriteResult<PhysicalConnection | null>>;
