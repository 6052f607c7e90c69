/**
 * Writing responses: every one carries `x-acs-request-id` and an exact Content-Length. Also the
 * socket-level misbehaviour that fault injection needs (dropped and truncated responses).
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { ApiError } from '../api-error';
import {
  JSON_CONTENT_TYPE,
  renderError,
  renderSuccess,
  XML_CONTENT_TYPE,
  type ErrorContext,
  type RenderedBody,
  type ResponseFormat,
} from './render';

/** Uppercase UUID, like `4EC47282-1B74-4534-BD0E-403F3EE64CAF`. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

/** A response ready to send, kept apart from sending so an `afterEffect` fault can act on it. */
export interface Reply {
  status: number;
  rendered: RenderedBody;
  headers: Record<string, string>;
}

export function sendBody(
  res: ServerResponse,
  status: number,
  rendered: RenderedBody,
  requestId: string,
  extraHeaders: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const payload = Buffer.from(rendered.body, 'utf8');
  res.writeHead(status, {
    ...extraHeaders,
    'content-type': rendered.contentType,
    'content-length': String(payload.length),
    'x-acs-request-id': requestId,
  });
  res.end(payload);
}

export function sendApiError(
  res: ServerResponse,
  error: ApiError,
  context: ErrorContext,
  format: ResponseFormat,
  extraHeaders: Record<string, string> = {},
): void {
  sendBody(res, error.httpStatus, renderError(error, context, format), context.requestId, extraHeaders);
}

/** Kills the connection without a byte of response (a `drop` fault, or a client that left). */
export function dropConnection(res: ServerResponse): void {
  res.socket?.destroy();
}

/** Announces the full Content-Length, sends half of the body, then closes the socket. */
export function sendTruncated(res: ServerResponse, rendered: RenderedBody, requestId: string, status = 200): void {
  if (res.headersSent || res.destroyed) return;
  const payload = Buffer.from(rendered.body, 'utf8');
  res.writeHead(status, {
    'content-type': rendered.contentType,
    'content-length': String(payload.length),
    'x-acs-request-id': requestId,
  });
  // Destroy only once the first half reached the socket, so the client really sees a short body.
  res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.socket?.destroy());
}

/** For the `truncated` fault: a valid body, so being cut short is its only defect. */
export function wellFormedBody(requestId: string, format: ResponseFormat): RenderedBody {
  return renderSuccess('Fault', { RequestId: requestId, Note: 'This response was cut short by an injected fault.' }, format);
}

/** For the `malformed` fault: a 200 body in the announced content type that never parses. */
export function unparseableBody(requestId: string, format: ResponseFormat): RenderedBody {
  return format === 'XML'
    ? { contentType: XML_CONTENT_TYPE, body: `<?xml version="1.0" encoding="UTF-8"?><Response><RequestId>${requestId}</Req` }
    : { contentType: JSON_CONTENT_TYPE, body: `{"RequestId":"${requestId}","PhysicalConnectionSet":{"PhysicalConnectionType":[{"Status":` };
}
