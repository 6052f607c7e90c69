/** Mutation payloads: the upstream RequestId, the token used, and the resource read after the write. */
import { Field, ID, ObjectType } from '../type-graphql';
import { PhysicalConnection } from './physical-connection';

@ObjectType({ description: 'What every write answers (base of the payloads).' })
class WritePayload {
  @Field(() => String, { description: 'Upstream RequestId of the call (the original one on a replay; for support tickets).' })
  requestId!: string;

  @Field(() => String, {
    description: 'The idempotency token used (yours, or the generated one): retry with it to be safe.',
  })
  clientToken!: string;
}

@ObjectType({ description: 'Result of `terminatePhysicalConnection`.' })
export class TerminatePhysicalConnectionPayload extends WritePayload {
  @Field(() => PhysicalConnection, {
    description:
      'The circuit read fresh after the call: normally TERMINATING; poll `physicalConnection` until it is TERMINATED.',
  })
  physicalConnection!: PhysicalConnection;
}

@ObjectType({ description: 'Result of `createPhysicalConnection`.' })
export class CreatePhysicalConnectionPayload extends WritePayload {
  @Field(() => ID, { description: 'The new circuit (the same one on a replay of the token).' })
  physicalConnectionId!: string;

  @Field(() => PhysicalConnection, {
    nullable: true,
    description: 'The new circuit read after the call (INITIAL); null when that read failed or did not find it yet.',
  })
  physicalConnection!: PhysicalConnection | null;
}

@ObjectType({ description: 'Result of `confirmPhysicalConnection`.' })
export class ConfirmPhysicalConnectionPayload extends WritePayload {
  @Field(() => PhysicalConnection, { description: 'The circuit read fresh after the call: CONFIRMED.' })
  physicalConnection!: PhysicalConnection;
}

@ObjectType({ description: 'Result of `enablePhysicalConnection`.' })
export class EnablePhysicalConnectionPayload extends WritePayload {
  @Field(() => PhysicalConnection, {
    description:
      'The circuit read fresh after the call: CONFIRMED while the upstream enables it (there is no ENABLING status); poll `physicalConnection` until it is ENABLED.',
  })
  physicalConnection!: PhysicalConnection;
}

@ObjectType({ description: 'Result of `cancelPhysicalConnection`.' })
export class CancelPhysicalConnectionPayload extends WritePayload {
  @Field(() => PhysicalConnection, { description: 'The circuit read fresh after the call: CANCELED.' })
  physicalConnection!: PhysicalConnection;
}

@ObjectType({ description: 'Result of `recoverPhysicalConnection`.' })
export class RecoverPhysicalConnectionPayload extends WritePayload {
  @Field(() => PhysicalConnection, { description: 'The circuit read fresh after the call: ENABLED.' })
  physicalConnection!: PhysicalConnection;
}

@ObjectType({ description: 'Result of `deletePhysicalConnection`.' })
export class DeletePhysicalConnectionPayload extends WritePayload {
  @Field(() => ID, { description: 'The deleted circuit.' })
  physicalConnectionId!: string;

  @Field(() => PhysicalConnection, { nullable: true, description: 'Null once the circuit is gone (at once).' })
  physicalConnection!: PhysicalConnection | null;
}

@ObjectType({ description: 'Result of `updatePhysicalConnection`.' })
export class UpdatePhysicalConnectionPayload extends WritePayload {
  @Field(() => PhysicalConnection, {
    nullable: true,
    description:
      'The circuit read fresh after the call, with the changes (a REJECTED circuit is INITIAL again: back to review); null when that read failed.',
  })
  physicalConnection!: PhysicalConnection | null;
}
