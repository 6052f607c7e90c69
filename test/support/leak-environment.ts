/**
 * The jest test environment of every project: jest's node environment, plus a recorder for
 * unhandled rejections and uncaught exceptions that jest itself lets through (issue 7, item 7).
 *
 * What jest 30 does on its own (verified by test/integration/reliability/unhandled-errors.spec.ts):
 * while a file runs, jest-circus swaps every `unhandledRejection`/`uncaughtException` listener of
 * the worker process for its own and fails the running test or hook. It restores the previous
 * listeners once the file's last hook is done. A rejection after that moment (a timer or socket
 * callback that outlived the file) reaches no jest code at all: in a parallel run the worker dies
 * quietly and the run still passes.
 *
 * So this environment installs, once per worker process, listeners on the REAL process (the test
 * sandbox has its own `process` object, which is why listeners registered from a setup file never
 * fire). jest-circus removes them while a file runs and puts them back afterwards, so they see
 * exactly the errors jest does not. Each one is appended to the capture directory; the global
 * teardown (capture-teardown.ts) fails the run with it.
 */
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import NodeEnvironment from 'jest-environment-node';
import { relative } from 'node:path';
import { inspect } from 'node:util';
import { append, LEAK_GUARD } from './log-capture';

const INSTALLED = Symbol.for('vpc-graphql-gateway.leak-recorder');

interface RecorderState {
  /** The test file that ran last in this process. */
  lastFile: string;
}

function record(state: RecorderState, event: 'unhandledRejection' | 'uncaughtException', error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : inspect(error, { depth: 3 });
  append({ type: 'leak', event, after: state.lastFile, detail: detail.slice(0, 4000) });
  process.stderr.write(`\n[leak-environment] ${event} after ${state.lastFile} finished (fails the run at teardown):\n${detail}\n`);
}

/** Once per process, even if jest loads this module again: the state lives on the process. */
function recorder(): RecorderState {
  const real = process as NodeJS.Process & { [INSTALLED]?: RecorderState };
  const existing = real[INSTALLED];
  if (existing !== undefined) return existing;
  const state: RecorderState = { lastFile: 'no test file yet' };
  real[INSTALLED] = state;
  process.on('unhandledRejection', (reason) => record(state, 'unhandledRejection', reason));
  process.on('uncaughtException', (error) => record(state, 'uncaughtException', error));
  return state;
}

export default class LeakTrackingEnvironment extends NodeEnvironment {
  private readonly testFile: string;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.testFile = relative(config.globalConfig.rootDir, context.testPath);
  }

  override async setup(): Promise<void> {
    await super.setup();
    recorder().lastFile = this.testFile;
    this.global[LEAK_GUARD] = true;
  }
}
