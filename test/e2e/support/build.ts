/**
 * `npm run build`, once per change of the sources, shared by every e2e file (jest runs files in
 * parallel workers): a lock directory serializes builders, and a stamp of the newest source mtime
 * lets the second worker skip a build the first one just did.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = resolve(__dirname, '..', '..', '..');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.e2e-build-stamp');
const LOCK = join(DIST, '.e2e-build.lock');
const INPUTS = ['src', 'scripts', 'operations', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

function fingerprint(): string {
  return String(Math.max(...INPUTS.map((p) => newestMtime(join(ROOT, p)))));
}

function upToDate(): boolean {
  return (
    existsSync(STAMP) &&
    existsSync(join(DIST, 'server', 'main.js')) &&
    existsSync(join(DIST, 'playground', 'playground.js')) &&
    readFileSync(STAMP, 'utf8') === fingerprint()
  );
}

async function acquireLock(): Promise<void> {
  const started = Date.now();
  mkdirSync(DIST, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      // A lock older than 5 minutes belongs to a run that died.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() - started > 300_000) throw new Error(`e2e build lock ${LOCK} held for 5 minutes`);
      await sleep(250);
    }
  }
}

export async function ensureBuilt(): Promise<void> {
  if (upToDate()) return;
  await acquireLock();
  try {
    if (upToDate()) return;
    const print = fingerprint();
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    if (result.status !== 0) {
      throw new Error(`npm run build failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
    }
    writeFileSync(STAMP, print);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
