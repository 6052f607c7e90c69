/**
 * The e2e tests run what `npm start` runs: dist/ as `npm run build` leaves it (wireit, see
 * docs/runtime.md#start: each step rebuilt only when its inputs changed). Jest's parallel workers
 * share one build: wireit's lock makes the second wait, then find the build fresh.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..');

export async function ensureBuilt(): Promise<void> {
  // A child process: the build blocks (tsc, esbuild), and its output belongs in the error only.
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  if (result.status !== 0) {
    throw new Error(`npm run build failed (${result.error?.message ?? result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
}
