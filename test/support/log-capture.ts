/**
 * The write side of the leak scan (issue 7, item 5). Test helpers that start a gateway feed it
 * what the gateway says (log lines, response bodies and headers, a child's stdout/stderr) and the
 * secrets a test hands the gateway (config secrets, bearer tokens); the jest global teardown
 * (capture-teardown.ts) scans it all with leak-scan.ts and fails the run on a finding.
 *
 * Storage: one JSON-lines file per process in the directory the global setup created
 * (`$GATEWAY_TEST_CAPTURE_DIR`), appended synchronously, so parallel workers never interleave
 * and nothing is lost when a worker exits. Without that variable (a run without the global
 * setup) every function here does nothing.
 */
import { appendFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join, relative } from 'node:path';
import { demoSeed } from '../../src/emulator/domain';
import type { CapturedText, KnownSecret } from './leak-scan';

export const CAPTURE_DIR_ENV = 'GATEWAY_TEST_CAPTURE_DIR';
/** Set on each sandbox's global object by leak-environment.ts; setup.ts checks it is there. */
export const LEAK_GUARD = '__gatewayLeakGuard';
const ROOT = join(__dirname, '..', '..');

/** An unhandled rejection or uncaught exception jest did not pin on a test (leak-environment.ts). */
export interface LeakedError {
  event: 'unhandledRejection' | 'uncaughtException';
  /** The test file that ran last in that process: where the leak most likely started. */
  after: string;
  detail: string;
}

export type CaptureRecord =
  | ({ type: 'text' } & CapturedText)
  | ({ type: 'secret' } & KnownSecret)
  | ({ type: 'leak' } & LeakedError);

export function captureDir(): string | null {
  const dir = process.env[CAPTURE_DIR_ENV];
  return dir === undefined || dir === '' ? null : dir;
}

/** This process's capture file (one per jest worker). */
export function captureFile(dir: string, pid = process.pid): string {
  return join(dir, `capture-${pid}.jsonl`);
}

export function append(record: CaptureRecord): void {
  const dir = captureDir();
  if (dir === null) return;
  appendFileSync(captureFile(dir), `${JSON.stringify(record)}\n`);
}

/** The running test file, relative to the repository (for "where was this said"). */
export function currentTestFile(): string {
  const state = typeof expect === 'function' ? expect.getState() : undefined;
  const path = state?.testPath;
  return path ? relative(ROOT, path) : 'outside a test file';
}

/** Records something the gateway said. `source` names the gateway; the test file is added. */
export function captureText(kind: string, source: string, text: string): void {
  if (text === '') return;
  append({ type: 'text', kind, source: `${currentTestFile()} (${source})`, text });
}

/** Records a secret the gateway must never repeat. */
export function registerSecret(value: string, label: string): void {
  if (value.trim() === '') return;
  append({ type: 'secret', value, label });
}

/** Variable names whose values are secrets (GATEWAY_MAX_TOKENS is a limit, not a token). */
const SECRET_VARIABLE = /SECRET|SECURITY_TOKEN|PASSWORD|PRIVATE_KEY/;

/** Registers every secret-looking setting of a gateway's environment, and the password of its Redis URL. */
export function registerEnvSecrets(env: Readonly<Record<string, string | undefined>>): void {
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && SECRET_VARIABLE.test(name)) registerSecret(value, name);
  }
  const redisPassword = URL.canParse(env['GATEWAY_REDIS_URL'] ?? '') ? new URL(env['GATEWAY_REDIS_URL'] ?? '').password : '';
  if (redisPassword !== '') registerSecret(decodeURIComponent(redisPassword), 'GATEWAY_REDIS_URL password');
}

/** Registers the credential of an `Authorization` header (any scheme). */
export function registerAuthorization(header: string | string[] | undefined): void {
  const value = Array.isArray(header) ? header[0] : header;
  const credential = value?.trim().split(/\s+/)[1];
  if (credential !== undefined) registerSecret(credential, 'bearer token');
}

/**
 * Registers the MACsec CAKs of an emulator seed (the demo seed's, or a test's own): the shared
 * secret of a link, which neither the emulator nor a gateway may ever repeat. Registered in both
 * cases, as the API upper-cases what it is given.
 */
export function registerSeedSecrets(seed: { PhysicalConnections: ReadonlyArray<{ MacsecKeys?: ReadonlyArray<{ Cak?: string }> }> }): void {
  for (const circuit of seed.PhysicalConnections) {
    for (const key of circuit.MacsecKeys ?? []) if (key.Cak !== undefined) registerCak(key.Cak);
  }
}

function registerCak(cak: string): void {
  registerSecret(cak, 'MACsec CAK');
  registerSecret(cak.toUpperCase(), 'MACsec CAK');
}

/**
 * Taps an emulator's HTTP server: every signature a gateway sent upstream (V1 `Signature` query
 * parameter, V3 `Signature=` of the Authorization header), every STS token and every MACsec CAK
 * (AssociateMacSecKey's `Cak`) becomes a known secret, so the scan looks for the very values
 * computed or sent during the run, in any encoding, not only for labelled shapes. The data source
 * and the official SDK send their parameters in the URL and sign an empty body, so the body is
 * never touched. The demo seed's CAKs are registered here too: every test emulator starts from it
 * unless a test seeds its own (then `registerSeedSecrets`).
 */
let demoSecretsRegistered = false;

export function tapUpstreamCredentials(server: Server): void {
  if (captureDir() === null) return;
  if (!demoSecretsRegistered) {
    registerSeedSecrets(demoSeed());
    demoSecretsRegistered = true;
  }
  server.on('request', (req: IncomingMessage) => {
    const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
    const cak = query.get('Cak');
    if (cak !== null) registerCak(cak);
    const v1 = query.get('Signature');
    if (v1 !== null) registerSecret(v1, 'upstream request signature');
    const v3 = /\bSignature=([0-9a-f]{64})\b/.exec(String(req.headers.authorization ?? ''))?.[1];
    if (v3 !== undefined) registerSecret(v3, 'upstream request signature');
    const token = query.get('SecurityToken') ?? req.headers['x-acs-security-token'];
    if (typeof token === 'string') registerSecret(token, 'STS security token');
  });
}

/** Only bodies a client reads as data; the playground's HTML/JS bundle is static and huge. */
const TEXT_CONTENT = /json|text\/plain/i;

function chunkToBuffer(chunk: unknown, encoding?: unknown): Buffer | null {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return null;
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

/**
 * Taps an in-process gateway's HTTP server: every response (headers and text body) is captured,
 * and every credential a client sends is registered as a secret. Works whatever client a test
 * uses, because it listens on the server itself.
 */
export function tapServer(server: Server, source: string): void {
  if (captureDir() === null) return;
  const file = currentTestFile();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    registerAuthorization(req.headers.authorization);
    const chunks: Buffer[] = [];
    // Fastify passes its headers to writeHead directly: getHeaders() alone would miss them.
    let written: Record<string, unknown> = {};
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      const headers = rest.find((arg) => typeof arg === 'object' && arg !== null);
      if (headers !== undefined && !Array.isArray(headers)) written = { ...(headers as Record<string, unknown>) };
      return writeHead(status, ...rest);
    }) as ServerResponse['writeHead'];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      const buffer = chunkToBuffer(chunk, rest[0]);
      if (buffer !== null) chunks.push(buffer);
      return write(chunk, ...rest);
    }) as ServerResponse['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      const buffer = chunkToBuffer(chunk, rest[0]);
      if (buffer !== null) chunks.push(buffer);
      return end(chunk, ...rest);
    }) as ServerResponse['end'];
    res.once('finish', () => {
      const all: Record<string, unknown> = { ...res.getHeaders(), ...written };
      const type = String(Object.entries(all).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '');
      const body = TEXT_CONTENT.test(type) ? Buffer.concat(chunks).toString('utf8') : `[${type || 'no'} body not captured]`;
      const headers = JSON.stringify({ status: res.statusCode, ...all });
      append({ type: 'text', kind: 'response', source: `${file} (${source}, ${req.method ?? '?'} ${req.url?.slice(0, 80) ?? ''})`, text: `${headers}\n${body}` });
    });
  });
}
