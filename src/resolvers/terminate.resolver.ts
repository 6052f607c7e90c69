/**
 * `terminatePhysicalConnection`: validates every argument (nothing is sent on bad input), then
 * hands the decision to the terminate service (src/services/circuits/terminate.service.ts).
 */
import type { GatewayContext } from '../schema/context';
import { TerminatePhysicalConnectionInput } from '../schema/inputs';
import { Arg, Ctx, Mutation, Resolver } from '../schema/type-graphql';
import { TerminatePhysicalConnectionPayload } from '../schema/types/payloads';
import { terminateService, type TerminateResult } from '../services/circuits/terminate.service';
import { circuitWriteArgs } from './validation';

@Resolver()
export class TerminateResolver {
  @Mutation(() => TerminatePhysicalConnectionPayload, {
    description:
      'Terminates an ENABLED circuit that has no lock, VBRs, vpconns or MACsec keys (see `terminationCheck`). Asynchronous: the circuit is TERMINATING when this returns and becomes TERMINATED by itself. Idempotent per clientToken.',
  })
  async terminatePhysicalConnection(
    @Arg('input', () => TerminatePhysicalConnectionInput, { description: 'The circuit and an optional idempotency token.' })
    input: TerminatePhysicalConnectionInput,
    @Ctx() context: GatewayContext,
  ): Promise<TerminateResult> {
    return terminateService.execute(context, circuitWriteArgs(input, context));
  }
}
