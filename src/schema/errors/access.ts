/** The gateway's own authentication and authorization (raised by the runtime, src/server). */
import { GatewayError, type BaseExtensions } from './base';

export type UnauthenticatedExtensions = BaseExtensions<'UNAUTHENTICATED'>;

export class UnauthenticatedError extends GatewayError<UnauthenticatedExtensions> {
  constructor(message = 'Authentication required.') {
    super(message, { code: 'UNAUTHENTICATED', retryable: false });
  }
}

export type ForbiddenExtensions = BaseExtensions<'FORBIDDEN'> & {
  /** The scope the operation needs, when one scope would have allowed it. */
  requiredScope: string | null;
};

export class ForbiddenError extends GatewayError<ForbiddenExtensions> {
  constructor(message = 'Not allowed.', requiredScope: string | null = null) {
    super(message, { code: 'FORBIDDEN', retryable: false, requiredScope });
  }
}
