/**
 * One API request: parse (bounded) -> count -> route (path, Format, Action, Version) -> faults ->
 * authenticate -> flow control -> strip common parameters -> `domain.dispatch` -> render. An `afterEffect` fault
 * is acted out after render instead, on the operation's own reply.
 * Invariants: every request is counted once, refused or not; the domain never sees a common or
 * signature parameter; every error is answered in the request's Format.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, commonErrors } from '../api-error';
import type { EmulatorDomain } from '../contract';
import type { CallCounters } from '../control/counters';
import type { FaultStore } from '../control/faults';
import type { FlowControl } from '../control/flow-control';
import type { Authenticator } from './auth';
import type { FaultActs } from './fault-acts';
import { hostIdFrom, parseFormat, renderError, renderSuccess, type ErrorContext, type ResponseFormat } from './render';
import {
  ClientAbortedError,
  getParam,
  newParamBag,
  parseParameters,
  readBody,
  setParam,
  singleHeader,
  type HeaderLists,
  type ParamBag,
  type RequestLimits,
} from './request';
import { dropConnection, newRequestId, sendBody, type Reply } from './respond';

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

export interface ApiDeps {
  domain: EmulatorDomain;
  auth: Authenticator;
  counters: CallCounters;
  faults: FaultStore;
  flowControl: FlowControl;
  limits: RequestLimits;
  /** Called with anything but an `ApiError` escaping the domain (answered as 500 InternalError). */
  onInternalError?: (error: unknown) => void;
}

function businessParameters(params: ParamBag): ParamBag {
  const out = newParamBag();
  for (const name of Object.keys(params)) {
    if (!COMMON_PARAMETERS.has(name)) setParam(out, name, params[name] ?? '');
  }
  return out;
}

function firstHeader(headers: HeaderLists, name: string): string | undefined {
  return headers[name]?.[0];
}

export class ApiHandler {
  constructor(
    private readonly deps: ApiDeps,
    private readonly acts: FaultActs,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, path: string, rawQuery: string): Promise<void> {
    const requestId = newRequestId();
    const headers = req.headersDistinct;
    const isV3 = headers['authorization'] !== undefined;
    const context: ErrorContext = { requestId, hostId: hostIdFrom(firstHeader(headers, 'host')) };
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
      const run = (): Reply => {
        const caller = this.deps.auth.authenticate({ method, query, params, headers, body });
        // Per main account, region and action, as Alibaba counts (docs/emulator.md#flow-control).
        this.deps.flowControl.admit({ accountId: caller.accountId, regionId: param('RegionId') ?? '', action });
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
        await this.acts.after(fault, res, reply, context, format);
        return;
      }
      if (fault && !(await this.acts.before(fault, res, context, format))) return;
      const reply = run();
      sendBody(res, reply.status, reply.rendered, requestId, reply.headers);
    } catch (error) {
      if (!counted) this.deps.counters.record(firstHeader(headers, 'x-acs-action'));
      this.fail(error, res, context, format);
    }
  }

  private errorReply(error: unknown, context: ErrorContext, format: ResponseFormat): Reply {
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

  private fail(error: unknown, res: ServerResponse, context: ErrorContext, format: ResponseFormat): void {
    if (error instanceof ClientAbortedError) {
      dropConnection(res);
      return;
    }
    const reply = this.errorReply(error, context, format);
    sendBody(res, reply.status, reply.rendered, context.requestId, reply.headers);
  }
}
