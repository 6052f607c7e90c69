/**
 * The VBR lifecycle mutations: each validates its whole input (nothing is sent on bad input), then
 * hands the decision to its service (src/services/vbrs/).
 */
import type { GatewayContext } from '../schema/context';
import { Arg, Ctx, Mutation, Resolver } from '../schema/type-graphql';
import {
  CreateVbrPayload,
  DeleteVbrPayload,
  RecoverVbrPayload,
  TerminateVbrPayload,
  UpdateVbrPayload,
} from '../schema/types/vbr-payloads';
import { CreateVbrInput, DeleteVbrInput, RecoverVbrInput, TerminateVbrInput, UpdateVbrInput } from '../schema/vbr-inputs';
import { createVbrService, type CreateVbrResult } from '../services/vbrs/create.service';
import { deleteVbrService } from '../services/vbrs/delete.service';
import { recoverVbrService } from '../services/vbrs/recover.service';
import { terminateVbrService } from '../services/vbrs/terminate.service';
import type { VbrWriteResult } from '../services/vbrs/transition';
import { updateVbrService } from '../services/vbrs/update.service';
import { createVbrArgs, updateVbrArgs, vbrActionArgs } from './vbr-input';

const IDEMPOTENT = 'Idempotent per clientToken; every error of the upstream call carries `extensions.clientToken`.';

@Resolver()
export class VbrLifecycleResolver {
  @Mutation(() => CreateVbrPayload, {
    description: `Creates a VBR on one of this account's ENABLED circuits (CreateVirtualBorderRouter): ACTIVE, or UNCONFIRMED when created for another account. ${IDEMPOTENT}`,
  })
  createVbr(
    @Arg('input', () => CreateVbrInput, { description: 'The circuit, the VLAN and the VBR settings.' }) input: CreateVbrInput,
    @Ctx() context: GatewayContext,
  ): Promise<CreateVbrResult> {
    return createVbrService.execute(context, createVbrArgs(input, context));
  }

  @Mutation(() => UpdateVbrPayload, {
    description: `Changes a VBR's attributes (ModifyVirtualBorderRouterAttribute); see \`availableActions\` UPDATE. ${IDEMPOTENT}`,
  })
  updateVbr(
    @Arg('input', () => UpdateVbrInput, { description: 'The VBR and the fields to change.' }) input: UpdateVbrInput,
    @Ctx() context: GatewayContext,
  ): Promise<VbrWriteResult> {
    return updateVbrService.execute(context, updateVbrArgs(input, context));
  }

  @Mutation(() => TerminateVbrPayload, {
    description: `Terminates an ACTIVE VBR (circuit owner only); it is TERMINATING when this returns and becomes TERMINATED by itself. ${IDEMPOTENT}`,
  })
  terminateVbr(
    @Arg('input', () => TerminateVbrInput, { description: 'The VBR and an optional idempotency token.' }) input: TerminateVbrInput,
    @Ctx() context: GatewayContext,
  ): Promise<VbrWriteResult> {
    return terminateVbrService.execute(context, vbrActionArgs(input, context));
  }

  @Mutation(() => RecoverVbrPayload, {
    description: `Recovers a TERMINATED VBR on an ENABLED circuit (circuit owner only); it is RECOVERING when this returns and becomes ACTIVE by itself. ${IDEMPOTENT}`,
  })
  recoverVbr(
    @Arg('input', () => RecoverVbrInput, { description: 'The VBR and an optional idempotency token.' }) input: RecoverVbrInput,
    @Ctx() context: GatewayContext,
  ): Promise<VbrWriteResult> {
    return recoverVbrService.execute(context, vbrActionArgs(input, context));
  }

  @Mutation(() => DeleteVbrPayload, {
    description: `Deletes an UNCONFIRMED, ACTIVE or TERMINATED VBR (another account's only while UNCONFIRMED); it is DELETING when this returns, then gone. ${IDEMPOTENT}`,
  })
  async deleteVbr(
    @Arg('input', () => DeleteVbrInput, { description: 'The VBR and an optional idempotency token.' }) input: DeleteVbrInput,
    @Ctx() context: GatewayContext,
  ): Promise<VbrWriteResult & { vbrId: string }> {
    const args = vbrActionArgs(input, context);
    return { ...(await deleteVbrService.execute(context, args)), vbrId: args.vbrId };
  }
}
