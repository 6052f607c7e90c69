// `node bench/profile.mjs [--scenario 2] [--latency 0] [--seconds 10] [--connections 64] [--memory]
// [--env NAME=value]`: runs one scenario against a gateway (or, with --memory, the gateway with an
// in-memory data source) started with --cpu-prof and prints where its CPU time went (self time by
// function, inclusive time by package/file). How the hot spots in BENCHMARKS.md were found.
// KEEP_PROFILE=1 keeps the .cpuprofile (for Chrome DevTools).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt } from './lib/build.mjs';
import { emulatorControl, setLatency } from './lib/emulator-control.mjs';
import { runLoad } from './lib/load.mjs';
import { startEmulator, startGateway, startGatewayInMemory } from './lib/processes.mjs';
import { buildScenarios, circuitScalarFields, documents, supply } from './lib/scenarios.mjs';
import { loadBenchSeed } from './lib/seed.mjs';

const { values: args } = parseArgs({
  options: {
    scenario: { type: 'string', default: '2' },
    latency: { type: 'string', default: '0' },
    seconds: { type: 'string', default: '10' },
    top: { type: 'string', default: '40' },
    connections: { type: 'string', default: '64' },
    env: { type: 'string', multiple: true, default: [] },
    memory: { type: 'boolean', default: false },
  },
});

function summarize(file, top) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const where = (url) => {
    if (url.includes('node_modules/')) {
      const rest = url.split('node_modules/').at(-1);
      return rest.split('/').slice(0, rest.startsWith('@') ? 2 : 1).join('/');
    }
    return url.replace(/^.*\/dist\//, 'dist/') || '(native)';
  };
  const byFunction = new Map();
  const inclusive = new Map();
  for (const [id, t] of self) {
    const n = nodes.get(id);
    const key = `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + t);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const k = where(nodes.get(cur).callFrame.url);
      if (!seen.has(k)) {
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + t);
      }
    }
  }
  const lines = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, t]) => `${((t / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
  return [`total ${(total / 1000).toFixed(0)} ms sampled`, '--- self time', ...lines(byFunction), '--- inclusive, by package or file', ...lines(inclusive)].join('\n');
}

async function main() {
  ensureBuilt((l) => process.stderr.write(`${l}\n`));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vpc-bench-prof-'));
  const emulator = await startEmulator();
  try {
    const ctl = emulatorControl(emulator.url);
    const seed = await loadBenchSeed(ctl, { spares: 2000 });
    await setLatency(ctl, Number(args.latency));
    const scenario = buildScenarios(seed, documents(circuitScalarFields()), supply(seed.terminable)).find((s) => s.id === Number(args.scenario));
    const env = Object.fromEntries(args.env.map((e) => e.split('=')));
    const profiling = ['--cpu-prof', `--cpu-prof-dir=${dir}`];
    const gateway = args.memory
      ? await startGatewayInMemory(emulator.url, seed.reserved, profiling)
      : await startGateway(emulator.url, { VPC_READ_COALESCING: 'false', ...env }, profiling);
    try {
      await runLoad({ url: gateway.url, connections: Number(args.connections), seconds: 3, nextBody: scenario.next });
      const result = await runLoad({ url: gateway.url, connections: Number(args.connections), seconds: Number(args.seconds), nextBody: scenario.next });
      process.stderr.write(`scenario ${scenario.id}: ${(result.requests.total / result.duration).toFixed(0)} req/s\n`);
    } finally {
      // SIGTERM: a graceful exit writes the profile.
      await gateway.stop();
    }
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('no profile written');
    process.stdout.write(`${summarize(path.join(dir, file), Number(args.top))}\n`);
  } finally {
    await emulator.stop();
    if (!process.env.KEEP_PROFILE) rmSync(dir, { recursive: true, force: true }); else process.stderr.write(`profile kept in ${dir}\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
