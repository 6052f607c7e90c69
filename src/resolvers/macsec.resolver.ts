/**
 * `disassociateMacsecKey`: validates every argument (nothing is sent on bad input), then hands the
 * decision to the MACsec service (src/services/circuits/macsec.service.ts).
 */
import type { GatewayContext } from '../schema/context';
import { Arg, Ctx, Mutation, Resolver } from '../schema/type-graphql';
import { DisassociateMacsecKeyInput, DisassociateMacsecKeyPayload } from '../schema/types/macsec';
import { macsecService, type DisassociateMacsecKeyResult } from '../services/circuits/macsec.service';
import { resolveRegionId, validateCkn, validatePhysicalConnectionId } from './validation';

@Resolver()
export class MacsecResolver {
  @Mutation(() => DisassociateMacsecKeyPayload, {
    description:
      "Disassociates a MACsec key from an ENABLED, unlocked dedicated circuit, as DisassociateMacSecKey does: a key in use becomes Disassociated and the circuit's most recently effective other key takes over; a Disassociated key is deleted. So clearing a circuit's keys (which blocks `terminatePhysicalConnection`) takes one call per Disassociated key, then two for the last one. The upstream takes no idempotency token: the gateway sends the call once (it retries only throttling), and after an unclear failure read `macsecKeys` instead of retrying blindly, since a second call on a key the first one disassociated deletes it. A key the circuit does not have is MACSEC_KEY_NOT_FOUND.",
  })
  async disassociateMacsecKey(
    @Arg('input', () => DisassociateMacsecKeyInput, { description: 'The circuit and the key name (CKN).' })
    input: DisassociateMacsecKeyInput,
    @Ctx() context: GatewayContext,
  ): Promise<DisassociateMacsecKeyResult> {
    const physicalConnectionId = validatePhysicalConnectionId(input.physicalConnectionId, 'input.physicalConnectionId');
    const regionId = resolveRegionId(input.regionId, context, 'input.regionId');
    const ckn = validateCkn(input.ckn, 'input.ckn');
    return macsecService.execute(context, { regionId, physicalConnectionId, ckn, regionField: 'input.regionId' });
  }
}
