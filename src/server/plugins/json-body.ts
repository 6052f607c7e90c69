/**
 * The `application/json` body parser: secure-json-parse, as in Fastify's own parser, except that a
 * prototype key is refused as what it is (GATEWAY_JSON_PROTOTYPE_KEY) rather than as invalid JSON.
 * Invariants: 400 for an empty body (a lone byte order mark included), malformed JSON, and a
 * `__proto__` or `constructor.prototype` key at any depth, escaped or not; a leading BOM is skipped.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { parse as secureJsonParse } from 'secure-json-parse';

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

export function parseJsonBody(text: string): unknown {
  if (text.length === 0 || text === '\uFEFF') {
    throw new JsonBodyError('FST_ERR_CTP_EMPTY_JSON_BODY', 'Body cannot be empty when content-type is set to application/json');
  }
  try {
    return secureJsonParse(text, { protoAction: 'error', constructorAction: 'error' });
  } catch {
    // A SyntaxError either way: only a prototype key leaves the text parseable without the check.
    let parseable = true;
    try {
      secureJsonParse(text, { protoAction: 'ignore', constructorAction: 'ignore' });
    } catch {
      parseable = false;
    }
    if (parseable) throw new JsonBodyError(PROTOTYPE_KEY_CODE, 'The request body contains a "__proto__" or "constructor.prototype" key');
    throw new JsonBodyError('FST_ERR_CTP_INVALID_JSON_BODY', 'Body is not valid JSON');
  }
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
