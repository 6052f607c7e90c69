/**
 * `/_emulator/*`: the test harness's side door (health, reset, call counters, state, faults).
 * JSON in and out, unauthenticated (it binds to 127.0.0.1 by default), every input validated with
 * a clear 400. Never counted as an API call.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator } from './auth';
import type { CallCounters } from './counters';
import type { EmulatorDomain } from './contract';
import type { GenerateSeedOptions, Seed } from './domain/seed';
import { FaultLimitError, FaultSpecError, parseFaultSpec, type FaultStore } from './faults';
import { JSON_CONTENT_TYPE, toJson } from './render';
import { BodyTooLargeError, ClientAbortedError, readBody } from './request';
import { dropConnection, sendBody } from './respond';

const PREFIX = '/_emulator';
/** A reset may carry a whole seed. */
const MAX_CONTROL_BODY_BYTES = 32 * 1024 * 1024;

export interface SeedTools {
  /** Validates a seed given as JSON; throws an Error naming the bad entry. */
  parse(json: unknown): Seed;
  generate(options: GenerateSeedOptions): Seed;
}

export interface ControlDeps {
  domain: EmulatorDomain;
  counters: CallCounters;
  faults: FaultStore;
  auth: Authenticator;
  seeds: SeedTools;
}

export function isControlPath(path: string): boolean {
  return path === PREFIX || path.startsWith(`${PREFIX}/`);
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

async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req, MAX_CONTROL_BODY_BYTES);
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
      const seed = seedFromResetBody(await readJson(req), deps.seeds);
      deps.domain.reset(seed);
      deps.counters.clear();
      deps.faults.clear();
      deps.auth.clearNonces();
      return { status: 200, body: { ok: true } };
    }
    case '/calls':
      if (requireMethod(req, ['GET', 'DELETE']) === 'DELETE') {
        deps.counters.clear();
        return { status: 200, body: { ok: true } };
      }
      return { status: 200, body: deps.counters.snapshot() };
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
        const fault = deps.faults.add(parseFaultSpec(await readJson(req), (action) => deps.domain.hasAction(action)));
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

export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  deps: ControlDeps,
  requestId: string,
): Promise<void> {
  try {
    const { status, body } = await route(req, path, deps);
    reply(res, status, body, requestId);
  } catch (error) {
    if (error instanceof ClientAbortedError) {
      dropConnection(res);
    } else if (error instanceof ControlError) {
      reply(res, error.status, { error: error.message }, requestId, error.allow ? { allow: error.allow } : {});
    } else if (error instanceof BodyTooLargeError) {
      reply(res, 413, { error: error.message }, requestId, { connection: 'close' });
    } else if (error instanceof URIError) {
      reply(res, 400, { error: 'malformed percent-encoding in the path' }, requestId);
    } else {
      reply(res, 500, { error: error instanceof Error ? error.message : 'internal error' }, requestId);
    }
  }
}
