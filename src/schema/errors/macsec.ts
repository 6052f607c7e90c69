/**
 * MACSEC_KEY_NOT_FOUND: the circuit has no MACsec key of that name (CKN). Raised by the gateway's
 * own check (a fresh read of the circuit's keys) or mapped from the upstream's
 * `ResourceNotFound.PconnMacsec`, identically.
 */
import { GatewayError, withUpstream, type BaseExtensions, type UpstreamDetails } from './base';

export type MacsecKeyNotFoundExtensions = BaseExtensions<'MACSEC_KEY_NOT_FOUND'> & {
  physicalConnectionId: string;
  /** The key name asked for, upper-cased (the upstream's spelling). */
  ckn: string;
  upstream?: UpstreamDetails;
};

/** Shared by the error and a preview's blocker. */
export function macsecKeyNotFoundMessage(physicalConnectionId: string, ckn: string): string {
  return `Physical connection ${physicalConnectionId} has no MACsec key ${ckn}.`;
}

export class MacsecKeyNotFoundError extends GatewayError<MacsecKeyNotFoundExtensions> {
  constructor(physicalConnectionId: string, ckn: string, upstream?: UpstreamDetails, cause?: unknown) {
    super(
      macsecKeyNotFoundMessage(physicalConnectionId, ckn),
      withUpstream({ code: 'MACSEC_KEY_NOT_FOUND', retryable: false, physicalConnectionId, ckn }, upstream),
      cause,
    );
  }
}
