/**
 * The upstream budget in front of every attempt (docs/datasource.md#upstream-budget): a retry is an
 * upstream call too, so each attempt asks before it is signed. A call that gets no capacity before
 * its deadline fails as throttled without having been sent.
 */
import type { BudgetPriority, UpstreamBudget } from '../budget';
import { UpstreamError } from '../errors';
import type { RegionId } from './endpoints';

export const BUDGET_EXHAUSTED_CODE = 'Gateway.BudgetExhausted';

export interface GatedCall {
  action: string;
  regionId: RegionId | null;
  write?: boolean;
  fresh?: boolean;
}

/** Writes and fresh reads (decisions and a workflow's polling depend on them) may use the reserve. */
export function budgetPriority(call: GatedCall): BudgetPriority {
  return call.write === true || call.fresh === true ? 'critical' : 'shared';
}

function budgetExhausted(call: GatedCall): UpstreamError {
  return new UpstreamError({
    kind: 'THROTTLED',
    code: BUDGET_EXHAUSTED_CODE,
    httpStatus: 0,
    requestId: null,
    hostId: null,
    action: call.action,
    message: `The upstream quota of ${call.action}${call.regionId === null ? '' : ` in ${call.regionId}`} has no capacity before the call's deadline; nothing was sent`,
    // The call's own deadline is spent: its retry loop must not try again (a later call may).
    retryable: false,
  });
}

/** Resolves once the attempt may go; throws the call's cancellation or its budget refusal. */
export async function passBudget(
  budget: UpstreamBudget,
  call: GatedCall,
  deadline: number,
  signal: AbortSignal | undefined,
  cancelled: () => UpstreamError,
): Promise<void> {
  const outcome = await budget.acquire({
    regionId: call.regionId ?? '',
    action: call.action,
    priority: budgetPriority(call),
    deadline,
    ...(signal ? { signal } : {}),
  });
  if (outcome === 'cancelled') throw cancelled();
  if (outcome === 'exhausted') throw budgetExhausted(call);
}
