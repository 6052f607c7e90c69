/** Payloads of the VBR lifecycle mutations: the upstream RequestId, the token, the VBR read after the write. */
import type { Vbr as VbrModel } from '../../datasources/models';
import { Field, ID, ObjectType } from '../type-graphql';
import { Vbr } from './vbr';

@ObjectType()
abstract class VbrWritePayload {
  @Field(() => String, { description: 'Upstream RequestId of the call (the original one on a replay; for support tickets).' })
  requestId!: string;

  @Field(() => String, { description: 'The idempotency token used (yours, or the generated one): retry with it to be safe.' })
  clientToken!: string;
}

@ObjectType({ description: 'Result of `createVbr`.' })
export class CreateVbrPayload extends VbrWritePayload {
  @Field(() => ID, { description: 'The new VBR.' })
  vbrId!: string;

  @Field(() => Vbr, {
    nullable: true,
    description: 'The new VBR read after the call (ACTIVE, or UNCONFIRMED for another account); null when that read failed or does not list it yet: poll `vbr(id: vbrId)`.',
  })
  vbr!: VbrModel | null;
}

@ObjectType({ description: 'Result of `updateVbr`.' })
export class UpdateVbrPayload extends VbrWritePayload {
  @Field(() => Vbr, { description: 'The VBR read after the call.' })
  vbr!: VbrModel;
}

@ObjectType({ description: 'Result of `terminateVbr`.' })
export class TerminateVbrPayload extends VbrWritePayload {
  @Field(() => Vbr, { description: 'The VBR read after the call: TERMINATING (TERMINATED on a replay); it becomes TERMINATED by itself.' })
  vbr!: VbrModel;
}

@ObjectType({ description: 'Result of `recoverVbr`.' })
export class RecoverVbrPayload extends VbrWritePayload {
  @Field(() => Vbr, { description: 'The VBR read after the call: RECOVERING (ACTIVE on a replay); it becomes ACTIVE by itself.' })
  vbr!: VbrModel;
}

@ObjectType({ description: 'Result of `deleteVbr`.' })
export class DeleteVbrPayload extends VbrWritePayload {
  @Field(() => ID, { description: 'The deleted VBR.' })
  vbrId!: string;

  @Field(() => Vbr, { nullable: true, description: 'The VBR read after the call: DELETING, or null once it is gone.' })
  vbr!: VbrModel | null;
}
