// The emulator's control endpoints (docs/emulator.md): seeds, call counters, faults.

async function control(baseUrl, method, path, body) {
  const response = await fetch(`${baseUrl}/_emulator${path}`, {
    method,
    // The emulator takes a POST only as JSON, a bodiless one included.
    ...(method === 'POST' ? { headers: { 'content-type': 'application/json' } } : {}),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text === '' ? null : JSON.parse(text);
}

export const emulatorControl = (baseUrl) => ({
  reset: (body) => control(baseUrl, 'POST', '/reset', body),
  state: () => control(baseUrl, 'GET', '/state'),
  /** `{ total, byAction }` since the last reset or clear. */
  calls: () => control(baseUrl, 'GET', '/calls'),
  clearCalls: () => control(baseUrl, 'DELETE', '/calls'),
  addFault: (spec) => control(baseUrl, 'POST', '/faults', spec),
  faults: () => control(baseUrl, 'GET', '/faults'),
  clearFaults: () => control(baseUrl, 'DELETE', '/faults'),
});

/** Every upstream call costs this added latency (0 removes the fault). */
export async function setLatency(ctl, latencyMs) {
  await ctl.clearFaults();
  if (latencyMs > 0) await ctl.addFault({ action: '*', type: 'latency', latencyMs });
}
