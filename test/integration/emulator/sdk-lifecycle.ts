/**
 * The circuit lifecycle both official SDKs drive against the emulator (sdk-v1.spec.ts with
 * pop-core, sdk-v3.spec.ts with @alicloud/vpc20160428). Each SDK spec supplies a `LifecycleApi`
 * adapter; the steps and assertions live here once.
 */
export interface SdkFailure {
  code: string;
  status: number;
  message: string;
}

export interface LifecycleApi {
  createCircuit(accessPointId: string): Promise<string>;
  /** Undefined when the circuit is not listed. */
  circuitStatus(id: string): Promise<string | undefined>;
  confirm(id: string): Promise<void>;
  enable(id: string): Promise<void>;
  createVbr(circuitId: string, vlanId: number): Promise<string>;
  /** Undefined when the VBR is gone. */
  vbrStatus(vbrId: string): Promise<string | undefined>;
  deleteVbr(vbrId: string): Promise<void>;
  terminate(id: string, clientToken: string): Promise<void>;
  /** Runs the call, expects the SDK to throw, and reads code / HTTP status off the SDK's error. */
  failureOf(call: () => Promise<unknown>): Promise<SdkFailure>;
}

/**
 * A clock the test moves by hand: the emulator's transitions then happen exactly when the test
 * says, never because the machine was slow. It starts at the real time and only moves forward by
 * a few steps, so SDK signature timestamps (real time) stay well inside the 15-minute window.
 */
export class ManualClock {
  ms = Date.now();
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Polls until `read()` gives `target` (like terraform does), moving the clock one step per poll. */
export async function waitFor<T>(read: () => Promise<T>, target: T, what: string, tick: () => void, maxPolls = 10): Promise<void> {
  let last: T = await read();
  for (let polls = 0; last !== target; polls += 1) {
    if (polls === maxPolls) throw new Error(`${what}: still ${String(last)} after ${maxPolls} polls, wanted ${String(target)}`);
    tick();
    last = await read();
  }
}

/** Create -> Allocated -> Confirm -> Enable -> Enabled -> VBR blocks terminate -> delete VBR -> terminate. */
export async function runLifecycle(api: LifecycleApi, accessPointId: string, tick: () => void): Promise<string[]> {
  const seen: string[] = [];
  const id = await api.createCircuit(accessPointId);
  expect(id).toMatch(/^pc-[a-z0-9]+$/);
  seen.push((await api.circuitStatus(id)) ?? 'missing');

  // The provider's back office moves it on by itself: Initial -> Approved -> Allocating -> Allocated.
  await waitFor(() => api.circuitStatus(id), 'Allocated', 'back office', tick);
  seen.push('Allocated');
  await api.confirm(id);
  expect(await api.circuitStatus(id)).toBe('Confirmed');
  seen.push('Confirmed');
  await api.enable(id);
  await waitFor(() => api.circuitStatus(id), 'Enabled', 'enable', tick);
  seen.push('Enabled');

  const vbrId = await api.createVbr(id, 1234);
  expect(vbrId).toMatch(/^vbr-[a-z0-9]+$/);
  expect(await api.vbrStatus(vbrId)).toBe('active');

  const refused = await api.failureOf(() => api.terminate(id, `tok-refused-${id}`));
  expect({ code: refused.code, status: refused.status }).toEqual({ code: 'Forbidden.VbrAttached', status: 400 });
  expect(await api.circuitStatus(id)).toBe('Enabled');

  await api.deleteVbr(vbrId);
  await waitFor(() => api.vbrStatus(vbrId), undefined, 'VBR deletion', tick);

  await api.terminate(id, `tok-terminate-${id}`);
  expect(await api.circuitStatus(id)).toBe('Terminating');
  seen.push('Terminating');
  // A retry with the same ClientToken succeeds again without a second effect.
  await api.terminate(id, `tok-terminate-${id}`);
  await waitFor(() => api.circuitStatus(id), 'Terminated', 'termination', tick);
  seen.push('Terminated');
  return seen;
}
