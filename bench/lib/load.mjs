// One measured load: autocannon warm-up, then the measured window, with the server's CPU time and
// memory read from /proc around exactly that window, and every response checked (a server that
// answered errors fast must not look fast).
import autocannon from 'autocannon';
import os from 'node:os';
import { cpuMs, machineJiffies, peakRssMiB, rssMiB } from './proc.mjs';

const machineCoreCount = () => os.cpus().length;

const HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

/** Counts GraphQL error codes (and non-200 statuses) seen in the responses. */
export class ErrorTally {
  constructor() {
    this.byCode = new Map();
    this.responses = 0;
    this.failed = 0;
  }

  record(status, body) {
    this.responses++;
    if (status === 200 && !body.includes('"errors"')) return;
    this.failed++;
    const codes = new Set();
    if (status !== 200) codes.add(`HTTP_${status}`);
    try {
      for (const error of JSON.parse(body).errors ?? []) codes.add(error?.extensions?.code ?? 'UNKNOWN');
    } catch {
      codes.add('UNPARSEABLE_BODY');
    }
    for (const code of codes) this.byCode.set(code, (this.byCode.get(code) ?? 0) + 1);
  }

  toJSON() {
    return Object.fromEntries([...this.byCode].sort((a, b) => b[1] - a[1]));
  }
}

/**
 * Runs autocannon for `seconds`, or until `amount` requests have been answered (then no request is
 * abandoned at the end, so counts per request are exact); `nextBody()` gives each request its body.
 */
export function runLoad({ url, connections, seconds, amount, nextBody, tally, timeoutS = 30 }) {
  const instance = autocannon({
    url: `${url}/graphql`,
    connections,
    ...(amount === undefined ? { duration: seconds } : { amount }),
    timeout: timeoutS,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: HEADERS,
        setupRequest: (request) => {
          request.body = nextBody();
          return request;
        },
        ...(tally ? { onResponse: (status, body) => tally.record(status, body) } : {}),
      },
    ],
  });
  return new Promise((resolve, reject) => {
    instance.on('done', resolve);
    instance.on('error', reject);
  });
}

/** One GraphQL request outside any load, for exact per-request counts and unloaded latency. */
export async function postGraphQL(url, body) {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: HEADERS, body });
  const json = await response.json();
  return { status: response.status, json, ms: performance.now() - started };
}

/** Waits until the upstream call counter stops moving (requests abandoned by a load finish). */
async function settle(ctl) {
  let last = -1;
  let quiet = 0;
  // Three unchanged readings 150 ms apart; at most ~15 s.
  for (let i = 0; i < 100 && quiet < 3; i++) {
    const { total } = await ctl.calls();
    quiet = total === last ? quiet + 1 : 0;
    last = total;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/**
 * Waits until the gateway has no request in flight (its `gateway_inflight_requests` gauge): a load
 * that ends abandons requests the gateway then still finishes or cancels. At most 60 s.
 */
async function waitIdle(url) {
  for (let i = 0; i < 300; i++) {
    try {
      const text = await (await fetch(`${url}/metrics`)).text();
      // The scrape itself is in flight while it is answered.
      const inflight = Number(/^gateway_inflight_requests ([0-9.]+)/m.exec(text)?.[1] ?? '0');
      if (inflight <= 1) return;
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The gateway's retry counter (all actions), from its /metrics; null for servers without one. */
async function retriesOf(url) {
  try {
    const text = await (await fetch(`${url}/metrics`)).text();
    let total = 0;
    for (const m of text.matchAll(/^gateway_upstream_retries_total\{[^}]*\} (\d+)/gm)) total += Number(m[1]);
    return total;
  } catch {
    return null;
  }
}

/** What one load run answered: counts, rate, latency and failures by code (bench and soak report it alike). */
export function loadOutcome(tally, result) {
  return {
    requests: tally.responses,
    rps: tally.responses / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: tally.toJSON(),
    failed: tally.failed,
    transportErrors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * Warm-up, then the measured window: by default as many requests as the warm-up rate gives in
 * `seconds` (every one answered, so per-request counts are exact); with `fixedDuration`, exactly
 * `seconds` of load (the memory run samples RSS against time). `ctl` (the emulator's control
 * client) gives upstream call counts; `pid` is the server measured; `emulatorPid` is sampled too.
 */
export async function measure({ url, pid, emulatorPid, ctl, connections, warmupS, seconds, nextBody, fixedDuration = false, rssEveryMs = 1000 }) {
  const warm = await runLoad({ url, connections, seconds: warmupS, nextBody });
  if (ctl) {
    await waitIdle(url);
    await settle(ctl);
    await ctl.clearCalls();
  }
  const warmRate = warm.requests.total / Math.max(0.001, warm.duration);
  const amount = fixedDuration ? undefined : Math.max(connections * 2, Math.round(warmRate * seconds));
  const retries0 = ctl ? await retriesOf(url) : null;
  const tally = new ErrorTally();
  const rss = [];
  const t0 = performance.now();
  const cpu0 = cpuMs(pid);
  const emulatorCpu0 = emulatorPid ? cpuMs(emulatorPid) : 0;
  const self0 = process.cpuUsage();
  const machine0 = machineJiffies();
  const sampler = setInterval(() => {
    try {
      rss.push({ s: (performance.now() - t0) / 1000, mib: rssMiB(pid) });
    } catch {
      // The process is gone; the load's errors will say so.
    }
  }, rssEveryMs);
  let result;
  try {
    result = await runLoad({ url, connections, seconds, amount, nextBody, tally });
  } finally {
    clearInterval(sampler);
  }
  const cpu = cpuMs(pid) - cpu0;
  const emulatorCpu = emulatorPid ? cpuMs(emulatorPid) - emulatorCpu0 : NaN;
  const self = process.cpuUsage(self0);
  const machine1 = machineJiffies();
  if (ctl && fixedDuration) {
    await waitIdle(url);
    await settle(ctl);
  }
  const calls = ctl ? await ctl.calls() : null;
  const retries1 = ctl ? await retriesOf(url) : null;
  const completed = tally.responses;
  const perRequest = (ms) => (completed > 0 ? ms / completed : NaN);
  const machineCores = ((machine1.busy - machine0.busy) / Math.max(1, machine1.total - machine0.total)) * machineCoreCount();
  const ownCores = (cpu + (Number.isNaN(emulatorCpu) ? 0 : emulatorCpu) + (self.user + self.system) / 1000) / 1000 / result.duration;
  return {
    ...loadOutcome(tally, result),
    cpuMsPerRequest: perRequest(cpu),
    emulatorCpuMsPerRequest: perRequest(emulatorCpu),
    loadCpuMsPerRequest: perRequest((self.user + self.system) / 1000),
    cpuCoresUsed: cpu / 1000 / result.duration,
    upstreamCalls: calls?.total ?? null,
    upstreamByAction: calls?.byAction ?? null,
    upstreamPerRequest: calls && completed > 0 ? calls.total / completed : null,
    upstreamRetries: retries0 === null || retries1 === null ? null : retries1 - retries0,
    peakRssMiB: peakRssMiB(pid),
    rss,
    machineBusy: (machine1.busy - machine0.busy) / Math.max(1, machine1.total - machine0.total),
    /** Cores used by processes other than the three measured ones (other work on the machine). */
    otherCores: Math.max(0, machineCores - ownCores),
    seconds: result.duration,
  };
}
