/**
 * Terminating a circuit: the destructive, billing-relevant decision, in one place for the
 * `terminationCheck` preview, the TERMINATE entry of `availableActions` and the mutation
 * (docs/graphql.md#terminating-a-circuit).
 *
 * Invariants: preconditions from fresh reads (the circuit and every VBR attachment, concurrently);
 * the replay rule hands a caller's token on a TERMINATING/TERMINATED circuit to the upstream;
 * every error of the write carries its ClientToken; once the upstream accepted, the answer is a
 * success (TERMINATING when the read after it lags, fails or finds nothing).
 */
import type { PhysicalConnection, PhysicalConnectionStatus } from '../../datasources/models';
import type { GatewayContext } from '../../schema/context';
import { PHYSICAL_CONNECTION_ACTION_STATUSES } from '../../schema/errors';
import type { LifecycleService } from '../lifecycle';
import { settlesIn, writeCircuit, type CircuitWriteInput, type CircuitWriteResult, type CircuitWriteRules } from './circuit-write';
import { loadCircuitWithVbrs } from './subjects';
import { terminationBlockers, terminationRefusal, type TerminationBlocker, type TerminationSubject } from './terminate.blockers';

export type TerminateInput = CircuitWriteInput;
export type TerminateResult = CircuitWriteResult<PhysicalConnection>;

/** States a successful TerminatePhysicalConnection leads to. */
const AFTER_TERMINATE: ReadonlySet<PhysicalConnectionStatus> = new Set(['TERMINATING', 'TERMINATED']);

const RULES: CircuitWriteRules<TerminationSubject, TerminationBlocker, PhysicalConnection, PhysicalConnection> = {
  action: 'TERMINATE',
  noun: 'termination',
  leadsTo: AFTER_TERMINATE,
  replaysWhenGone: false,
  readsVbrs: true,
  subject: (circuit, attachedVbrIds) => ({ circuit, attachedVbrIds }),
  evaluate: terminationBlockers,
  refusal: terminationRefusal,
  send: (dataSource, regionId, id, clientToken) => dataSource.terminatePhysicalConnection(regionId, id, { clientToken }),
  answer: settlesIn('termination', 'TERMINATING', PHYSICAL_CONNECTION_ACTION_STATUSES.TERMINATE, AFTER_TERMINATE),
};

export const terminateService = {
  load: loadCircuitWithVbrs,
  evaluate: terminationBlockers,
  execute: (context: GatewayContext, input: TerminateInput): Promise<TerminateResult> => writeCircuit(context, input, RULES),
} satisfies LifecycleService<PhysicalConnection, TerminationSubject, TerminationBlocker, TerminateInput, TerminateResult>;
