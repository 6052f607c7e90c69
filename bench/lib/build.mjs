// `npm run bench` / `npm run soak` build what they run through the project's one build path,
// scripts/ensure-build.js (content stamps, a lock shared with `npm start` and the e2e tests), so a
// benchmark can never leave a dist/ that `npm start` then mistakes for current. Only the server
// step: the benchmark turns the playground off.
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './processes.mjs';

const require = createRequire(import.meta.url);
const { TARGETS, ensureBuild } = require(path.join(ROOT, 'scripts/ensure-build.js'));

/** Builds the server when stale; true when it did. */
export function ensureBuilt(log) {
  return ensureBuild({ root: ROOT, targets: TARGETS.filter((target) => target.name === 'server'), log }).length > 0;
}
