/**
 * How every action on an existing circuit runs (docs/graphql.md#the-circuit-lifecycle): fresh
 * reads, the replay rule, the first blocker as the refusal, the write with a ClientToken, the
 * read after it. Each service brings its rules (`CircuitWriteRules`); the order is the same for all.
 *
 * Invariants: nothing is decided from a cache; every error of the write carries its token; once
 * the upstream accepted, the answer is a success (`answer` makes do with what the read after it
 * gives, and says so in a warning).
 */
import type { PhysicalConnection, PhysicalConnectionStatus, WriteResult } from '../../datasources/models';
import type { VpcDataSourceApi } from '../../datasources/types';
import type { GatewayContext } from '../../schema/context';
import {
  PhysicalConnectionInvalidStateError,
  PhysicalConnectionNotEnabledError,
  PhysicalConnectionNotFoundError,
  type GatewayError,
  type PhysicalConnectionAction,
} from '../../schema/errors';
import { toGatewayError, type ErrorScope } from '../../schema/map-error';
import type { Blocker } from '../lifecycle';
import { causeOf, possibleReplay, sendWrite } from '../write';

/** Validated arguments of an action on one circuit (the resolver checked them). */
export interface CircuitWriteInput {
  regionId: string;
  physicalConnectionId: string;
  /** The caller's token; null to generate one. */
  clientToken: string | null;
  /** The argument the region came from, named by BAD_USER_INPUT for an unknown region; default `regionId`. */
  regionField?: string;
}

export interface CircuitWriteResult<P extends PhysicalConnection | null> {
  /** The circuit as read after the write (see `CircuitWriteRules.answer`). */
  physicalConnection: P;
  /** Upstream RequestId of the call (the original one on a replay). */
  requestId: string;
  clientToken: string;
}

/** What the read after an accepted write gave. */
export type ReadAfter = { circuit: PhysicalConnection | null } | { failure: unknown };

/** Logs what an answer had to make up, with the write's correlation ids. */
export type AnswerLog = (message: string, fields?: Record<string, unknown>) => void;

/**
 * `Before` is the circuit the fresh read found: `PhysicalConnection | null` only for rules that
 * replay a caller's token on a circuit that is gone (DELETE).
 */
export interface CircuitWriteRules<Subject, B extends Blocker, Before extends PhysicalConnection | null, P extends PhysicalConnection | null> {
  action: PhysicalConnectionAction;
  /** Names the write in log lines: `physical connection <noun> accepted`, `post-<noun> read ...`. */
  noun: string;
  /** States a successful write leads to: a caller's token on a circuit in one goes to the upstream. */
  leadsTo: ReadonlySet<PhysicalConnectionStatus>;
  /** A caller's token on a circuit that is gone goes to the upstream (the write removes it). */
  replaysWhenGone: Before extends PhysicalConnection ? false : true;
  /** The rules look at the VBRs on the circuit: read fresh, concurrently with the circuit. */
  readsVbrs: boolean;
  subject(circuit: PhysicalConnection, attachedVbrIds: readonly string[]): Subject;
  evaluate(subject: Subject): B[];
  refusal(physicalConnectionId: string, blocker: B): GatewayError;
  send(dataSource: VpcDataSourceApi, regionId: string, id: string, clientToken: string): Promise<WriteResult>;
  /** The payload's circuit from the read after the write and the fresh read before it. */
  answer(after: ReadAfter, before: Before, log: AnswerLog): P;
}

function rethrow(reason: unknown, scope: ErrorScope): never {
  throw toGatewayError(reason, scope) ?? reason;
}

/** The upstream refused a replayed token for the very state the fresh read saw: name it. */
function withStatus(mapped: GatewayError, status: PhysicalConnectionStatus, cause: unknown): GatewayError {
  if (mapped instanceof PhysicalConnectionNotEnabledError && mapped.extensions.currentStatus === null) {
    const { physicalConnectionId, upstream } = mapped.extensions;
    return new PhysicalConnectionNotEnabledError(physicalConnectionId, status, upstream, cause);
  }
  if (mapped instanceof PhysicalConnectionInvalidStateError && mapped.extensions.currentStatus === null) {
    const { physicalConnectionId, action, allowedStatuses, upstream } = mapped.extensions;
    return new PhysicalConnectionInvalidStateError(physicalConnectionId, action, status, allowedStatuses, upstream, cause);
  }
  return mapped;
}

export async function writeCircuit<Subject, B extends Blocker, Before extends PhysicalConnection | null, P extends PhysicalConnection | null>(
  context: GatewayContext,
  input: CircuitWriteInput,
  rules: CircuitWriteRules<Subject, B, Before, P>,
): Promise<CircuitWriteResult<P>> {
  const { regionId, physicalConnectionId: id, clientToken: callerToken } = input;
  const scope: ErrorScope = { regionId, physicalConnectionId: id, regionField: input.regionField ?? 'regionId', action: rules.action, inputPath: 'input' };
  const { dataSource } = context;

  // Fresh: a decision before a write takes nothing from a cache.
  const [pcRead, vbrRead] = await Promise.allSettled([
    dataSource.freshPhysicalConnection(regionId, id),
    rules.readsVbrs ? dataSource.freshVbrAttachments(regionId, id) : Promise.resolve([]),
  ]);
  if (pcRead.status === 'rejected') rethrow(pcRead.reason, scope);
  const pc = pcRead.value;
  if (pc === null && !(rules.replaysWhenGone && callerToken !== null)) throw new PhysicalConnectionNotFoundError(id, regionId);

  const replay = pc === null || possibleReplay(callerToken, pc.status, rules.leadsTo);
  if (!replay) {
    if (vbrRead.status === 'rejected') rethrow(vbrRead.reason, scope);
    const [blocker] = rules.evaluate(rules.subject(pc, vbrRead.value.map((attachment) => attachment.vbrId)));
    if (blocker !== undefined) throw rules.refusal(id, blocker);
  }

  const { result, clientToken } = await sendWrite(
    context,
    {
      callerToken,
      scope,
      action: rules.noun,
      logFields: { physicalConnectionId: id },
      refine: (mapped, reason) => (replay && pc !== null ? withStatus(mapped, pc.status, reason) : mapped),
    },
    (token) => rules.send(dataSource, regionId, id, token),
  );
  const correlation = { physicalConnectionId: id, regionId, clientToken, upstreamRequestId: result.requestId, requestId: context.requestId };
  // An audit line per accepted write; the token is an idempotency key, not a secret.
  context.logger.info({ ...correlation, possibleReplay: replay, subject: context.auth.subject }, `physical connection ${rules.noun} accepted`);

  const after = await readAfter(dataSource, regionId, id);
  const log: AnswerLog = (message, fields = {}) => context.logger.warn({ ...correlation, ...fields }, message);
  // `pc` is null only when the rules replay on a circuit that is gone (checked above).
  return { physicalConnection: rules.answer(after, pc as Before, log), requestId: result.requestId, clientToken };
}

/** The fresh read after a write; its failure is an answer too (the write happened). */
export async function readAfter(dataSource: VpcDataSourceApi, regionId: string, id: string): Promise<ReadAfter> {
  try {
    return { circuit: await dataSource.freshPhysicalConnection(regionId, id) };
  } catch (failure) {
    return { failure };
  }
}

/**
 * The answer of an action that leaves the circuit in `settled` (null: in whatever the upstream
 * shows, as an ENABLE, which runs on without a status of its own): a read that still shows a
 * status the action starts from lags, and reports `settled`; a read that fails or finds nothing
 * reports the circuit from before the write, in `settled` unless it already was in a state the
 * action leads to (a replay).
 */
export function settlesIn(
  noun: string,
  settled: PhysicalConnectionStatus | null,
  from: readonly PhysicalConnectionStatus[],
  leadsTo: ReadonlySet<PhysicalConnectionStatus>,
): (after: ReadAfter, before: PhysicalConnection, log: AnswerLog) => PhysicalConnection {
  const standIn = (before: PhysicalConnection): PhysicalConnection =>
    settled === null || leadsTo.has(before.status) ? before : { ...before, status: settled };
  return (after, before, log) => {
    if ('failure' in after) {
      log(`post-${noun} read failed; answering from the pre-read`, { cause: causeOf(after.failure) });
      return standIn(before);
    }
    if (after.circuit === null) {
      log(`post-${noun} read found no circuit; answering from the pre-read`);
      return standIn(before);
    }
    if (settled !== null && from.includes(after.circuit.status)) {
      // A payload showing the old status would invite the click the mutation just made.
      log(`post-${noun} read lags the accepted ${noun}; answering ${settled}`, { readStatus: after.circuit.status });
      return { ...after.circuit, status: settled };
    }
    return after.circuit;
  };
}

/**
 * The answer of an action whose effect the circuit from before the write does not show (an
 * attribute change, a create): the read after it, or null, with a warning, when it has nothing.
 */
export function asReadAfter(noun: string): (after: ReadAfter, before: unknown, log: AnswerLog) => PhysicalConnection | null {
  return (after, _before, log) => {
    if ('failure' in after) {
      log(`post-${noun} read failed; answering null`, { cause: causeOf(after.failure) });
      return null;
    }
    if (after.circuit === null) log(`post-${noun} read found no circuit; answering null`);
    return after.circuit;
  };
}
