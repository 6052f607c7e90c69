/**
 * Issue 7, items 5 and 7, checked from the outside: a nested jest run, with this repository's
 * environment, setup file and global setup/teardown, on fixtures that leak. Each leak must fail
 * that run; a clean fixture must pass it.
 *
 * What this found: under jest 30 the former setup.ts (listeners registered from the test sandbox)
 * never fired. jest-circus catches leaks while a file runs, but a rejection that outlives its file
 * made the worker die quietly and a parallel run exit 0 ("outlives-file" below). The environment
 * and global teardown now close that gap.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CAPTURE_DIR_ENV } from '../../support/log-capture';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(__dirname, 'fixtures');

interface JestRun {
  code: number | null;
  output: string;
}

/** Runs jest on the named fixtures with the project's real wiring (see jest.config.js). */
function runFixtures(names: readonly string[], workers: number): Promise<JestRun> {
  const config = {
    rootDir: ROOT,
    roots: [FIXTURES],
    testMatch: names.map((name) => join(FIXTURES, `${name}.fixture.ts`)),
    transform: { '^.+\\.ts$': ['@swc/jest', {}] },
    testEnvironment: '<rootDir>/test/support/leak-environment.ts',
    setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts'],
    globalSetup: '<rootDir>/test/support/capture-setup.ts',
    globalTeardown: '<rootDir>/test/support/capture-teardown.ts',
  };
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The nested run gets its own capture directory and worker ids.
  delete env[CAPTURE_DIR_ENV];
  delete env['JEST_WORKER_ID'];
  const args = [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', JSON.stringify(config), '--ci', '--watchman=false'];
  args.push(workers === 1 ? '--runInBand' : `--maxWorkers=${workers}`, '--verbose');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('unhandled rejections, uncaught exceptions and leaks fail the run (nested jest on fixtures)', () => {
  let runs: Record<'leaky' | 'outlives' | 'clean', JestRun>;

  beforeAll(async () => {
    const [leaky, outlives, clean] = await Promise.all([
      runFixtures(['in-test-rejection', 'timer-exception', 'planted-leak'], 1),
      // Two workers: the leaky file's worker is idle when its timer fires, the other keeps the run going.
      runFixtures(['outlives-file', 'keeps-run-busy'], 2),
      runFixtures(['clean'], 1),
    ]);
    runs = { leaky: leaky!, outlives: outlives!, clean: clean! };
  });

  it('passes a clean file (the wiring itself fails nothing)', () => {
    expect(runs.clean.output).toMatch(/Tests: +1 passed, 1 total/);
    expect(runs.clean.code).toBe(0);
  });

  it('fails the test during which a rejection leaked', () => {
    expect(runs.leaky.code).toBe(1);
    expect(runs.leaky.output).toMatch(/✕ leaks a rejection while it runs/);
    expect(runs.leaky.output).toContain('fixture: rejection leaked inside a test');
    expect(runs.leaky.output).toMatch(/✓ is unaffected/);
  });

  it('fails the test during which a timer threw', () => {
    expect(runs.leaky.code).toBe(1);
    expect(runs.leaky.output).toMatch(/✕ throws from a timer callback while it runs/);
    expect(runs.leaky.output).toContain('fixture: exception thrown from a timer');
  });

  it('fails the run on a rejection that outlived its file, which jest alone lets pass', () => {
    // jest saw every test pass...
    expect(runs.outlives.output).toMatch(/Tests: +2 passed, 2 total/);
    // ...and the global teardown still failed the run, naming the error and the file.
    expect(runs.outlives.code).toBe(1);
    expect(runs.outlives.output).toContain('outside any test (jest reported none of them)');
    expect(runs.outlives.output).toMatch(/unhandledRejection after test\/integration\/reliability\/fixtures\/[a-z-]+\.fixture\.ts finished/);
    expect(runs.outlives.output).toContain('fixture: rejection after the file finished');
  });

  it('fails the run on a planted secret and signature, and reports them redacted', () => {
    expect(runs.leaky.output).toMatch(/✓ lets a gateway "log" a secret and a signature/);
    expect(runs.leaky.code).toBe(1);
    expect(runs.leaky.output).toContain('Secret leak scan: 2 of 3 captured texts leak a secret or a signature');
    expect(runs.leaky.output).toContain('known secret (planted secret) in a log from test/integration/reliability/fixtures/planted-leak.fixture.ts (fixture gateway)');
    expect(runs.leaky.output).toContain('V1 signature (Signature=...) in a response');
    expect(runs.leaky.output).not.toContain('planted-secret-value-4711');
    expect(runs.leaky.output).not.toContain('c2lnbmF0dXJlLXZhbHVl');
  });
});
