/**
 * Acting out an injected fault on the socket (the fault itself is chosen by control/faults.ts):
 * a delay, then an error body, a dropped connection, a garbled or a truncated response.
 * Invariant: every path either answers once or drops the socket; `stop()` cancels every delay.
 */
import type { ServerResponse } from 'node:http';
import { ApiError } from '../api-error';
import { faultError, type Fault } from '../control/faults';
import type { ErrorContext, ResponseFormat } from './render';
import {
  dropConnection,
  sendApiError,
  sendBody,
  sendTruncated,
  unparseableBody,
  wellFormedBody,
  type Reply,
} from './respond';

/** Cancellable waits, so `stop()` never hangs behind an injected latency. */
export class Delays {
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

export class FaultActs {
  constructor(private readonly delays: Delays) {}

  /** Before the operation. Returns true when the request should go on normally (a pure latency fault). */
  async before(fault: Fault, res: ServerResponse, context: ErrorContext, format: ResponseFormat): Promise<boolean> {
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
   * After the operation ran (`afterEffect`), on its own reply: the delay comes after it, and a
   * client leaving meanwhile undoes nothing (as with a real endpoint whose answer is lost on the way back).
   */
  async after(fault: Fault, res: ServerResponse, reply: Reply, context: ErrorContext, format: ResponseFormat): Promise<void> {
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
}
