/**
 * Turns a raw `node:http` request into the parameters an RPC call carries: query string and
 * `application/x-www-form-urlencoded` body, merged. Everything here treats input as hostile:
 * sizes are bounded, decoding failures become 4xx `ApiError`s, nothing throws anything else.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, commonErrors } from '../api-error';

export interface RequestLimits {
  /** Largest accepted body in bytes (RPC bodies are tiny; this only stops abuse). */
  maxBodyBytes: number;
  /** Most parameters accepted in query string and body together. */
  maxParameters: number;
}

export const DEFAULT_LIMITS: RequestLimits = { maxBodyBytes: 256 * 1024, maxParameters: 500 };

/** Parameters by name. Built with `defineProperty` so a hostile `__proto__` stays a plain key. */
export type ParamBag = Record<string, string>;

export function newParamBag(): ParamBag {
  return {};
}

export function setParam(bag: ParamBag, name: string, value: string): void {
  Object.defineProperty(bag, name, { value, enumerable: true, writable: true, configurable: true });
}

function hasParam(bag: ParamBag, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(bag, name);
}

/** Own-property read: never falls through to `Object.prototype` for names like `constructor`. */
export function getParam(bag: ParamBag, name: string): string | undefined {
  return hasParam(bag, name) ? bag[name] : undefined;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeComponent(raw: string): string {
  // `+` is a space in form encoding; clients that follow Alibaba's rules send %20 anyway.
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw new ApiError(400, 'InvalidParameter', 'The request contains malformed percent-encoding.');
  }
}

/**
 * Parses `a=1&b=2` into `into`. A name given twice must carry the same value both times (query
 * and body share one bag, so this also covers a parameter repeated across the two).
 */
export function parseUrlEncoded(text: string, into: ParamBag, limits: RequestLimits): void {
  if (text.length === 0) return;
  let count = Object.keys(into).length;
  for (const pair of text.split('&')) {
    if (pair.length === 0) continue;
    const eq = pair.indexOf('=');
    const name = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decodeComponent(pair.slice(eq + 1));
    if (name.length === 0) {
      throw new ApiError(400, 'InvalidParameter', 'The request contains a parameter without a name.');
    }
    const existing = getParam(into, name);
    if (existing !== undefined) {
      if (existing !== value) throw commonErrors.invalidParameter(name);
      continue;
    }
    count += 1;
    if (count > limits.maxParameters) {
      throw new ApiError(
        400,
        'InvalidParameter',
        `The request carries more than ${limits.maxParameters} parameters.`,
      );
    }
    setParam(into, name, value);
  }
}

export class BodyTooLargeError extends ApiError {
  constructor(limit: number) {
    super(413, 'RequestEntityTooLarge', `The request body is larger than the ${limit} bytes this service accepts.`);
  }
}

/** The client went away mid-body: there is nobody to answer. */
export class ClientAbortedError extends Error {
  constructor() {
    super('client aborted the request body');
    this.name = 'ClientAbortedError';
  }
}

/** Rejects early on a declared Content-Length over the limit, so a huge upload is never buffered. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) {
    return Promise.reject(new BodyTooLargeError(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: Error | null, body?: Buffer) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      if (error) reject(error);
      else resolve(body ?? Buffer.alloc(0));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        finish(new BodyTooLargeError(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(null, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    const onError = () => finish(new ClientAbortedError());
    const onClose = () => {
      if (!req.complete) finish(new ClientAbortedError());
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** Decodes a form body: must be UTF-8 text; binary payloads get a clear 400. */
function decodeFormBody(body: Buffer): string {
  try {
    return fatalUtf8.decode(body);
  } catch {
    throw new ApiError(400, 'InvalidParameter', 'The request body is not valid UTF-8 form data.');
  }
}

export function isFormContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const mediaType = contentType.split(';', 1)[0] ?? '';
  return mediaType.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

export interface ParsedParameters {
  /** The URL query alone (the V3 canonical request signs only these). */
  query: ParamBag;
  /** Query and form body merged: what V1 signs and what the domain receives. */
  params: ParamBag;
}

/**
 * Splits `req.url` into path and query and merges in a form body. A non-empty body of any other
 * content type is refused: an RPC call has nowhere else to put parameters.
 */
export function parseParameters(
  rawQuery: string,
  body: Buffer,
  contentType: string | undefined,
  limits: RequestLimits,
): ParsedParameters {
  const query = newParamBag();
  parseUrlEncoded(rawQuery, query, limits);
  if (body.length === 0) return { query, params: query };
  if (!isFormContentType(contentType)) {
    throw new ApiError(
      400,
      'InvalidParameter',
      'The request body must be application/x-www-form-urlencoded parameters.',
    );
  }
  const params = newParamBag();
  for (const name of Object.keys(query)) setParam(params, name, query[name] ?? '');
  parseUrlEncoded(decodeFormBody(body), params, limits);
  return { query, params };
}

export function splitUrl(url: string): { path: string; rawQuery: string } {
  const q = url.indexOf('?');
  return q < 0 ? { path: url, rawQuery: '' } : { path: url.slice(0, q), rawQuery: url.slice(q + 1) };
}

/** Node's `headersDistinct` (every value of a repeated header), with lower-case names. */
export type HeaderLists = Readonly<Record<string, readonly string[] | undefined>>;

/** The single value of a header; a header repeated with different values is refused. */
export function singleHeader(headers: HeaderLists, name: string): string | undefined {
  const values = headers[name];
  if (values === undefined || values.length === 0) return undefined;
  const first = values[0] ?? '';
  if (values.some((v) => v !== first)) {
    throw new ApiError(400, 'InvalidParameter', `The request header "${name}" is given more than once.`);
  }
  return first;
}
