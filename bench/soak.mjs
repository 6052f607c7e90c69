// `npm run soak -- --minutes N [--connections 16] [--no-write]`: issue 7 item 6. The mixed load of
// scenario 4 (100 reads per terminate) against the built gateway, as deployed (defaults: read
// coalescing on, cache off; NODE_ENV=production, LOG_LEVEL=warn), while the emulator injects
// random faults: throttling, 5xx, latency and dropped connections. Reports errors by code, the
// upstream outcomes and retries (from /metrics), RSS, heap, open handles and file descriptors over
// time, and what remains once the load stops; writes it into BENCHMARKS.md (soak markers).
import { parseArgs } from 'node:util';
import { ensureBuilt } from './lib/build.mjs';
import { emulatorControl } from './lib/emulator-control.mjs';
import { ErrorTally, loadOutcome, runLoad } from './lib/load.mjs';
import { machine, revision, rssMiB } from './lib/proc.mjs';
import { ROOT, startEmulator, startGateway } from './lib/processes.mjs';
import { renderSoak, updateBenchmarksFile } from './lib/report.mjs';
import { buildScenarios, circuitScalarFields, documents, supply } from './lib/scenarios.mjs';
import { loadBenchSeed } from './lib/seed.mjs';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    'sample-seconds': { type: 'string', default: '30' },
    'no-write': { type: 'boolean', default: false },
  },
});
const minutes = Number(args.minutes);
const connections = Number(args.connections);
const sampleSeconds = Number(args['sample-seconds']);
if (!(minutes > 0) || !(connections > 0) || !(sampleSeconds > 0)) {
  process.stderr.write('usage: npm run soak -- --minutes N [--connections C] [--sample-seconds S] [--no-write]\n');
  process.exit(2);
}

/** Each upstream call, whatever its action, meets at most one of these (first hit wins). */
const SOAK_FAULTS = [
  { action: '*', type: 'error', httpStatus: 400, code: 'Throttling.User', probability: 0.02 },
  { action: '*', type: 'error', httpStatus: 503, code: 'ServiceUnavailable', probability: 0.02 },
  { action: '*', type: 'latency', latencyMs: 400, probability: 0.03 },
  { action: '*', type: 'drop', probability: 0.01 },
];

const log = (line) => process.stderr.write(`${line}\n`);
const IDLE_WAIT_MS = 35_000;

/** The gauges of /metrics the soak follows, plus the upstream counters by outcome. */
async function scrape(url) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const gauge = (name) => {
    const match = new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text);
    return match ? Number(match[1]) : NaN;
  };
  const upstream = {};
  for (const m of text.matchAll(/^gateway_upstream_calls_total\{action="([^"]+)",outcome="([^"]+)"\} (\d+)/gm)) {
    upstream[m[2]] = (upstream[m[2]] ?? 0) + Number(m[3]);
  }
  let retries = 0;
  for (const m of text.matchAll(/^gateway_upstream_retries_total\{[^}]*\} (\d+)/gm)) retries += Number(m[1]);
  let shared = 0;
  for (const m of text.matchAll(/^gateway_upstream_reads_shared_total\{[^}]*\} (\d+)/gm)) shared += Number(m[1]);
  return {
    handles: gauge('nodejs_active_handles_total'),
    requests: gauge('nodejs_active_requests_total'),
    fds: gauge('process_open_fds'),
    heapMiB: gauge('nodejs_heap_size_used_bytes') / 1024 / 1024,
    upstream,
    retries,
    shared,
  };
}

async function main() {
  const started = Date.now();
  ensureBuilt(log);
  const emulator = await startEmulator({ transitionMs: 2_000 });
  const ctl = emulatorControl(emulator.url);
  let gateway = null;
  try {
    // ~400 req/s at most here, 1 terminate per 101 requests, with room to spare.
    const spares = Math.min(9_000, Math.ceil((400 * 60 * minutes) / 101) + 200);
    const seed = await loadBenchSeed(ctl, { spares });
    const circuits = supply(seed.terminable);
    const mixed = buildScenarios(seed, documents(circuitScalarFields()), circuits).find((s) => s.id === 4);
    gateway = await startGateway(emulator.url, { VPC_READ_COALESCING: 'true', VPC_READ_CACHE_TTL_MS: '0' });
    const idleBefore = await scrape(gateway.url);
    for (const fault of SOAK_FAULTS) await ctl.addFault(fault);
    log(`soak: ${minutes} min, ${connections} connections, faults ${SOAK_FAULTS.map((f) => `${f.type}${f.code ? ` ${f.code}` : ''} p=${f.probability}`).join(', ')}`);

    const tally = new ErrorTally();
    const timeline = [];
    const t0 = Date.now();
    let lastResponses = 0;
    let lastAt = t0;
    const sample = async () => {
      const now = Date.now();
      const metrics = await scrape(gateway.url);
      const row = {
        s: (now - t0) / 1000,
        rps: ((tally.responses - lastResponses) * 1000) / Math.max(1, now - lastAt),
        rssMiB: rssMiB(gateway.pid),
        heapMiB: metrics.heapMiB,
        handles: metrics.handles,
        fds: metrics.fds,
        failed: tally.failed,
        responses: tally.responses,
      };
      lastResponses = tally.responses;
      lastAt = now;
      timeline.push(row);
      log(`  ${row.s.toFixed(0)} s: ${row.rps.toFixed(0)} req/s, RSS ${row.rssMiB.toFixed(0)} MiB, heap ${row.heapMiB.toFixed(0)} MiB, handles ${row.handles}, fds ${row.fds}, failed ${row.failed}/${row.responses}`);
    };
    let sampling = Promise.resolve();
    const timer = setInterval(() => {
      sampling = sampling.then(sample).catch((error) => log(`  sample failed: ${error instanceof Error ? error.message : String(error)}`));
    }, sampleSeconds * 1000);
    let result;
    try {
      result = await runLoad({ url: gateway.url, connections, seconds: minutes * 60, nextBody: mixed.next, tally, timeoutS: 60 });
    } finally {
      clearInterval(timer);
      await sampling;
    }
    if (timeline.length === 0 || Date.now() - lastAt > 2_000) await sample();
    const underLoad = await scrape(gateway.url);

    // Load stopped: abandoned requests finish or are cancelled, idle keep-alive sockets time out
    // (the emulator closes them after 5 s, undici after 30 s); what stays open then is a leak.
    await ctl.clearFaults();
    await new Promise((resolve) => setTimeout(resolve, IDLE_WAIT_MS));
    const idleAfter = await scrape(gateway.url);
    const idleRss = rssMiB(gateway.pid);
    const stopStarted = Date.now();
    const exit = await gateway.stop();
    const stopMs = Date.now() - stopStarted;
    gateway = null;

    const report = {
      date: new Date().toISOString(),
      commit: revision(ROOT),
      machine: machine(),
      minutes,
      connections,
      faults: SOAK_FAULTS,
      ...loadOutcome(tally, result),
      terminates: mixed.terminates(),
      supplyExhausted: circuits.exhausted(),
      upstream: underLoad.upstream,
      retries: underLoad.retries,
      shared: underLoad.shared,
      timeline,
      idleBefore,
      idleAfter,
      idleRss,
      idleWaitS: IDLE_WAIT_MS / 1000,
      exit,
      stopMs,
      elapsedS: (Date.now() - started) / 1000,
    };
    const markdown = renderSoak(report);
    process.stdout.write(`${markdown}\n`);
    if (!args['no-write']) {
      updateBenchmarksFile('soak', markdown);
      log('BENCHMARKS.md updated (soak markers).');
    }
  } finally {
    if (gateway) await gateway.stop();
    await emulator.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
