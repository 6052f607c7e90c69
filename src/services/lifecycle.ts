/**
 * The shape of a lifecycle decision (one `*.service.ts` each): pure rules shared by every caller,
 * a preview from the request's batched data and the write itself. A preview and the write that
 * call the same `evaluate` cannot disagree about the rules; they differ only in where the data
 * comes from. See docs/graphql.md#services.
 */
import type { GatewayContext } from '../schema/context';
import type { GatewayErrorCode } from '../schema/errors';

/** One reason an action cannot run now: a code of the error vocabulary and its error's message. */
export interface Blocker<C extends GatewayErrorCode = GatewayErrorCode> {
  code: C;
  message: string;
}

/** What a preview answers: `allowed` exactly when `blockers` is empty. */
export interface Preview<B extends Blocker> {
  allowed: boolean;
  blockers: B[];
}

/**
 * `Resource` is what a resolver holds (the loaded model), `Subject` what the rules need about it,
 * `Input` the validated arguments of the write, `Result` its payload.
 */
export interface LifecycleService<Resource, Subject, B extends Blocker, Input, Result> {
  /** The subject from this request's batched, cached reads (previews; never before a write). */
  load(context: GatewayContext, resource: Resource): Promise<Subject>;
  /** Pure: every blocker, in the order the upstream checks them; empty when the action may run. */
  evaluate(subject: Subject): B[];
  /**
   * Fresh preconditions, the write with a ClientToken, the read after it. Throws a `GatewayError`
   * for every refusal; once the upstream accepted, it never throws.
   */
  execute(context: GatewayContext, input: Input): Promise<Result>;
}

/** A preview of `service` for `resource`: its rules applied to this request's data. */
export async function preview<Resource, Subject, B extends Blocker>(
  service: Pick<LifecycleService<Resource, Subject, B, unknown, unknown>, 'load' | 'evaluate'>,
  context: GatewayContext,
  resource: Resource,
): Promise<Preview<B>> {
  const blockers = service.evaluate(await service.load(context, resource));
  return { allowed: blockers.length === 0, blockers };
}
