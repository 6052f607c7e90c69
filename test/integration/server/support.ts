/**
 * Runs a whole gateway in process for a suite: config from an env object (as `npm start` reads
 * it), the real schema, the real backend, the embedded emulator over real HTTP on 127.0.0.1:0.
 * Logs are captured as parsed JSON lines so tests can assert on them (and on what they lack).
 */
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { Agent, request, type Dispatcher } from 'undici';
import { startEmulator } from '../../../src/emulator';
import { loadConfig } from '../../../src/server/config';
import { startGateway, type GatewayDependencies, type RunningGateway } from '../../../src/server/gateway';
import { createLogger } from '../../../src/server/logger';
import { ControlClient } from '../../support/emulator';
import { captureText, registerEnvSecrets, tapServer, tapUpstreamCredentials } from '../../support/log-capture';

export type LogLine = Record<string, unknown> & { msg?: string; level?: string };

export class LogCapture extends Writable {
  readonly lines: LogLine[] = [];
  readonly raw: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    for (const text of chunk.toString('utf8').split('\n')) {
      if (text.trim() === '') continue;
      // Also into the run's leak scan (test/support/log-capture.ts).
      captureText('log', 'in-process gateway', text);
      this.raw.push(text);
      this.lines.push(JSON.parse(text) as LogLine);
    }
    callback();
  }

  find(predicate: (line: LogLine) => boolean): LogLine[] {
    return this.lines.filter(predicate);
  }
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: <T = Record<string, unknown>>() => T;
}

export interface TestGateway {
  gateway: RunningGateway;
  url: string;
  control: ControlClient;
  logs: LogCapture;
  http(method: 'GET' | 'POST' | 'OPTIONS' | 'PUT' | 'DELETE' | 'PATCH', path: string, options?: { body?: string; headers?: Record<string, string> }): Promise<HttpResult>;
  /** POST /graphql with a JSON body. */
  graphql(body: unknown, headers?: Record<string, string>): Promise<HttpResult>;
  upstreamCalls(): Promise<number>;
  close(): Promise<void>;
}

export async function startTestGateway(
  env: Record<string, string> = {},
  deps: Omit<GatewayDependencies, 'logger'> = {},
): Promise<TestGateway> {
  const config = loadConfig({
    PORT: '0',
    VPC_UPSTREAM_MODE: 'emulator',
    LOG_LEVEL: 'debug',
    // The quota on both sides is off unless a suite is about it (the flow-control and budget suites).
    VPC_EMULATOR_FLOW_CONTROL: 'off',
    VPC_UPSTREAM_QUOTA: 'off',
    ...env,
  });
  registerEnvSecrets(env);
  const logs = new LogCapture();
  const gateway = await startGateway(config, {
    logger: createLogger(config.logLevel, logs),
    startEmulator: async (options) => {
      const emulator = await startEmulator(options);
      tapUpstreamCredentials(emulator.server);
      return emulator;
    },
    ...deps,
  });
  tapServer(gateway.app.server, 'in-process gateway');
  const agent: Dispatcher = new Agent({ keepAliveTimeout: 1000 });
  const control = new ControlClient(gateway.emulatorUrl ?? 'http://127.0.0.1:1');

  const http: TestGateway['http'] = async (method, path, options = {}) => {
    const res = await request(`${gateway.url}${path}`, {
      method,
      dispatcher: agent,
      headers: options.headers ?? {},
      ...(options.body === undefined ? {} : { body: options.body }),
    });
    const text = await res.body.text();
    return {
      status: res.statusCode,
      headers: res.headers,
      text,
      json: <T>() => JSON.parse(text) as T,
    };
  };

  return {
    gateway,
    url: gateway.url,
    control,
    logs,
    http,
    graphql: (body, headers = {}) =>
      http('POST', '/graphql', { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } }),
    upstreamCalls: async () => (await control.calls()).total,
    close: async () => {
      await agent.close();
      await control.close();
      await gateway.close();
    },
  };
}

/** A circuit the gateway may terminate (ENABLED, no VBR, no lock), from the current emulator state. */
export async function terminableConnectionId(t: TestGateway): Promise<string> {
  const res = await t.graphql({
    query: '{ physicalConnections(first: 50) { nodes { id terminationCheck { terminable } } } }',
  });
  const nodes = res.json<{ data: { physicalConnections: { nodes: { id: string; terminationCheck: { terminable: boolean } }[] } } }>()
    .data.physicalConnections.nodes;
  const found = nodes.find((n) => n.terminationCheck.terminable);
  if (found === undefined) throw new Error('the emulator seed has no terminable circuit');
  return found.id;
}

export interface RawResult {
  text: string;
  closed: boolean;
}

/** Opens a raw socket to 127.0.0.1, writes `payload`, and collects what comes back until the server closes it. */
export function rawExchange(port: number, payload: string): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve({ text, closed: true }));
    socket.write(payload);
  });
}
