#!/usr/bin/env node
'use strict';
/**
 * The build, in two independent steps, each run only when out of date:
 * - server: `tsc -p tsconfig.build.json` (incremental: `dist/.tsbuildinfo`), src/ -> dist/;
 * - playground: `node scripts/build-playground.mjs` (esbuild bundle of GraphiQL + operations/).
 *
 *   node scripts/ensure-build.js           # what `npm start`, `npm run emulator` and `schema:emit` run
 *   node scripts/ensure-build.js --force   # `npm run build`: both steps, tsc from scratch
 *
 * A step is out of date when a hash of the CONTENT of its inputs differs from the one stamped in
 * `dist/.build-stamps.json` by its last successful run, or when one of its outputs is missing.
 * Content rather than mtimes: a checkout or `touch` that changes nothing rebuilds nothing, and a
 * copy that keeps old mtimes is still noticed. Hashing the inputs (about 2 MB) takes milliseconds,
 * which is what `npm start` costs when nothing changed, instead of ~20 s of tsc and esbuild.
 *
 * Concurrent runs (two terminals, parallel e2e workers) take turns through a lock file holding the
 * builder's pid, so they never write dist/ at the same time; a lock whose process is gone is taken
 * over.
 *
 * CommonJS on purpose: it runs before anything is built, and the unit tests require it as is.
 */
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const STAMPS = path.join('dist', '.build-stamps.json');
const LOCK = path.join('dist', '.build.lock');
const TSBUILDINFO = path.join('dist', '.tsbuildinfo');
/** A lock older than this is taken over even if its pid is alive (pid reuse). */
const LOCK_MAX_AGE_MS = 10 * 60_000;

/** Every file under `rel` (a file or a directory), relative to root, sorted; [] when absent. */
function filesUnder(root, rel) {
  const full = path.join(root, rel);
  let stat;
  try {
    stat = fs.statSync(full);
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
  if (!stat.isDirectory()) return [rel];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(root, path.join(rel, name)));
}

/** Every `.ts` of src/ becomes a `.js` of dist/: tsc's outputs, all of which must exist. */
function serverOutputs(root) {
  return filesUnder(root, 'src')
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => path.join('dist', path.relative('src', file).replace(/\.ts$/, '.js')));
}

/**
 * Deletes the outputs of src/ modules that no longer exist (renamed or removed): tsc never does,
 * and a stale module left in dist/ could still be loaded by path.
 */
function removeOrphans(root) {
  const expected = new Set(serverOutputs(root));
  for (const file of filesUnder(root, 'dist')) {
    if (file.startsWith(path.join('dist', 'playground') + path.sep)) continue;
    const js = file.endsWith('.js.map') ? file.slice(0, -'.map'.length) : file;
    if (js.endsWith('.js') && !expected.has(js)) fs.rmSync(path.join(root, file), { force: true });
  }
}

const TARGETS = [
  {
    name: 'server',
    inputs: ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'],
    outputs: serverOutputs,
    command: (root, force) => {
      // tsc --incremental trusts its build info and does not notice deleted outputs: start over
      // when asked to, or when an output is missing.
      if (force || serverOutputs(root).some((file) => !fs.existsSync(path.join(root, file)))) {
        fs.rmSync(path.join(root, TSBUILDINFO), { force: true });
      }
      removeOrphans(root);
      const tsc = require.resolve('typescript/bin/tsc');
      return [process.execPath, tsc, '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', TSBUILDINFO];
    },
  },
  {
    name: 'playground',
    inputs: ['scripts/build-playground.mjs', 'scripts/build-playground.client.jsx', 'operations', 'package.json', 'package-lock.json'],
    outputs: () => ['dist/playground/playground.js', 'dist/playground/playground.css', 'dist/playground/operations.json'],
    command: () => [process.execPath, 'scripts/build-playground.mjs'],
  },
];

/** sha256 over the path and content of every input file. */
function fingerprint(root, inputs) {
  const hash = createHash('sha256');
  for (const rel of inputs) {
    const files = filesUnder(root, rel);
    hash.update(`input ${rel} ${files.length}\0`);
    for (const file of files) {
      hash.update(`${file.split(path.sep).join('/')}\0`);
      hash.update(fs.readFileSync(path.join(root, file)));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

function readStamps(root) {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(root, STAMPS), 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function writeStamps(root, stamps) {
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  const file = path.join(root, STAMPS);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(stamps, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
}

/**
 * The targets that need a run, each with why: `not built` (never, or its last run failed),
 * `missing <output>` or `inputs changed`.
 */
function staleTargets(root = ROOT, targets = TARGETS) {
  const stamps = readStamps(root);
  const stale = [];
  for (const target of targets) {
    const missing = target.outputs(root).find((file) => !fs.existsSync(path.join(root, file)));
    const stamp = stamps[target.name];
    if (stamp === undefined) stale.push({ target, reason: 'not built' });
    else if (missing !== undefined) stale.push({ target, reason: `missing ${missing.split(path.sep).join('/')}` });
    else if (stamp !== fingerprint(root, target.inputs)) stale.push({ target, reason: 'inputs changed' });
  }
  return stale;
}

function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Blocks until this process holds the lock; returns its release function. */
function acquireLock(root, log, timeoutMs) {
  const file = path.join(root, LOCK);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    let age = 0;
    try {
      holder = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      age = Date.now() - fs.statSync(file).mtimeMs;
    } catch {
      continue; // Released meanwhile.
    }
    if (!Number.isInteger(holder) || !processAlive(holder) || age > LOCK_MAX_AGE_MS) {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`build lock ${file} held by pid ${holder} for too long`);
    if (!announced) log(`build: waiting for the build of pid ${holder}`);
    announced = true;
    sleepSync(200);
  }
}

function defaultRun(argv, root) {
  const result = spawnSync(argv[0], argv.slice(1), { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${path.basename(argv[1] ?? argv[0])} failed (${result.status ?? result.signal})`);
}

/**
 * Runs every stale target (every target with `force`), one builder at a time, and stamps each
 * one that succeeded. Returns the names of the targets that ran.
 */
function ensureBuild(options = {}) {
  const root = options.root ?? ROOT;
  const targets = options.targets ?? TARGETS;
  const force = options.force === true;
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const run = options.run ?? defaultRun;
  // The common case, no lock needed: everything is up to date.
  if (!force && staleTargets(root, targets).length === 0) return [];
  const release = acquireLock(root, log, options.lockTimeoutMs ?? LOCK_MAX_AGE_MS);
  try {
    // Again under the lock: whoever held it may just have built the same thing.
    const todo = force ? targets.map((target) => ({ target, reason: 'forced' })) : staleTargets(root, targets);
    for (const { target, reason } of todo) {
      const started = Date.now();
      log(`build: ${target.name} (${reason}) ...`);
      // Hashed before the run: an input edited while the step runs is seen as a change next time.
      const print = fingerprint(root, target.inputs);
      const stamps = readStamps(root);
      delete stamps[target.name];
      writeStamps(root, stamps);
      run(target.command(root, force), root);
      writeStamps(root, { ...readStamps(root), [target.name]: print });
      log(`build: ${target.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    return todo.map(({ target }) => target.name);
  } finally {
    release();
  }
}

module.exports = { TARGETS, STAMPS, LOCK, fingerprint, staleTargets, ensureBuild };

if (require.main === module) {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--force');
  if (unknown.length > 0) {
    process.stderr.write(`usage: node scripts/ensure-build.js [--force] (unknown: ${unknown.join(' ')})\n`);
    process.exit(2);
  }
  try {
    ensureBuild({ force: args.includes('--force') });
  } catch (error) {
    process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
