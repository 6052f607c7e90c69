/**
 * The e2e tests run what `npm start` runs: dist/ as scripts/ensure-build.js leaves it, rebuilt
 * whenever a source, an example operation or the lock file changed since the last successful
 * build (content hashes, see that script), and left alone otherwise. Its lock lets jest's parallel
 * workers share one build: the second one waits, then finds it up to date.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..');

export async function ensureBuilt(): Promise<void> {
  // A child process: the build blocks (tsc, esbuild), and its output belongs in the error only.
  const result = spawnSync(process.execPath, ['scripts/ensure-build.js'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  if (result.status !== 0) {
    throw new Error(`scripts/ensure-build.js failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
}
