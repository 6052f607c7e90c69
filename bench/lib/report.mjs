// Markdown for BENCHMARKS.md: the generated blocks live between `<!-- bench:begin -->` /
// `<!-- bench:end -->` and `<!-- soak:begin -->` / `<!-- soak:end -->`; the prose around them is
// written by hand and left alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './processes.mjs';

export const BENCHMARKS_FILE = path.join(ROOT, 'BENCHMARKS.md');
const TARGET_BOUND = 0.9;
const TARGET_CPU = 2;
const TARGET_RSS = 0.1;

const f = (n, digits = 0) => (n === null || n === undefined || !Number.isFinite(n) ? '-' : n.toFixed(digits));
const met = (ok) => (ok ? 'met' : '**missed**');

function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function errorsCell(row) {
  const entries = Object.entries(row.errors ?? {});
  const transport = row.transportErrors ? [`transport ${row.transportErrors}`] : [];
  const all = [...entries.map(([code, n]) => `${code} ${n}`), ...transport];
  return all.length === 0 ? '0' : all.join(', ');
}

function machineLine(report) {
  const m = report.machine;
  return `${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}`;
}

/** RSS of the 10 s ending at `second` (mean of the samples), to smooth out GC sawteeth. */
function rssAt(samples, second) {
  const window = samples.filter((s) => s.s > second - 10 && s.s <= second);
  return window.length === 0 ? NaN : window.reduce((sum, s) => sum + s.mib, 0) / window.length;
}

/** Throughput the machine's cores allow if they did nothing but these three processes' work. */
function cpuCeiling(row, cores) {
  const perRequest = row.cpuMsPerRequest + row.emulatorCpuMsPerRequest + row.loadCpuMsPerRequest;
  return (cores * 1000) / perRequest;
}

export function renderBench(report) {
  const { rows, sharing, connections } = report;
  const cores = report.machine.cores;
  const gw = (id, latency, c = connections) =>
    rows.find((r) => r.scenario === id && r.latencyMs === latency && r.server === 'gateway' && r.connections === c);
  const bare = (id) => rows.find((r) => r.scenario === id && r.latencyMs === 0 && r.server === 'bare');
  const ids = [...new Set(rows.map((r) => r.scenario))].sort();
  const others = rows.map((r) => r.otherCores);
  const out = [];

  out.push(
    `Run: \`npm run bench${report.mode === 'quick' ? ' -- --quick' : ''}\` (${report.mode} mode: ${report.profile.warmupS} s warm-up, then ` +
      `${report.profile.seconds} s worth of requests${report.mode === 'full' ? `; scenario 4 at 0 ms: ${report.profile.mixedZeroSeconds} s` : ''}), ` +
      `${report.date.slice(0, 16).replace('T', ' ')} UTC, commit ${report.commit}, ${f(report.elapsedS)} s in all.`,
    '',
    `Machine: ${machineLine(report)}. The emulator, the server under test and autocannon share these cores. ` +
      `Other processes on the machine used ${f(Math.min(...others), 2)}-${f(Math.max(...others), 2)} cores during the measured windows.`,
    '',
    `Load: autocannon, ${connections} connections, POST /graphql. Gateway: \`NODE_ENV=production LOG_LEVEL=warn GATEWAY_AUTH_MODE=none\`, ` +
      'read sharing off (`VPC_READ_COALESCING=false`) so that every GraphQL request reaches the upstream; its effect is measured separately below.',
    '',
  );

  out.push('### 0 ms upstream latency: against the bare-Apollo ceiling', '');
  const memory = (id) => rows.find((r) => r.scenario === id && r.latencyMs === 0 && r.server === 'memory');
  out.push(
    table(
      ['#', 'scenario', 'req/s gateway / in-memory / bare', 'p50 / p99 ms gateway', 'p50 / p99 ms bare', 'CPU ms/req gateway / in-memory / bare', `gateway / bare (target <= ${TARGET_CPU})`, 'in-memory / bare', 'peak RSS MiB gateway / bare', 'errors'],
      ids.map((id) => {
        const g = gw(id, 0);
        const b = bare(id);
        const m = memory(id);
        if (!g) return [id, '-', '-', '-', '-', '-', '-', '-', '-', '-'];
        const ratio = b ? g.cpuMsPerRequest / b.cpuMsPerRequest : NaN;
        const layer = b && m ? m.cpuMsPerRequest / b.cpuMsPerRequest : NaN;
        return [
          id,
          g.name,
          `${f(g.rps)} / ${f(m?.rps)} / ${f(b?.rps)}`,
          `${g.p50} / ${g.p99}`,
          b ? `${b.p50} / ${b.p99}` : '-',
          `${f(g.cpuMsPerRequest, 3)} / ${f(m?.cpuMsPerRequest, 3)} / ${f(b?.cpuMsPerRequest, 3)}`,
          `${f(ratio, 2)} ${met(ratio <= TARGET_CPU)}`,
          f(layer, 2),
          `${f(g.peakRssMiB)} / ${f(b?.peakRssMiB)}`,
          [g, m, b].some((r) => r && (r.failed || r.transportErrors)) ? [g, m, b].map((r) => (r ? errorsCell(r) : '-')).join(' / ') : '0',
        ];
      }),
    ),
    '',
    '"in-memory": the built gateway\'s own HTTP app (Fastify, Apollo, schema, resolvers, limits, metrics, logging, audit) with the per-request ' +
      'data source answering from memory (bench/gateway-in-memory.mjs): it separates the cost of the GraphQL layer and runtime from the cost of the upstream calls.',
    '',
  );

  out.push('### 20 ms upstream latency: against the bound C/(k*L)', '');
  const unsaturated = report.unsaturatedConnections;
  const latencyRows = [connections, unsaturated].flatMap((c) => ids.map((id) => gw(id, 20, c)).filter(Boolean));
  out.push(
    table(
      ['#', 'C', 'k (sequential round trips)', 'bound C/(k*L), L=20 ms', 'gateway req/s', `ratio (target >= ${TARGET_BOUND})`, 'CPU ceiling req/s', 'p50 / p99 ms', 'unloaded latency ms', 'gateway / emulator CPU ms/req', 'peak RSS MiB', 'errors'],
      latencyRows.map((g) => {
        const bound = g.connections / (g.k * 0.02);
        const ratio = g.rps / bound;
        return [
          g.scenario,
          g.connections,
          f(g.k, g.scenario === 4 ? 2 : 0),
          f(bound),
          f(g.rps),
          `${f(ratio, 2)} ${met(ratio >= TARGET_BOUND)}`,
          f(cpuCeiling(g, cores)),
          `${g.p50} / ${g.p99}`,
          g.unloadedMs === null ? '-' : f(g.unloadedMs, 1),
          `${f(g.cpuMsPerRequest, 3)} / ${f(g.emulatorCpuMsPerRequest, 3)}`,
          f(g.peakRssMiB),
          errorsCell(g),
        ];
      }),
    ),
    '',
    `CPU ceiling: ${cores} cores divided by the CPU one request costs the gateway, the emulator and autocannon together (measured in the same run); ` +
      'no server on this machine can exceed it, whatever the latency allows.',
    '',
  );

  out.push('### Upstream calls per GraphQL request (emulator counters)', '');
  out.push(
    table(
      ['#', 'expected (from the implementation)', 'one request alone', `under load, 0 ms, C=${connections}`, `under load, 20 ms, C=${connections}`, 'retries in those windows', 'target'],
      ids.map((id) => {
        const g0 = gw(id, 0);
        const g20 = gw(id, 20);
        const any = g0 ?? g20;
        const isolated = g0?.isolatedCalls ?? g20?.isolatedCalls ?? null;
        const loaded = g0?.upstreamPerRequest ?? g20?.upstreamPerRequest ?? NaN;
        const ok = isolated === null ? Math.abs(loaded - any.expectedCalls) < 0.1 : isolated === any.expectedCalls;
        return [
          id,
          `${f(any.expectedCalls, id === 4 ? 2 : 0)} = ${any.callsRule}`,
          isolated === null ? '-' : String(isolated),
          f(g0?.upstreamPerRequest, 2),
          f(g20?.upstreamPerRequest, 2),
          `${g0?.upstreamRetries ?? '-'} / ${g20?.upstreamRetries ?? '-'}`,
          met(ok),
        ];
      }),
    ),
    '',
  );

  if (report.rss && report.rss.length > 0) {
    const last = report.rss.at(-1).s;
    out.push('### Memory under scenario 4 (0 ms, gateway RSS)', '');
    if (last >= 295) {
      const one = rssAt(report.rss, 60);
      const five = rssAt(report.rss, Math.min(300, last));
      const growth = (five - one) / one;
      out.push(
        `RSS after 1 minute ${f(one)} MiB, after 5 minutes ${f(five)} MiB (means of the 10 s ending there): ` +
          `${growth >= 0 ? '+' : ''}${f(growth * 100, 1)} %, ${met(Math.abs(growth) <= TARGET_RSS)} (target: within 10 %). ` +
          `Every 30 s: ${[30, 60, 90, 120, 150, 180, 210, 240, 270, 300].map((t) => f(rssAt(report.rss, Math.min(t, last)))).join(', ')} MiB.`,
        '',
      );
    } else {
      out.push(`Not measured in this mode (scenario 4 ran ${f(last)} s; the target needs 5 minutes: run without --quick).`, '');
    }
  }

  if (sharing.length > 0) {
    out.push('### Cross-request read sharing (defaults: coalescing on, cache off)', '');
    const seen = new Set();
    out.push(
      table(
        ['#', 'latency', 'read sharing', 'req/s', 'p50 / p99 ms', 'upstream calls/req', 'gateway CPU ms/req', 'errors'],
        sharing.flatMap((s) => {
          const key = `${s.scenario} ${s.latencyMs}`;
          const off = gw(s.scenario, s.latencyMs);
          const base = off && !seen.has(key) ? [[s.scenario, `${s.latencyMs} ms`, 'off', f(off.rps), `${off.p50} / ${off.p99}`, f(off.upstreamPerRequest, 2), f(off.cpuMsPerRequest, 3), errorsCell(off)]] : [];
          seen.add(key);
          return [...base, [s.scenario, `${s.latencyMs} ms`, s.mode, f(s.rps), `${s.p50} / ${s.p99}`, f(s.upstreamPerRequest, 2), f(s.cpuMsPerRequest, 3), errorsCell(s)]];
        }),
      ),
      '',
    );
  }

  const exhausted = rows.filter((r) => r.supplyExhausted);
  if (exhausted.length > 0) {
    out.push(`Note: the supply of spare circuits ran out in ${exhausted.length} scenario-4 run(s); later terminate slots became reads.`, '');
  }
  const mixes = [...rows, ...sharing].filter((r) => r.scenario === 4 && r.server === 'gateway');
  if (mixes.length > 0) {
    out.push(`Scenario 4 terminated ${mixes.map((r) => `${r.terminates} circuits (${r.latencyMs} ms, C=${r.connections}${r.mode ? `, ${r.mode}` : ''})`).join(', ')}, warm-up included.`, '');
  }
  return out.join('\n').trimEnd();
}

/** Replaces the block between the markers `<!-- name:begin -->` and `<!-- name:end -->`. */
export function updateBenchmarksFile(name, markdown) {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const text = existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : '# Benchmarks\n';
  const block = `${begin}\n${markdown}\n${end}`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  const next = from >= 0 && to > from ? text.slice(0, from) + block + text.slice(to + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(BENCHMARKS_FILE, next);
}

export function renderSoak(report) {
  const out = [];
  const pct = (n) => `${f((n / Math.max(1, report.requests)) * 100, 2)} %`;
  out.push(
    `Run: \`npm run soak -- --minutes ${report.minutes}\`, ${report.date.slice(0, 16).replace('T', ' ')} UTC, commit ${report.commit}. Machine: ${machineLine(report)}.`,
    '',
    `Load: scenario 4's mix (100 reads per terminate), ${report.connections} connections, for ${report.minutes} min, against the gateway as deployed ` +
      '(`NODE_ENV=production LOG_LEVEL=warn`, read coalescing on, no cache, default retries: 4 attempts, 200 ms base backoff).',
    '',
    `Faults on every upstream action (the emulator applies the first one whose dice hit): ${report.faults
      .map((x) => `${x.type}${x.code ? ` ${x.code} (HTTP ${x.httpStatus})` : ''}${x.latencyMs ? ` ${x.latencyMs} ms` : ''} p=${x.probability}`)
      .join('; ')}.`,
    '',
    `Result: ${report.requests} GraphQL requests (${f(report.rps)} req/s, p50 ${report.p50} ms, p99 ${report.p99} ms), ` +
      `${report.terminates} circuits terminated${report.supplyExhausted ? ' (spare circuits ran out: later terminate slots were reads)' : ''}; ` +
      `${report.failed} responses (${pct(report.failed)}) carried errors; ${report.transportErrors} transport errors, ${report.timeouts} client timeouts.`,
    '',
  );
  const errors = Object.entries(report.errors);
  out.push(
    '| errors by code (responses carrying it) | count | share of requests |',
    '|---|---|---|',
    ...(errors.length === 0 ? ['| (none) | 0 | 0 % |'] : errors.map(([code, n]) => `| ${code} | ${n} | ${pct(n)} |`)),
    '',
  );
  const outcomes = Object.entries(report.upstream).sort((a, b) => b[1] - a[1]);
  const attempts = outcomes.reduce((n, [, c]) => n + c, 0);
  out.push(
    `Upstream attempts (gateway_upstream_calls_total): ${attempts}, of which ${outcomes
      .map(([o, n]) => `${o} ${n}`)
      .join(', ')}; retries ${report.retries}; reads shared (coalesced) ${report.shared}.`,
    '',
  );
  out.push(
    '| t (s) | req/s | RSS MiB | heap used MiB | active handles | open fds | responses with errors (cumulative) |',
    '|---|---|---|---|---|---|---|',
    ...report.timeline.map((r) => `| ${f(r.s)} | ${f(r.rps)} | ${f(r.rssMiB)} | ${f(r.heapMiB)} | ${r.handles} | ${r.fds} | ${r.failed} / ${r.responses} |`),
    '',
  );
  const first = report.timeline.find((r) => r.s >= 55) ?? report.timeline[0];
  const last = report.timeline.at(-1);
  out.push(
    `Idle before the load: ${report.idleBefore.handles} active handles, ${report.idleBefore.fds} fds. ` +
      `${report.idleWaitS} s after the load stopped: ${report.idleAfter.handles} handles, ${report.idleAfter.requests} active requests, ${report.idleAfter.fds} fds, RSS ${f(report.idleRss)} MiB ` +
      `(RSS ${f(first?.rssMiB)} MiB at ${f(first?.s)} s, ${f(last?.rssMiB)} MiB at ${f(last?.s)} s). ` +
      `SIGTERM: exit code ${report.exit.code ?? report.exit.signal} after ${report.stopMs} ms.`,
  );
  return out.join('\n').trimEnd();
}
