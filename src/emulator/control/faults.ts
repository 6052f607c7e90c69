/**
 * Injected failures (docs/emulator.md#faults): which fault applies to a call; http/fault-acts.ts acts it out.
 * Hand-written on purpose: no library misbehaves on a raw socket (drops, short bodies) at will.
 * Invariants: at most MAX_ACTIVE_FAULTS active; a call the dice spare does not spend a budget;
 * `afterEffect` only for the types that make sense once the operation ran.
 */
export const FAULT_TYPES = ['error', 'latency', 'drop', 'malformed', 'truncated'] as const;
export type FaultType = (typeof FAULT_TYPES)[number];

export interface FaultSpec {
  /** An API action name, or `*` for every action. */
  action: string;
  type: FaultType;
  /** `error` only; default 503. */
  httpStatus?: number;
  /** `error` only; default `ServiceUnavailable`. */
  code?: string;
  /** `error` only; default a message fitting the code. */
  message?: string;
  /** Delay before acting (the whole effect of a `latency` fault). */
  latencyMs?: number;
  /** `error` only: sent as the `x-acs-retry-after` header (milliseconds, as the official SDK reads it). */
  retryAfterMs?: number;
  /** How many matching calls it affects; unlimited when absent. */
  times?: number;
  /** Chance (0..1) that a matching call is affected; 1 when absent. */
  probability?: number;
  /**
   * Run the operation first (state change, write log, ClientToken, counters), then act out the
   * fault on its response. Only for the types in `AFTER_EFFECT_TYPES`; default false.
   */
  afterEffect?: boolean;
}

/** The types that make sense once the operation has run: an `error` would hide that it did. */
export const AFTER_EFFECT_TYPES: readonly FaultType[] = ['drop', 'truncated', 'malformed', 'latency'];

export interface Fault extends FaultSpec {
  id: string;
  /** Calls it may still affect; null = unlimited. */
  remaining: number | null;
  /** Calls it has affected so far. */
  hits: number;
}

/** Raised for an invalid fault definition; control/endpoints.ts answers it with 400. */
export class FaultSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultSpecError';
  }
}

/** Every API call walks the active faults, and a harness that never deletes would grow them without end. */
export const MAX_ACTIVE_FAULTS = 1000;
/** Spent faults stay listed for their `hits`, the most recently spent this many. */
export const MAX_SPENT_FAULTS = 100;

/** Raised when `MAX_ACTIVE_FAULTS` are active; control/endpoints.ts answers it with 409. */
export class FaultLimitError extends Error {
  constructor() {
    super(`${MAX_ACTIVE_FAULTS} faults are active already; delete some (DELETE /_emulator/faults) before adding more`);
    this.name = 'FaultLimitError';
  }
}

const SPEC_KEYS = new Set([
  'action', 'type', 'httpStatus', 'code', 'message', 'latencyMs', 'retryAfterMs', 'times', 'probability',
  'afterEffect',
]);
const ACTION_OR_STAR = /^(?:\*|[A-Za-z][A-Za-z0-9]{0,99})$/;
const ERROR_CODE = /^[A-Za-z][A-Za-z0-9._-]{0,99}$/;
export const MAX_LATENCY_MS = 120_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function integerField(body: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new FaultSpecError(`"${name}" must be an integer from ${min} to ${max}`);
  }
  return value;
}

/**
 * Validates a `POST /_emulator/faults` body; every problem is a clear `FaultSpecError`.
 * `isAction` says which actions exist (the domain's, through the contract): a fault for a
 * misspelled action would never fire, and the test relying on it would pass for the wrong reason.
 */
export function parseFaultSpec(body: unknown, isAction: (action: string) => boolean): FaultSpec {
  if (!isRecord(body)) throw new FaultSpecError('the body must be a JSON object');
  for (const key of Object.keys(body)) {
    if (!SPEC_KEYS.has(key)) throw new FaultSpecError(`unknown field "${key}"`);
  }
  const { action, type, code, message, probability, afterEffect } = body;
  if (typeof action !== 'string' || !ACTION_OR_STAR.test(action)) {
    throw new FaultSpecError('"action" must be an API action name or "*"');
  }
  if (action !== '*' && !isAction(action)) {
    throw new FaultSpecError(`"action" ${action} is not an action this emulator implements (or "*")`);
  }
  if (typeof type !== 'string' || !(FAULT_TYPES as readonly string[]).includes(type)) {
    throw new FaultSpecError(`"type" must be one of ${FAULT_TYPES.join(', ')}`);
  }
  const spec: FaultSpec = { action, type: type as FaultType };
  const httpStatus = integerField(body, 'httpStatus', 400, 599);
  const latencyMs = integerField(body, 'latencyMs', 0, MAX_LATENCY_MS);
  const retryAfterMs = integerField(body, 'retryAfterMs', 0, 3_600_000);
  const times = integerField(body, 'times', 1, 1_000_000);
  if (code !== undefined && (typeof code !== 'string' || !ERROR_CODE.test(code))) {
    throw new FaultSpecError('"code" must look like an Alibaba error code, e.g. "Throttling.User"');
  }
  if (message !== undefined && (typeof message !== 'string' || message.length > 1000)) {
    throw new FaultSpecError('"message" must be a string of at most 1000 characters');
  }
  if (
    probability !== undefined &&
    (typeof probability !== 'number' || !Number.isFinite(probability) || probability < 0 || probability > 1)
  ) {
    throw new FaultSpecError('"probability" must be a number from 0 to 1');
  }
  if (spec.type !== 'error' && (httpStatus !== undefined || code !== undefined || message !== undefined ||
    retryAfterMs !== undefined)) {
    throw new FaultSpecError('"httpStatus", "code", "message" and "retryAfterMs" apply only to type "error"');
  }
  if (spec.type === 'latency' && latencyMs === undefined) {
    throw new FaultSpecError('a "latency" fault needs "latencyMs"');
  }
  if (afterEffect !== undefined && typeof afterEffect !== 'boolean') {
    throw new FaultSpecError('"afterEffect" must be true or false');
  }
  if (afterEffect === true && !AFTER_EFFECT_TYPES.includes(spec.type)) {
    throw new FaultSpecError(
      `"afterEffect" applies only to types ${AFTER_EFFECT_TYPES.join(', ')} (an "error" after the operation ran would hide that it did)`,
    );
  }
  if (httpStatus !== undefined) spec.httpStatus = httpStatus;
  if (code !== undefined) spec.code = code;
  if (message !== undefined) spec.message = message;
  if (latencyMs !== undefined) spec.latencyMs = latencyMs;
  if (retryAfterMs !== undefined) spec.retryAfterMs = retryAfterMs;
  if (times !== undefined) spec.times = times;
  if (probability !== undefined) spec.probability = probability;
  if (afterEffect !== undefined) spec.afterEffect = afterEffect;
  return spec;
}

const DEFAULT_MESSAGES: Record<string, string> = {
  ServiceUnavailable: 'The request has failed due to a temporary failure of the server.',
  InternalError: 'The request processing has failed due to some unknown error.',
  Throttling: 'Request was denied due to request throttling.',
  'Throttling.User': 'Request was denied due to user flow control.',
  'Throttling.Api': 'Request was denied due to api flow control.',
};

/** What an `error` fault answers: documented defaults where the spec leaves gaps. */
export function faultError(fault: FaultSpec): { httpStatus: number; code: string; message: string } {
  const code = fault.code ?? 'ServiceUnavailable';
  const httpStatus = fault.httpStatus ?? (code.startsWith('Throttling') ? 400 : 503);
  const message = fault.message ?? DEFAULT_MESSAGES[code] ?? `Injected fault ${code}.`;
  return { httpStatus, code, message };
}

export class FaultStore {
  private readonly faults: Fault[] = [];
  /** The spent faults still listed, oldest spent first. */
  private readonly spent: Fault[] = [];
  private nextId = 1;

  constructor(private readonly random: () => number = Math.random) {}

  add(spec: FaultSpec): Fault {
    if (this.faults.length - this.spent.length >= MAX_ACTIVE_FAULTS) throw new FaultLimitError();
    const fault: Fault = { ...spec, id: `fault-${this.nextId++}`, remaining: spec.times ?? null, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  remove(id: string): boolean {
    const index = this.faults.findIndex((f) => f.id === id);
    if (index < 0) return false;
    const [fault] = this.faults.splice(index, 1);
    const spentIndex = this.spent.findIndex((f) => f === fault);
    if (spentIndex >= 0) this.spent.splice(spentIndex, 1);
    return true;
  }

  clear(): void {
    this.faults.length = 0;
    this.spent.length = 0;
  }

  /**
   * The first fault (in creation order) that matches the action and passes its dice roll; its
   * budget is spent. A fault whose roll fails does not spend its budget. A spent fault stays
   * listed with `remaining: 0` so a test can see it was used up, until `MAX_SPENT_FAULTS` faults
   * spent after it push it out.
   */
  take(action: string): Fault | undefined {
    for (const fault of this.faults) {
      if (fault.remaining === 0) continue;
      if (fault.action !== '*' && fault.action !== action) continue;
      if (fault.probability !== undefined && !(this.random() < fault.probability)) continue;
      if (fault.remaining !== null) fault.remaining -= 1;
      fault.hits += 1;
      if (fault.remaining === 0) this.retire(fault);
      return { ...fault };
    }
    return undefined;
  }

  private retire(fault: Fault): void {
    this.spent.push(fault);
    if (this.spent.length <= MAX_SPENT_FAULTS) return;
    const oldest = this.spent.shift();
    this.faults.splice(this.faults.findIndex((f) => f === oldest), 1);
  }
}
