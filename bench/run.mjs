// `npm run bench [-- --quick] [-- --no-write] [-- --scenarios 1,2]`: the gateway benchmark of
// issue 6. Starts the emulator, the built gateway and the bare-Apollo ceiling as separate processes
// on loopback, runs each scenario after a warm-up at 0 ms and 20 ms of added upstream latency,
// prints the results and writes them into BENCHMARKS.md (between the bench markers).
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureBuilt } from './lib/build.mjs';
import { emulatorControl, setLatency } from './lib/emulator-control.mjs';
import { captureFixtures } from './lib/fixtures.mjs';
import { measure, postGraphQL } from './lib/load.mjs';
import { machine, revision } from './lib/proc.mjs';
import { ROOT, startBareApollo, startEmulator, startGateway, startGatewayInMemory } from './lib/processes.mjs';
import { renderBench, updateBenchmarksFile } from './lib/report.mjs';
import { buildScenarios, circuitScalarFields, documents, supply } from './lib/scenarios.mjs';
import { loadBenchSeed } from './lib/seed.mjs';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    scenarios: { type: 'string', default: '1,2,3,4' },
    connections: { type: 'string', default: '64' },
  },
});

const PROFILES = {
  // A fresh server process per run (its peak RSS is that run's), and the 5-minute memory run.
  full: { warmupS: 5, seconds: 20, mixedZeroSeconds: 300, processPerRun: true, unsaturated: true, sharing: 'all', probes: 9 },
  // Under a minute on 2 cores: one process per server kind, short windows; enough to see every
  // column work, not to quote.
  quick: { warmupS: 0.5, seconds: 1, mixedZeroSeconds: 1, processPerRun: false, unsaturated: false, sharing: 'one', probes: 3 },
};
const profile = args.quick ? PROFILES.quick : PROFILES.full;
const CONNECTIONS = Number(args.connections);
/** The latency-structure check at 20 ms: few enough connections that CPU is not the limit. */
const UNSATURATED_CONNECTIONS = 8;
const LATENCIES = [0, 20];
const SHARING_OFF = { VPC_READ_COALESCING: 'false', VPC_READ_CACHE_TTL_MS: '0' };
const SHARING_MODES = {
  coalescing: { VPC_READ_COALESCING: 'true', VPC_READ_CACHE_TTL_MS: '0' },
  'coalescing + 1 s cache': { VPC_READ_COALESCING: 'true', VPC_READ_CACHE_TTL_MS: '1000' },
};
const selected = new Set(args.scenarios.split(',').map(Number));

const log = (line) => process.stderr.write(`${line}\n`);
const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/** Scenario 4 terminates one spare circuit per 100 reads: enough spares for the whole run. */
function sparesFor(rate, seconds) {
  const terminates = ((rate ?? 500) * seconds) / 101;
  return Math.min(9_000, Math.ceil(terminates * 1.5) + 100);
}

/** The mix's rate if its requests cost what they cost alone (scenarios 1-3 in turn). */
function predictedMixRate(rows, latencyMs, connections) {
  const rates = [1, 2, 3].map(
    (id) => rows.find((r) => r.scenario === id && r.latencyMs === latencyMs && r.server === 'gateway' && r.connections === connections)?.rps,
  );
  if (rates.some((r) => !r)) return undefined;
  return 3 / rates.reduce((sum, r) => sum + 1 / r, 0);
}

/** Exact upstream calls of one request alone, and its unloaded latency (median of `repeats`, warm). */
async function probe(url, ctl, bodyText, repeats) {
  const first = await postGraphQL(url, bodyText);
  if (first.status !== 200 || first.json.errors) {
    throw new Error(`probe request failed: ${first.status} ${JSON.stringify(first.json.errors ?? first.json).slice(0, 400)}`);
  }
  await ctl.clearCalls();
  await postGraphQL(url, bodyText);
  const { total } = await ctl.calls();
  const times = [];
  for (let i = 0; i < repeats; i++) times.push((await postGraphQL(url, bodyText)).ms);
  times.sort((a, b) => a - b);
  return { calls: total, unloadedMs: times[Math.floor(repeats / 2)] };
}

async function main() {
  const started = Date.now();
  ensureBuilt(log);
  const docs = documents(circuitScalarFields());
  const emulator = await startEmulator({ transitionMs: 2_000 });
  const ctl = emulatorControl(emulator.url);
  const rows = [];
  const sharing = [];
  let rss = null;
  let fixtureFile = null;
  // Quick mode keeps one process per server kind and settings; full mode starts one per run.
  const kept = new Map();
  let seed = null;
  const server = async (kind, env) => {
    const key = `${kind} ${JSON.stringify(env)}`;
    if (!profile.processPerRun && kept.has(key)) return { proc: kept.get(key), release: async () => {} };
    const proc =
      kind === 'gateway'
        ? await startGateway(emulator.url, env)
        : kind === 'memory'
          ? await startGatewayInMemory(emulator.url, seed.reserved)
          : await startBareApollo(fixtureFile);
    if (!profile.processPerRun) {
      kept.set(key, proc);
      return { proc, release: async () => {} };
    }
    return { proc, release: () => proc.stop() };
  };

  try {
    // The ceiling serves what the gateway answers for the same data.
    {
      const seed = await loadBenchSeed(ctl, { spares: 1 });
      await setLatency(ctl, 0);
      const gateway = await startGateway(emulator.url, SHARING_OFF);
      try {
        fixtureFile = await captureFixtures(gateway.url, docs, seed);
      } finally {
        await gateway.stop();
      }
      log(`  fixtures captured (${fmt((Date.now() - started) / 1000, 1)} s since start)`);
    }

    const runCase = async ({ scenarioId, latencyMs, kind, env = SHARING_OFF, seconds, connections = CONNECTIONS, fixedDuration = false }) => {
      const caseStarted = Date.now();
      const mixed = scenarioId === 4;
      // Terminates consume circuits: the mix starts from a fresh seed sized for the run.
      if (seed === null || (mixed && kind === 'gateway')) {
        const spares = mixed ? sparesFor(predictedMixRate(rows, latencyMs, connections), profile.warmupS + seconds) : 1;
        seed = await loadBenchSeed(ctl, { spares });
      }
      await setLatency(ctl, latencyMs);
      const circuits = kind === 'gateway' ? supply(seed.terminable) : { next: () => seed.terminable[0], exhausted: () => false };
      const scenario = buildScenarios(seed, docs, circuits).find((s) => s.id === scenarioId);
      const { proc, release } = await server(kind, env);
      try {
        const result = await measure({
          url: proc.url,
          pid: proc.pid,
          emulatorPid: kind === 'gateway' ? emulator.pid : undefined,
          ctl: kind === 'gateway' ? ctl : null,
          connections,
          warmupS: profile.warmupS,
          seconds,
          fixedDuration,
          nextBody: scenario.next,
        });
        // After the load: the gateway is warm (JIT) and idle (every request answered).
        const probed = kind === 'gateway' && !mixed ? await probe(proc.url, ctl, scenario.bodies[0], profile.probes) : { calls: null, unloadedMs: null };
        const row = {
          scenario: scenarioId,
          name: scenario.name,
          latencyMs,
          server: kind,
          connections,
          k: scenario.k,
          expectedCalls: scenario.calls,
          callsRule: scenario.callsRule,
          isolatedCalls: probed.calls,
          unloadedMs: probed.unloadedMs,
          terminates: mixed ? scenario.terminates() : 0,
          supplyExhausted: mixed && kind === 'gateway' ? circuits.exhausted() : false,
          ...result,
        };
        log(
          `  scenario ${scenarioId}, ${latencyMs} ms, C=${connections}, ${kind}: ${fmt(row.rps)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ` +
            `${fmt(row.cpuMsPerRequest, 3)} CPU ms/req, ${row.upstreamPerRequest === null ? '-' : fmt(row.upstreamPerRequest, 2)} upstream/req, ` +
            `peak RSS ${fmt(row.peakRssMiB)} MiB, failed ${row.failed}, other load ${fmt(row.otherCores, 2)} cores (${fmt((Date.now() - caseStarted) / 1000, 1)} s)`,
        );
        return row;
      } finally {
        await release();
      }
    };

    const ids = [1, 2, 3, 4].filter((id) => selected.has(id));
    for (const latencyMs of LATENCIES) {
      for (const scenarioId of ids) {
        const long = scenarioId === 4 && latencyMs === 0 && profile.mixedZeroSeconds > profile.seconds;
        const seconds = long ? profile.mixedZeroSeconds : profile.seconds;
        const row = await runCase({ scenarioId, latencyMs, kind: 'gateway', seconds, fixedDuration: long });
        rows.push(row);
        if (scenarioId === 4 && latencyMs === 0) rss = row.rss;
        if (latencyMs === 0) {
          rows.push(await runCase({ scenarioId, latencyMs, kind: 'bare', seconds: profile.seconds }));
          rows.push(await runCase({ scenarioId, latencyMs, kind: 'memory', seconds: profile.seconds }));
        }
      }
      if (latencyMs > 0 && profile.unsaturated) {
        for (const scenarioId of ids) {
          rows.push(await runCase({ scenarioId, latencyMs, kind: 'gateway', seconds: profile.seconds, connections: UNSATURATED_CONNECTIONS }));
        }
      }
    }

    // Cross-request read sharing: the default (coalescing) and the optional cache, against "off".
    const sharingCases =
      profile.sharing === 'all'
        ? [
            [1, 20],
            [2, 20],
            [4, 20],
            [2, 0],
          ]
        : [[2, 20]];
    for (const [scenarioId, latencyMs] of sharingCases) {
      if (!selected.has(scenarioId)) continue;
      const modes = profile.sharing === 'all' ? Object.entries(SHARING_MODES) : Object.entries(SHARING_MODES).slice(0, 1);
      for (const [mode, env] of modes) {
        sharing.push({ ...(await runCase({ scenarioId, latencyMs, kind: 'gateway', env, seconds: profile.seconds })), mode });
      }
    }
  } finally {
    const stopping = Date.now();
    await Promise.all([...kept.values()].map((proc) => proc.stop()));
    await emulator.stop();
    log(`  servers stopped in ${fmt((Date.now() - stopping) / 1000, 1)} s`);
    if (fixtureFile) rmSync(fixtureFile, { force: true });
  }

  const report = {
    mode: args.quick ? 'quick' : 'full',
    date: new Date().toISOString(),
    commit: revision(ROOT),
    machine: machine(),
    connections: CONNECTIONS,
    unsaturatedConnections: UNSATURATED_CONNECTIONS,
    profile,
    rows,
    sharing,
    rss,
    elapsedS: (Date.now() - started) / 1000,
  };
  const markdown = renderBench(report);
  process.stdout.write(`${markdown}\n`);
  if (!args['no-write']) {
    updateBenchmarksFile('bench', markdown);
    log('BENCHMARKS.md updated (bench markers).');
  }
  log(`done in ${fmt(report.elapsedS)} s`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
