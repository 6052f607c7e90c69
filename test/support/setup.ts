/**
 * Runs before every test file. Unhandled rejections and uncaught exceptions fail the run
 * (issue 7, item 7), caught by two mechanisms, neither of which can live in this file:
 * - while a file runs, jest-circus itself fails the running test or hook;
 * - after a file is done (a timer or socket callback that outlived it), the test environment
 *   (leak-environment.ts) records it and the global teardown (capture-teardown.ts) fails the run.
 * Listeners registered here would sit on the sandbox's own `process` object and never fire: this
 * file used to do exactly that. test/integration/reliability/unhandled-errors.spec.ts proves both
 * mechanisms by running jest on fixtures that leak.
 *
 * What is left to do here is to refuse to run without that environment (a project config that
 * forgot `testEnvironment` would silently lose the second mechanism).
 */
import { LEAK_GUARD } from './log-capture';

if ((globalThis as Record<string, unknown>)[LEAK_GUARD] !== true) {
  throw new Error('test/support/setup.ts: run jest with testEnvironment test/support/leak-environment.ts (see jest.config.js)');
}
