/** BAD_USER_INPUT: an argument the gateway or the upstream refused. */
import { GatewayError, withUpstream, type BaseExtensions, type UpstreamDetails } from './base';

export type BadUserInputExtensions = BaseExtensions<'BAD_USER_INPUT'> & {
  /** The argument at fault: `regionId`, `input.clientToken`, `after`, `filter.ids`, ... */
  field: string;
};

/** Invalid argument; nothing was sent upstream (or, with `upstream`, the upstream refused it). */
export class BadUserInputError extends GatewayError<BadUserInputExtensions & { upstream?: UpstreamDetails }> {
  constructor(field: string, message: string, upstream?: UpstreamDetails, cause?: unknown) {
    super(message, withUpstream({ code: 'BAD_USER_INPUT', retryable: false, field }, upstream), cause);
  }
}
