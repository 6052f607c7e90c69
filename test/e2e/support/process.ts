/**
 * The built gateway as a child process, started exactly as `npm start` starts it after its build:
 * `node dist/server/main.js` with an environment. HOME points at an empty directory and no
 * ALIBABA_CLOUD_* variable is inherited, so upstream mode selection sees a fresh machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureText, registerEnvSecrets } from '../../support/log-capture';
import { ROOT } from './build';

export interface GatewayProcess {
  child: ChildProcess;
  stdout: string[];
  stderr: () => string;
  /** From the banner. */
  graphqlUrl: string;
  baseUrl: string;
  emulatorUrl: string | null;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL if still running, then removes the temporary HOME. */
  dispose(): Promise<void>;
}

/** Output of the child, into the run's leak scan (test/support/log-capture.ts). */
function captureOutput(child: ChildProcess, source: string): void {
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) captureText('stdout', source, line);
  });
  child.stdout?.on('end', () => captureText('stdout', source, pending));
  child.stderr?.on('data', (chunk: Buffer) => captureText('stderr', source, chunk.toString()));
}

function cleanEnv(home: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  registerEnvSecrets(extra);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('ALIBABA_CLOUD_') || key.startsWith('GATEWAY_') || key.startsWith('VPC_')) continue;
    if (['HOST', 'PORT', 'NODE_ENV', 'LOG_LEVEL'].includes(key)) continue;
    env[key] = value;
  }
  return { ...env, HOME: home, PORT: '0', ...extra };
}

/** Runs the process to its end (for start-up failures). */
export function runToExit(env: Record<string, string>, timeoutMs = 20_000): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const home = mkdtempSync(join(tmpdir(), 'gw-home-'));
  const child = spawn(process.execPath, ['dist/server/main.js'], { cwd: ROOT, env: cleanEnv(home, env), stdio: ['ignore', 'pipe', 'pipe'] });
  captureOutput(child, 'gateway process');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gateway did not exit within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      rmSync(home, { recursive: true, force: true });
      resolve({ code, stderr, stdout });
    });
  });
}

export async function startGatewayProcess(env: Record<string, string> = {}, timeoutMs = 20_000): Promise<GatewayProcess> {
  const home = mkdtempSync(join(tmpdir(), 'gw-home-'));
  const child = spawn(process.execPath, ['dist/server/main.js'], { cwd: ROOT, env: cleanEnv(home, env), stdio: ['ignore', 'pipe', 'pipe'] });
  captureOutput(child, 'gateway process');
  const stdout: string[] = [];
  let stderr = '';
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    stdout.push(...lines.filter((l) => l.trim() !== ''));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const banner = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up banner within ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/Playground: .*\n/.test(stderr)) {
        clearTimeout(timer);
        resolve(stderr);
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited (${code}) before starting:\n${stderr}`));
    });
  });
  const graphqlUrl = /GraphQL: +(\S+)/.exec(banner)?.[1];
  if (graphqlUrl === undefined) throw new Error(`no GraphQL URL in the banner:\n${banner}`);
  return {
    child,
    stdout,
    stderr: () => stderr,
    graphqlUrl,
    baseUrl: graphqlUrl.replace(/\/graphql$/, ''),
    emulatorUrl: /embedded emulator at (\S+)/.exec(banner)?.[1] ?? null,
    exited,
    dispose: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
