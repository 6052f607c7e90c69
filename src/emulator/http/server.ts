/**
 * The HTTP front of the emulator: one `node:http` server, keep-alive, no per-request logging.
 *
 * An API request goes: parse (bounded) -> count -> route (path, Format, Action, Version) -> faults
 * -> authenticate -> strip common parameters -> `domain.dispatch` -> render. An `afterEffect`
 * fault is acted out after render instead, on the operation's own response. `/_emulator/*` goes
 * to control/endpoints.ts instead and is never counted.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ApiError, commonErrors } from '../api-error';
import type { Authenticator } from './auth';
import type { CallCounters } from '../control/counters';
import type { EmulatorDomain } from '../contract';
import { handleControl, isControlPath, isLoopbackName, type ControlDeps } from '../control/endpoints';
import { faultError, type Fault, type FaultStore } from '../control/faults';
import {
  dropConnection,
  newRequestId,
  sendApiError,
  sendBody,
  sendTruncated,
  unparseableBody,
  wellFormedBody,
} from './respond';
import {
  hostIdFrom,
  parseFormat,
  renderError,
  renderSuccess,
  type RenderedBody,
  type ResponseFormat,
} from './render';
import {
  ClientAbortedError,
  getParam,
  newParamBag,
  parseParameters,
  readBody,
  setParam,
  singleHeader,
  splitUrl,
  type HeaderLists,
  type ParamBag,
  type RequestLimits,
} from './request';

export const API_VERSION = '2016-04-28';

/** Common and signature parameters: consumed here, never seen by the domain. */
const COMMON_PARAMETERS = new Set([
  'Action', 'Version', 'Format', 'AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion',
  'SignatureNonce', 'SignatureType', 'Timestamp', 'SecurityToken', 'OwnerId', 'OwnerAccount',
  'ResourceOwnerId', 'ResourceOwnerAccount',
]);

const routeErrors = {
  apiNotFound: () =>
    new ApiError(404, 'InvalidApi.NotFound', 'Specified api is not found, please check your url and method.'),
  actionNotFound: () =>
    new ApiError(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.'),
  method: () => new ApiError(400, 'UnsupportedHTTPMethod', 'This http method not supported.'),
  version: () => new ApiError(400, 'InvalidVersion', 'Specified parameter Version is not valid.'),
};

export interface ServerDeps extends ControlDeps {
  domain: EmulatorDomain;
  auth: Authenticator;
  counters: CallCounters;
  faults: FaultStore;
  limits: RequestLimits;
  /** Called with anything but an `ApiError` escaping the domain (answered as 500 InternalError). */
  onInternalError?: (error: unknown) => void;
}

/** Cancellable waits, so `stop()` never hangs behind an injected latency. */
class Delays {
  private readonly pending = new Map<NodeJS.Timeout, () => void>();

  wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve(true);
      }, ms);
      this.pending.set(timer, () => resolve(false));
    });
  }

  cancelAll(): void {
    for (const [timer, cancel] of this.pending) {
      clearTimeout(timer);
      cancel();
    }
    this.pending.clear();
  }
}

function businessParameters(params: ParamBag): ParamBag {
  const out = newParamBag();
  for (const name of Object.keys(params)) {
    if (!COMMON_PARAMETERS.has(name)) setParam(out, name, params[name] ?? '');
  }
  return out;
}

/** A response ready to send (status, body, extra headers), kept apart from sending for afterEffect faults. */
interface Reply {
  status: number;
  rendered: RenderedBody;
  headers: Record<string, string>;
}

function firstHeader(headers: HeaderLists, name: string): string | undefined {
  return headers[name]?.[0];
}

class ApiHandler {
  constructor(
    private readonly deps: ServerDeps,
    private readonly delays: Delays,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, path: string, rawQuery: string): Promise<void> {
    const requestId = newRequestId();
    const headers = req.headersDistinct;
    const isV3 = headers['authorization'] !== undefined;
    const context = { requestId, hostId: hostIdFrom(firstHeader(headers, 'host')) };
    let format: ResponseFormat = 'JSON';
    let counted = false;
    try {
      const method = req.method;
      if (method !== 'GET' && method !== 'POST') throw routeErrors.method();
      const body = await readBody(req, this.deps.limits.maxBodyBytes);
      const { query, params } = parseParameters(rawQuery, body, firstHeader(headers, 'content-type'), this.deps.limits);
      const param = (name: string) => getParam(params, name);
      const action = isV3
        ? (singleHeader(headers, 'x-acs-action') ?? param('Action'))
        : (param('Action') ?? singleHeader(headers, 'x-acs-action'));
      this.deps.counters.record(action);
      counted = true;
      format = parseFormat(param('Format'));
      if (path !== '/') throw routeErrors.apiNotFound();
      if (!action) throw commonErrors.missingParameter('Action');
      const version = isV3
        ? (singleHeader(headers, 'x-acs-version') ?? param('Version'))
        : (param('Version') ?? singleHeader(headers, 'x-acs-version'));
      if (!version) throw commonErrors.missingParameter('Version');
      if (version !== API_VERSION) throw routeErrors.version();
      if (!this.deps.domain.hasAction(action)) throw routeErrors.actionNotFound();

      const fault = this.deps.faults.take(action);
      const run = () => {
        const caller = this.deps.auth.authenticate({ method, query, params, headers, body });
        const result = this.deps.domain.dispatch({
          action,
          params: businessParameters(params),
          accountId: caller.accountId,
          requestId,
        });
        const responseBody = 'RequestId' in result ? result : { RequestId: requestId, ...result };
        return { status: 200, rendered: renderSuccess(action, responseBody, format), headers: {} };
      };
      if (fault?.afterEffect) {
        // The operation's own outcome, refusals included, is what the fault then loses or garbles.
        let reply: Reply;
        try {
          reply = run();
        } catch (error) {
          reply = this.errorReply(error, context, format);
        }
        await this.actOutAfterEffect(fault, res, reply, context, format);
        return;
      }
      if (fault && !(await this.actOutFault(fault, res, context, format))) return;
      const reply = run();
      sendBody(res, reply.status, reply.rendered, requestId, reply.headers);
    } catch (error) {
      if (!counted) this.deps.counters.record(firstHeader(headers, 'x-acs-action'));
      this.fail(error, res, context, format);
    }
  }

  /** Returns true when the request should go on normally afterwards (a pure latency fault). */
  private async actOutFault(
    fault: Fault,
    res: ServerResponse,
    context: { requestId: string; hostId: string },
    format: ResponseFormat,
  ): Promise<boolean> {
    if (!(await this.delayFor(fault, res))) return false;
    switch (fault.type) {
      case 'latency':
        return true;
      case 'drop':
        dropConnection(res);
        return false;
      case 'error': {
        const { httpStatus, code, message } = faultError(fault);
        const extra: Record<string, string> =
          fault.retryAfterMs !== undefined ? { 'x-acs-retry-after': String(fault.retryAfterMs) } : {};
        sendApiError(res, new ApiError(httpStatus, code, message), context, format, extra);
        return false;
      }
      case 'malformed':
        sendBody(res, 200, unparseableBody(context.requestId, format), context.requestId);
        return false;
      case 'truncated':
        sendTruncated(res, wellFormedBody(context.requestId, format), context.requestId);
        return false;
    }
  }

  /**
   * The operation has already run: the delay comes after it, and a client leaving meanwhile
   * undoes nothing (as with a real endpoint whose answer is lost on the way back).
   */
  private async actOutAfterEffect(
    fault: Fault,
    res: ServerResponse,
    reply: Reply,
    context: { requestId: string; hostId: string },
    format: ResponseFormat,
  ): Promise<void> {
    if (!(await this.delayFor(fault, res))) return;
    switch (fault.type) {
      case 'drop':
        dropConnection(res);
        return;
      case 'malformed':
        sendBody(res, 200, unparseableBody(context.requestId, format), context.requestId);
        return;
      case 'truncated':
        sendTruncated(res, reply.rendered, context.requestId, reply.status);
        return;
      case 'latency':
      case 'error': // refused by parseFaultSpec; served as is should one ever get here
        sendBody(res, reply.status, reply.rendered, context.requestId, reply.headers);
        return;
    }
  }

  /** Waits the fault's `latencyMs`; false (and the socket dropped) if stopped or the client left. */
  private async delayFor(fault: Fault, res: ServerResponse): Promise<boolean> {
    if (fault.latencyMs === undefined || fault.latencyMs <= 0) return true;
    const completed = await this.delays.wait(fault.latencyMs);
    if (!completed || res.destroyed) {
      dropConnection(res);
      return false;
    }
    return true;
  }

  private errorReply(error: unknown, context: { requestId: string; hostId: string }, format: ResponseFormat): Reply {
    let apiError: ApiError;
    if (error instanceof ApiError) {
      apiError = error;
    } else {
      this.deps.onInternalError?.(error);
      apiError = commonErrors.internalError();
    }
    // A body we refused to read may still be arriving: do not try to reuse this connection.
    const headers: Record<string, string> = apiError.httpStatus === 413 ? { connection: 'close' } : {};
    return { status: apiError.httpStatus, rendered: renderError(apiError, context, format), headers };
  }

  private fail(
    error: unknown,
    res: ServerResponse,
    context: { requestId: string; hostId: string },
    format: ResponseFormat,
  ): void {
    if (error instanceof ClientAbortedError) {
      dropConnection(res);
      return;
    }
    const reply = this.errorReply(error, context, format);
    sendBody(res, reply.status, reply.rendered, context.requestId, reply.headers);
  }
}

export interface ListeningServer {
  host: string;
  port: number;
  url: string;
  server: Server;
  stop(): Promise<void>;
}

function formatUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export function listen(deps: ServerDeps, host: string, port: number): Promise<ListeningServer> {
  const delays = new Delays();
  const api = new ApiHandler(deps, delays);
  const loopbackOnly = isLoopbackName(host);
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const { path, rawQuery } = splitUrl(req.url ?? '/');
    const work = isControlPath(path)
      ? handleControl(req, res, path, deps, newRequestId(), loopbackOnly)
      : api.handle(req, res, path, rawQuery);
    // Handlers answer every error themselves; this only guards against a bug leaving a socket open.
    work.catch(() => dropConnection(res));
  };
  const server: Server = createServer({ keepAlive: true, requestTimeout: 30_000 }, onRequest);
  server.keepAliveTimeout = 30_000;
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      let stopping: Promise<void> | undefined;
      resolve({
        host,
        server,
        port: address.port,
        url: formatUrl(host, address.port),
        stop: () => {
          stopping ??= new Promise<void>((done) => {
            delays.cancelAll();
            server.close(() => done());
            server.closeAllConnections();
            for (const socket of sockets) socket.destroy();
          });
          return stopping;
        },
      });
    });
  });
}
