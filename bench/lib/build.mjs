// `npm run bench` / `npm run soak` build what they run through the project's one build path,
// `npm run build:server` (wireit: content hashes, a lock shared with `npm start` and the e2e
// tests), so a benchmark can never leave a dist/ that `npm start` then mistakes for current. Only
// the server step: the benchmark turns the playground off.
import { spawnSync } from 'node:child_process';
import { ROOT } from './processes.mjs';

/** Builds the server when stale (its output goes to stderr); throws when the build fails. */
export function ensureBuilt(log) {
  log('build: npm run build:server');
  const result = spawnSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`npm run build:server failed (${result.error?.message ?? result.status ?? result.signal})`);
}
