/**
 * AssociateMacSecKey and DisassociateMacSecKey: validated, then sent once through the `Writer`.
 *
 * Invariants: the upstream takes no idempotency token for them, so they are untokened writes (never
 * resent once they may have acted; `clientToken` null); the CAK is validated without being echoed
 * and goes nowhere but the signed request.
 */
import { MACSEC_CIPHER_SUITES, type WriteResult } from '../models';
import { Params } from './params';
import type { AssociateMacSecKeyRequest, CallOptions, DisassociateMacSecKeyRequest } from './requests';
import * as v from './validation';
import { MACSEC_CIPHER_SUITE_WIRE } from './wire-enums';
import type { Writer } from './writer';

/** Hex digits of a CKN or CAK under a suite: the 256-bit suites take 64, the 128-bit ones 32. */
const hexLength = (suite: (typeof MACSEC_CIPHER_SUITES)[number]): number => (suite.endsWith('_256') ? 64 : 32);

export class MacsecWrites {
  constructor(private readonly writer: Writer) {}

  async associate(req: AssociateMacSecKeyRequest, options: CallOptions): Promise<WriteResult> {
    const regionId = v.regionId(v.request(req).regionId);
    const suite = v.oneOf(req.cipherSuite, 'cipherSuite', MACSEC_CIPHER_SUITES);
    const params = new Params()
      .set('RegionId', regionId)
      .set('PhysicalConnectionId', v.physicalConnectionId(req.physicalConnectionId))
      .set('CipherSuite', MACSEC_CIPHER_SUITE_WIRE[suite])
      .set('Ckn', v.macsecHex(req.ckn, 'ckn', [hexLength(suite)]))
      .set('Cak', v.macsecHex(req.cak, 'cak', [hexLength(suite)]));
    return (await this.writer.sendUntokened('AssociateMacSecKey', regionId, params, options)).result;
  }

  async disassociate(req: DisassociateMacSecKeyRequest, options: CallOptions): Promise<WriteResult> {
    const regionId = v.regionId(v.request(req).regionId);
    const params = new Params()
      .set('RegionId', regionId)
      .set('PhysicalConnectionId', v.physicalConnectionId(req.physicalConnectionId))
      .set('Ckn', v.macsecHex(req.ckn, 'ckn', v.MACSEC_HEX_LENGTHS));
    return (await this.writer.sendUntokened('DisassociateMacSecKey', regionId, params, options)).result;
  }
}
