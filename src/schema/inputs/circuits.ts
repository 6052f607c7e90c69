/**
 * The inputs of the circuit lifecycle mutations. Every one carries `regionId` and `clientToken`
 * (a base class, not in the schema); the resolvers validate every field before anything is sent.
 */
import { Field, ID, InputType, Int } from '../type-graphql';
import type { LineOperator } from '../../datasources/models';
import { LineOperatorEnum } from '../enums';

const NAME = 'Name: 2 to 128 characters, a letter or Chinese character first, then letters, digits, Chinese characters, `.`, `_` or `-`.';
const DESCRIPTION = 'Description: 2 to 256 characters, a letter or Chinese character first, not starting with `http://` or `https://`.';
const PORT_TYPE = 'Port type: `100Base-T`, `1000Base-T`, `1000Base-LX`, `10GBase-T`, `10GBase-LR`, `40GBase-LR` or `100GBase-LR`.';
const REDUNDANT =
  'A redundant circuit (`pc-...`) of this account in the same region, ALLOCATED, CONFIRMED or ENABLED (the upstream checks it: BAD_USER_INPUT on this field).';

@InputType({ description: 'Region and idempotency token of a write (base of the mutation inputs).' })
class RegionalWriteInput {
  @Field(() => String, { nullable: true, description: 'Region; defaults to the gateway default region.' })
  regionId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Idempotency token (1-64 printable ASCII characters, no spaces, case-sensitive). Retrying with the same token after a success returns success again with no second effect. Generated and returned in the payload when omitted.',
  })
  clientToken?: string | null;
}

@InputType({ description: 'A write on one circuit (base of the mutation inputs).' })
class PhysicalConnectionWriteInput extends RegionalWriteInput {
  @Field(() => ID, { description: 'The circuit (`pc-...`).' })
  physicalConnectionId!: string;
}

@InputType({ description: 'Which circuit to terminate, and the idempotency token for retries.' })
export class TerminatePhysicalConnectionInput extends PhysicalConnectionWriteInput {}

@InputType({ description: 'Which ALLOCATED circuit to confirm, and the idempotency token for retries.' })
export class ConfirmPhysicalConnectionInput extends PhysicalConnectionWriteInput {}

@InputType({ description: 'Which CONFIRMED circuit to enable, and the idempotency token for retries.' })
export class EnablePhysicalConnectionInput extends PhysicalConnectionWriteInput {}

@InputType({ description: 'Which circuit application to cancel, and the idempotency token for retries.' })
export class CancelPhysicalConnectionInput extends PhysicalConnectionWriteInput {}

@InputType({ description: 'Which TERMINATED shared circuit to recover, and the idempotency token for retries (sent as the upstream `Token`).' })
export class RecoverPhysicalConnectionInput extends PhysicalConnectionWriteInput {}

@InputType({ description: 'Which circuit to delete, and the idempotency token for retries.' })
export class DeletePhysicalConnectionInput extends PhysicalConnectionWriteInput {}

@InputType({ description: 'A new circuit application (CreatePhysicalConnection).' })
export class CreatePhysicalConnectionInput extends RegionalWriteInput {
  @Field(() => String, { description: 'Access point (`ap-...`) of the region the circuit connects at.' })
  accessPointId!: string;

  @Field(() => LineOperatorEnum, { description: 'The carrier of the line.' })
  lineOperator!: LineOperator;

  @Field(() => String, { nullable: true, description: `${PORT_TYPE} Default \`1000Base-T\`.` })
  portType?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Bandwidth of a shared circuit in Mbit/s: 50, 100, 200, 300, 400, 500, 1000, 2000, 4000, 5000, 8000 or 10000.',
  })
  bandwidth?: number | null;

  @Field(() => String, { nullable: true, description: NAME })
  name?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTION })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'The carrier\'s circuit code (at most 128 characters).' })
  circuitCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Where your data center is (at most 256 characters).' })
  peerLocation?: string | null;

  @Field(() => ID, { nullable: true, description: REDUNDANT })
  redundantPhysicalConnectionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Resource group (`rg-...`).' })
  resourceGroupId?: string | null;
}

@InputType({
  description:
    'Attribute changes (ModifyPhysicalConnectionAttribute); an absent or null field is left as it is, and at least one must be set. `portType`, `bandwidth` and `redundantPhysicalConnectionId` change the spec: only in INITIAL, ENABLED or REJECTED.',
})
export class UpdatePhysicalConnectionInput extends PhysicalConnectionWriteInput {
  @Field(() => String, { nullable: true, description: NAME })
  name?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTION })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'The carrier\'s circuit code (at most 128 characters).' })
  circuitCode?: string | null;

  @Field(() => LineOperatorEnum, { nullable: true, description: 'The carrier of the line.' })
  lineOperator?: LineOperator | null;

  @Field(() => String, { nullable: true, description: 'Where your data center is (at most 256 characters).' })
  peerLocation?: string | null;

  @Field(() => String, { nullable: true, description: `${PORT_TYPE} Changes the spec.` })
  portType?: string | null;

  @Field(() => Int, { nullable: true, description: 'Bandwidth of the access interface in Mbit/s, 2 to 10240. Changes the spec.' })
  bandwidth?: number | null;

  @Field(() => ID, { nullable: true, description: `${REDUNDANT} Changes the spec.` })
  redundantPhysicalConnectionId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How long the port waits after the line goes down before it reports down, in milliseconds: 0 to 10000 in steps of 100.',
  })
  downDelayTime?: number | null;
}
