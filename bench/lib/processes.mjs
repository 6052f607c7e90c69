// The servers under test run as separate processes on loopback, exactly as deployed: the emulator
// (`node dist/emulator/main.js`), the gateway (`node dist/server/main.js`) and the bare-Apollo
// ceiling (`node bench/bare-apollo.mjs`). Each is stopped by its own pid.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The emulator's built-in key pair (public test values, docs/emulator.md). */
export const EMULATOR_KEY = { id: 'LTAIEmulatorAccessKey', secret: 'EmulatorAccessKeySecret' };

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 15_000;
const KEEP_OUTPUT_CHARS = 8_000;

/**
 * Spawns `node <script>` and resolves once `ready` matches its output (stdout or stderr), with the
 * match. Keeps the tail of the output for error messages.
 */
async function startProcess(name, script, env, ready, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited = false;
  const exit = once(child, 'exit').then(([code, signal]) => {
    exited = true;
    return { code, signal };
  });
  const match = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk) => {
      output = (output + chunk.toString('utf8')).slice(-KEEP_OUTPUT_CHARS);
      const m = ready.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exit.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited during start-up (code ${code}, signal ${signal}):\n${output}`));
    });
  });
  // Keep draining the pipes so a chatty process never blocks on a full pipe.
  child.stdout.on('data', (chunk) => (output = (output + chunk.toString('utf8')).slice(-KEEP_OUTPUT_CHARS)));
  child.stderr.on('data', (chunk) => (output = (output + chunk.toString('utf8')).slice(-KEEP_OUTPUT_CHARS)));
  return {
    name,
    pid: child.pid,
    match,
    output: () => output,
    alive: () => !exited,
    async stop() {
      if (exited) return exit;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const result = await exit;
      clearTimeout(timer);
      return result;
    },
  };
}

export async function startEmulator({ transitionMs = 2_000 } = {}) {
  const proc = await startProcess(
    'emulator',
    'dist/emulator/main.js',
    // No flow control: the bench measures the gateway's own cost, not Alibaba's quota.
    { VPC_EMULATOR_HOST: '127.0.0.1', VPC_EMULATOR_PORT: '0', VPC_EMULATOR_TRANSITION_MS: String(transitionMs), VPC_EMULATOR_FLOW_CONTROL: 'off' },
    /listening on (http:\/\/127\.0\.0\.1:\d+)/,
  );
  return { ...proc, url: proc.match[1] };
}

/**
 * The gateway as production runs it (NODE_ENV=production, LOG_LEVEL=warn), in front of the
 * emulator as an explicit endpoint. Authentication is off: the bare-Apollo ceiling has none
 * either, and JWT verification is not what is being compared.
 */
export async function startGateway(emulatorUrl, extraEnv = {}, nodeArgs = []) {
  const proc = await startProcess(
    'gateway',
    'dist/server/main.js',
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
      VPC_UPSTREAM_MODE: 'endpoint',
      VPC_ENDPOINT: emulatorUrl,
      ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_KEY.id,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_KEY.secret,
      // No profile file or metadata lookups: the credentials above are the whole chain.
      ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      GATEWAY_AUTH_MODE: 'none',
      // No upstream budget either: the gateway's own cost is what is measured.
      VPC_UPSTREAM_QUOTA: 'off',
      ...extraEnv,
    },
    /GraphQL:\s+(http:\/\/127\.0\.0\.1:\d+)\/graphql/,
    nodeArgs,
  );
  return { ...proc, url: proc.match[1] };
}

/** The ceiling: same HTTP stack, same schema, answers from memory (bench/bare-apollo.mjs). */
export async function startBareApollo(fixtureFile) {
  const proc = await startProcess(
    'bare-apollo',
    'bench/bare-apollo.mjs',
    { NODE_ENV: 'production', BARE_APOLLO_FIXTURES: fixtureFile },
    /bare apollo listening on (http:\/\/127\.0\.0\.1:\d+)/,
  );
  return { ...proc, url: proc.match[1] };
}

/** The gateway's app with an in-memory data source (bench/gateway-in-memory.mjs). */
export async function startGatewayInMemory(emulatorUrl, reservedIds, nodeArgs = []) {
  const proc = await startProcess(
    'gateway-in-memory',
    'bench/gateway-in-memory.mjs',
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      GATEWAY_AUTH_MODE: 'none',
      IN_MEMORY_EMULATOR_URL: emulatorUrl,
      IN_MEMORY_RESERVED: reservedIds.join(','),
    },
    /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    nodeArgs,
  );
  return { ...proc, url: proc.match[1] };
}
