/**
 * `/_emulator/*`: the test harness's side door (health, reset, calls, flow control, state, events,
 * faults). JSON
 * in and out, unauthenticated, never counted as an API call.
 * Invariants: every input is validated with a clear 4xx; a POST must be declared JSON (415) and, on
 * loopback, the Host must be loopback (403), so web pages stay out (docs/emulator.md#control-endpoints).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator } from '../http/auth';
import type { CallCounters } from './counters';
import type { EmulatorDomain } from '../contract';
import type { GenerateSeedOptions, Seed } from '../domain/seed';
import { FaultLimitError, FaultSpecError, parseFaultSpec, type FaultStore } from './faults';
import type { FlowControl } from './flow-control';
import { JSON_CONTENT_TYPE, toJson } from '../http/render';
import { BodyTooLargeError, ClientAbortedError, readBody } from '../http/request';
import { dropConnection, sendBody } from '../http/respond';
import { isLoopbackHost } from '../../shared/host-names';

const PREFIX = '/_emulator';
/** A reset may carry a whole seed, the bench's largest included (docs/emulator.md#control-endpoints). */
export const MAX_RESET_BODY_BYTES = 8 * 1024 * 1024;
/** A fault spec is a few fields; its longest, `message`, is at most 1 000 characters. */
export const MAX_FAULT_BODY_BYTES = 16 * 1024;

export interface SeedTools {
  /** Validates a seed given as JSON; throws an Error naming the bad entry. */
  parse(json: unknown): Seed;
  generate(options: GenerateSeedOptions): Seed;
}

export interface ControlDeps {
  domain: EmulatorDomain;
  counters: CallCounters;
  faults: FaultStore;
  flowControl: FlowControl;
  auth: Authenticator;
  seeds: SeedTools;
}

export function isControlPath(path: string): boolean {
  return path === PREFIX || path.startsWith(`${PREFIX}/`);
}

/** The name part of a Host header (`[::1]:9100` -> `[::1]`, `localhost:9100` -> `localhost`). */
function hostHeaderName(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':', 1)[0] ?? '');
}

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly allow?: string,
  ) {
    super(message);
  }
}

function reply(res: ServerResponse, status: number, body: unknown, requestId: string, headers: Record<string, string> = {}) {
  sendBody(res, status, { contentType: JSON_CONTENT_TYPE, body: toJson(body) }, requestId, headers);
}

/** `application/json`, any parameters (`; charset=utf-8`), any case. */
function isJsonContentType(value: string | undefined): boolean {
  return value?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}

/** A POST's body (undefined when empty); refused before reading unless it is declared JSON. */
async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new ControlError(415, 'a POST to a control endpoint must be sent with Content-Type: application/json, even without a body');
  }
  const body = await readBody(req, maxBytes);
  const text = body.toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ControlError(400, 'the body is not valid JSON');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const GENERATE_FIELDS: Readonly<Record<string, (value: unknown) => boolean>> = {
  connections: (v) => typeof v === 'number',
  regionId: (v) => typeof v === 'string',
  ownerId: (v) => typeof v === 'string',
  enabledWithoutVbrs: (v) => typeof v === 'number',
  vbrsPerConnection: (v) => Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number'),
};

/**
 * Shape check only: the domain's `generateSeed` owns the value rules (ranges, limits) and its
 * errors come back as 400 "invalid seed: ...".
 */
export function parseGenerateOptions(value: unknown): GenerateSeedOptions {
  if (!isRecord(value)) throw new ControlError(400, '"generate" must be an object');
  for (const [key, member] of Object.entries(value)) {
    const check = GENERATE_FIELDS[key];
    if (!check) throw new ControlError(400, `unknown field "generate.${key}"`);
    if (!check(member)) throw new ControlError(400, `"generate.${key}" has the wrong type`);
  }
  if (value['connections'] === undefined) throw new ControlError(400, '"generate.connections" is required');
  return value as unknown as GenerateSeedOptions;
}

function seedFromResetBody(body: unknown, seeds: SeedTools): Seed | undefined {
  if (body === undefined) return undefined;
  if (!isRecord(body)) throw new ControlError(400, 'the body must be a JSON object');
  for (const key of Object.keys(body)) {
    if (key !== 'seed' && key !== 'generate') throw new ControlError(400, `unknown field "${key}"`);
  }
  if (body['seed'] !== undefined && body['generate'] !== undefined) {
    throw new ControlError(400, 'give either "seed" or "generate", not both');
  }
  try {
    if (body['seed'] !== undefined) return seeds.parse(body['seed']);
    if (body['generate'] !== undefined) return seeds.generate(parseGenerateOptions(body['generate']));
  } catch (error) {
    if (error instanceof ControlError) throw error;
    throw new ControlError(400, `invalid seed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return undefined;
}

function requireMethod(req: IncomingMessage, allowed: readonly string[]): string {
  const method = req.method ?? '';
  if (!allowed.includes(method)) {
    throw new ControlError(405, `${method} is not allowed here; use ${allowed.join(' or ')}`, allowed.join(', '));
  }
  return method;
}

async function route(req: IncomingMessage, path: string, deps: ControlDeps): Promise<{ status: number; body: unknown }> {
  const sub = path.slice(PREFIX.length);
  switch (sub) {
    case '/health':
      requireMethod(req, ['GET']);
      return { status: 200, body: { ok: true } };
    case '/reset': {
      requireMethod(req, ['POST']);
      const seed = seedFromResetBody(await readJson(req, MAX_RESET_BODY_BYTES), deps.seeds);
      deps.domain.reset(seed);
      deps.counters.clear();
      deps.faults.clear();
      deps.flowControl.clear();
      deps.auth.clearNonces();
      return { status: 200, body: { ok: true } };
    }
    case '/calls':
      if (requireMethod(req, ['GET', 'DELETE']) === 'DELETE') {
        deps.counters.clear();
        return { status: 200, body: { ok: true } };
      }
      return { status: 200, body: deps.counters.snapshot() };
    case '/flow-control':
      if (requireMethod(req, ['GET', 'DELETE']) === 'DELETE') {
        deps.flowControl.clear();
        return { status: 200, body: { ok: true } };
      }
      return { status: 200, body: deps.flowControl.snapshot() };
    case '/state':
      requireMethod(req, ['GET']);
      return { status: 200, body: deps.domain.snapshot() };
    case '/events':
      requireMethod(req, ['GET']);
      return { status: 200, body: { events: deps.domain.writes?.() ?? [] } };
    case '/faults': {
      const method = requireMethod(req, ['GET', 'POST', 'DELETE']);
      if (method === 'GET') return { status: 200, body: { faults: deps.faults.list() } };
      if (method === 'DELETE') {
        deps.faults.clear();
        return { status: 200, body: { ok: true } };
      }
      try {
        const spec = parseFaultSpec(await readJson(req, MAX_FAULT_BODY_BYTES), (action) => deps.domain.hasAction(action));
        const fault = deps.faults.add(spec);
        return { status: 201, body: { id: fault.id } };
      } catch (error) {
        if (error instanceof FaultSpecError) throw new ControlError(400, error.message);
        if (error instanceof FaultLimitError) throw new ControlError(409, error.message);
        throw error;
      }
    }
    default:
      if (sub.startsWith('/faults/')) {
        requireMethod(req, ['DELETE']);
        const id = decodeURIComponent(sub.slice('/faults/'.length));
        if (!deps.faults.remove(id)) throw new ControlError(404, `no fault with id "${id.slice(0, 100)}"`);
        return { status: 200, body: { ok: true } };
      }
      throw new ControlError(404, `unknown control endpoint ${path.slice(0, 200)}`);
  }
}

/**
 * `loopbackOnly`: the emulator listens on a loopback address, so only a loopback Host is
 * legitimate. A request without a Host header is let through: browsers always send one.
 */
export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  deps: ControlDeps,
  requestId: string,
  loopbackOnly: boolean,
): Promise<void> {
  try {
    const host = req.headers.host;
    if (loopbackOnly && host !== undefined && !isLoopbackHost(hostHeaderName(host))) {
      throw new ControlError(403, 'this emulator listens on loopback: control requests must name a loopback Host (127.0.0.1, localhost or [::1])');
    }
    const { status, body } = await route(req, path, deps);
    reply(res, status, body, requestId);
  } catch (error) {
    if (error instanceof ClientAbortedError) {
      dropConnection(res);
    } else if (error instanceof ControlError) {
      const headers: Record<string, string> = error.allow ? { allow: error.allow } : {};
      // The body was not read: do not try to reuse this connection.
      if (error.status === 415) headers['connection'] = 'close';
      reply(res, error.status, { error: error.message }, requestId, headers);
    } else if (error instanceof BodyTooLargeError) {
      reply(res, 413, { error: error.message }, requestId, { connection: 'close' });
    } else if (error instanceof URIError) {
      reply(res, 400, { error: 'malformed percent-encoding in the path' }, requestId);
    } else {
      reply(res, 500, { error: error instanceof Error ? error.message : 'internal error' }, requestId);
    }
  }
}
