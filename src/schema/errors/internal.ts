/** Anything unexpected, as the client sees it: no details, a correlation id for the log line. */
import { GatewayError, type BaseExtensions } from './base';

export type InternalServerErrorExtensions = BaseExtensions<'INTERNAL_SERVER_ERROR'> & {
  /** Quote it to operators: the log line with the details carries the same id. */
  correlationId: string;
};

export class InternalServerError extends GatewayError<InternalServerErrorExtensions> {
  constructor(correlationId: string) {
    super('Internal server error.', { code: 'INTERNAL_SERVER_ERROR', retryable: false, correlationId });
  }
}
