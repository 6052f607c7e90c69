/**
 * The `application/json` body parser, replacing Fastify's default only to say WHY a body is
 * refused. Fastify's parser (secure-json-parse) refuses `__proto__` and `constructor.prototype`
 * keys, rightly (prototype poisoning), but reports them as "not valid JSON", which sends a
 * client hunting for a syntax error in valid JSON. Same refusals, same status (400), distinct codes:
 * - empty body: FST_ERR_CTP_EMPTY_JSON_BODY; malformed: FST_ERR_CTP_INVALID_JSON_BODY (Fastify's);
 * - a prototype key: GATEWAY_JSON_PROTOTYPE_KEY (app.ts `handleError` names it in the message).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export const PROTOTYPE_KEY_CODE = 'GATEWAY_JSON_PROTOTYPE_KEY';

class JsonBodyError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'JsonBodyError';
  }
}

/**
 * The first forbidden key in a parsed JSON value, or null. Iterative: a body nested 40 000
 * levels deep must not overflow the stack here.
 */
export function forbiddenPrototypeKey(value: unknown): '__proto__' | 'constructor.prototype' | null {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object') continue;
    // JSON.parse makes `__proto__` an own data property (harmless here); a later merge could not.
    if (Object.hasOwn(node, '__proto__')) return '__proto__';
    const ctor: unknown = (node as Record<string, unknown>)['constructor'];
    if (Object.hasOwn(node, 'constructor') && ctor !== null && typeof ctor === 'object' && Object.hasOwn(ctor, 'prototype')) {
      return 'constructor.prototype';
    }
    for (const child of Object.values(node)) {
      if (child !== null && typeof child === 'object') pending.push(child);
    }
  }
  return null;
}

/** Either key, possibly written with `\u` escapes: the walk above runs only when this matches. */
const SUSPECT = /proto|\\u/;

export function parseJsonBody(raw: string): unknown {
  // A UTF-8 byte order mark is legal before JSON text (RFC 8259 lets parsers ignore it), and
  // secure-json-parse, which this replaces, skipped it.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.length === 0) throw new JsonBodyError('FST_ERR_CTP_EMPTY_JSON_BODY', 'Body cannot be empty when content-type is set to application/json');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new JsonBodyError('FST_ERR_CTP_INVALID_JSON_BODY', 'Body is not valid JSON');
  }
  if (SUSPECT.test(text)) {
    const key = forbiddenPrototypeKey(value);
    if (key !== null) throw new JsonBodyError(PROTOTYPE_KEY_CODE, `The request body contains a "${key}" key`);
  }
  return value;
}

async function jsonBody(app: FastifyInstance): Promise<void> {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request: FastifyRequest, body: string | Buffer, done) => {
    try {
      done(null, parseJsonBody(typeof body === 'string' ? body : body.toString('utf8')));
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)), undefined);
    }
  });
}

export const jsonBodyPlugin = fp(jsonBody, { name: 'gateway-json-body', fastify: '5.x' });
