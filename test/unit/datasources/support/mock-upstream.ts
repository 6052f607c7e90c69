/**
 * A scripted upstream on undici's MockAgent for unit tests of the data source: every request is
 * recorded (action, decoded query, headers) and answered by a handler. Net connect is disabled,
 * so a request nobody scripted fails loudly instead of leaving the machine.
 */
import { MockAgent } from 'undici';

export const ORIGIN = 'http://vpc.test:9100';

export interface RecordedRequest {
  action: string;
  method: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  path: string;
}

export interface ScriptedReply {
  status?: number;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  headers?: Record<string, string>;
  /** The body is sent only once this settles (the request stays in flight until then). */
  hold?: Promise<unknown>;
}

export type Handler = (req: RecordedRequest, index: number) => ScriptedReply;

function normalizeHeaders(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) return out;
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) out[String(raw[i]).toLowerCase()] = String(raw[i + 1]);
  } else if (typeof (raw as { entries?: unknown }).entries === 'function' && !(raw.constructor === Object)) {
    for (const [k, v] of (raw as Map<string, string>).entries()) out[k.toLowerCase()] = v;
  } else {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) out[k.toLowerCase()] = String(v);
  }
  return out;
}

export function record(path: string, method: string, headers: unknown): RecordedRequest {
  const query: Record<string, string> = {};
  const search = path.includes('?') ? path.slice(path.indexOf('?') + 1) : '';
  for (const [k, v] of new URLSearchParams(search)) query[k] = v;
  const h = normalizeHeaders(headers);
  return { action: h['x-acs-action'] ?? query.Action ?? '', method, query, headers: h, path };
}

export interface MockUpstream {
  agent: MockAgent;
  requests: RecordedRequest[];
  /** Number of requests for one action. */
  count(action: string): number;
  /**
   * Replies whose body was actually produced. MockAgent skips the body of a request aborted while
   * its reply was delayed or held, so this tells "cancelled in flight" from "answered, then ignored".
   */
  delivered(): number;
  close(): Promise<void>;
}

export interface MockUpstreamOptions {
  delayMs?: number;
  origin?: string;
  /** Connection-level failures served (in order, once each) before the handler answers. */
  failFirst?: Error[];
}

export function mockUpstream(handler: Handler, options: MockUpstreamOptions = {}): MockUpstream {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const requests: RecordedRequest[] = [];
  let delivered = 0;
  const pool = agent.get(options.origin ?? ORIGIN);
  // MockAgent tries interceptors in registration order, so these go before the persistent one.
  for (const error of options.failFirst ?? []) pool.intercept({ path: () => true, method: () => true }).replyWithError(error);
  const scope = pool
    .intercept({ path: () => true, method: () => true })
    .reply((opts) => {
      const req = record(opts.path, opts.method, opts.headers);
      requests.push(req);
      const reply = handler(req, requests.length - 1);
      const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
      const produce = (): string => {
        delivered += 1;
        return body;
      };
      const { hold } = reply;
      return {
        statusCode: reply.status ?? 200,
        // A function: MockAgent calls it only when the reply is really sent (not after an abort).
        data: hold ? () => hold.then(produce) : produce,
        responseOptions: { headers: { 'content-type': 'application/json;charset=utf-8', ...reply.headers } },
      };
    })
    .persist();
  if (options.delayMs) scope.delay(options.delayMs);
  return {
    agent,
    requests,
    count: (action) => requests.filter((r) => r.action === action).length,
    delivered: () => delivered,
    close: () => agent.close(),
  };
}

/** An Alibaba error body. */
export function apiError(status: number, code: string, message = `${code} happened`, extra: Record<string, unknown> = {}): ScriptedReply {
  return {
    status,
    body: { RequestId: `REQ-${code.replace(/\W/g, '')}`, HostId: 'vpc.test', Code: code, Message: message, Recommend: 'https://example.invalid', ...extra },
  };
}

export const STATIC_CREDENTIALS = { accessKeyId: 'LTAITestKeyId', accessKeySecret: 'TestSecretValue-Do-Not-Leak-9f8e7d' };
