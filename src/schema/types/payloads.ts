/** Mutation payloads. */
import { Field, ObjectType } from '../type-graphql';
import { PhysicalConnection } from './physical-connection';

@ObjectType({ description: 'Result of `terminatePhysicalConnection`.' })
export class TerminatePhysicalConnectionPayload {
  @Field(() => PhysicalConnection, {
    description:
      'The circuit read fresh after the call: normally TERMINATING; poll `physicalConnection` until it is TERMINATED.',
  })
  physicalConnection!: PhysicalConnection;

  @Field(() => String, {
    description: 'Upstream RequestId of the TerminatePhysicalConnection call (for support tickets).',
  })
  requestId!: string;

  @Field(() => String, {
    description: 'The idempotency token used (yours, or the generated one): retry with it to be safe.',
  })
  clientToken!: string;
}
