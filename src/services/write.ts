/**
 * What every lifecycle write shares: the replay rule, the ClientToken (the caller's or a generated
 * one) and the mapping of the write's failures, each of which carries that token
 * (`extensions.clientToken`): a failure does not mean the write did not happen. The MACsec writes,
 * which the upstream takes no token for, share the mapping only (`sendUntokenedWrite`).
 */
import { randomUUID } from 'node:crypto';
import { UpstreamError } from '../datasources/errors';
import type { WriteResult } from '../datasources/models';
import type { GatewayContext } from '../schema/context';
import { InternalServerError, type GatewayError } from '../schema/errors';
import { toGatewayError, type ErrorScope } from '../schema/map-error';
import { redactSecrets } from '../shared/redact';

/**
 * The replay rule: with a caller's token and a resource already in a state the action leads to,
 * only the upstream knows whether that token got it there, so the local check is skipped.
 */
export function possibleReplay<S>(callerToken: string | null, status: S, after: ReadonlySet<S>): boolean {
  return callerToken !== null && after.has(status);
}

export interface WriteAttempt {
  /** The caller's validated token; null to generate one. */
  callerToken: string | null;
  scope: ErrorScope;
  /** Names the action in the error log line of an unmapped failure (`internal error during the <action> call`). */
  action: string;
  /** Correlation fields of that log line (e.g. the resource id). */
  logFields: Record<string, unknown>;
  /** Adjusts a mapped refusal with what only the caller knows (e.g. the status a fresh read saw). */
  refine?: (mapped: GatewayError, reason: unknown) => GatewayError;
}

export interface SentWrite<T extends WriteResult> {
  result: T;
  /** The token the upstream used: its echo, else the one sent. */
  clientToken: string;
}

/**
 * Sends `write` with the caller's or a generated token. A failure nothing maps (a bug, an
 * unexpected library error) is masked as INTERNAL_SERVER_ERROR, as format-error.ts masks it, with
 * its details in one error log line; every failure keeps the token.
 */
export async function sendWrite<T extends WriteResult>(
  context: GatewayContext,
  attempt: WriteAttempt,
  write: (clientToken: string) => Promise<T>,
): Promise<SentWrite<T>> {
  const clientToken = attempt.callerToken ?? randomUUID();
  let result: T;
  try {
    result = await write(clientToken);
  } catch (reason) {
    throw writeFailure(context, attempt, reason, clientToken).attemptedWith(clientToken);
  }
  return { result, clientToken: result.clientToken ?? clientToken };
}

/**
 * A write the upstream takes no token for (the MACsec keys): nothing to generate or carry, so its
 * failures have no `clientToken`; mapped as `sendWrite` maps them.
 */
export async function sendUntokenedWrite<T extends WriteResult>(
  context: GatewayContext,
  attempt: Omit<WriteAttempt, 'callerToken'>,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (reason) {
    throw writeFailure(context, attempt, reason, null);
  }
}

/** The GraphQL error of a failed write; one nothing maps is INTERNAL_SERVER_ERROR, its details logged. */
function writeFailure(
  context: GatewayContext,
  attempt: Omit<WriteAttempt, 'callerToken'>,
  reason: unknown,
  clientToken: string | null,
): GatewayError {
  let mapped = toGatewayError(reason, attempt.scope);
  if (mapped === null) {
    context.logger.error(
      { correlationId: context.requestId, clientToken, ...attempt.logFields, cause: causeOf(reason) },
      `internal error during the ${attempt.action} call`,
    );
    mapped = new InternalServerError(context.requestId);
  }
  return attempt.refine?.(mapped, reason) ?? mapped;
}

/** A failure's cause for a log line: codes, never a raw upstream message; anything else scrubbed. */
export function causeOf(reason: unknown): Record<string, unknown> {
  if (reason instanceof UpstreamError) {
    return { code: reason.code, kind: reason.kind, httpStatus: reason.httpStatus, upstreamRequestId: reason.requestId };
  }
  if (reason instanceof Error) return { name: reason.name, message: redactSecrets(reason.message) };
  return { name: typeof reason };
}
