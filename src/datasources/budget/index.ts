/** The upstream budget: contract, in-process implementation, and the pieces the cluster one reuses. */
export * from './budget';
export { createLocalBudget, keyId, LocalLimiter, type LocalBudgetOptions } from './local-budget';
export { SlidingWindow, type Take } from './sliding-window';
export {
  systemClock,
  WaitingBudget,
  type BudgetClock,
  type BudgetCount,
  type BudgetEvent,
  type BudgetObserver,
  type BudgetStats,
  type Limiter,
  type WaitingCount,
} from './waiting-budget';
