/**
 * `disassociateMacsecKey`'s input and payload, in their own file (the MACsec mutation is one of a
 * family of lifecycle mutations each helper adds; see src/schema/inputs.ts and payloads.ts for the
 * terminate ones).
 */
import { Field, ID, InputType, ObjectType } from '../type-graphql';
import { PhysicalConnection } from './physical-connection';

@InputType({ description: 'Which MACsec key to disassociate from which circuit. DisassociateMacSecKey takes no idempotency token.' })
export class DisassociateMacsecKeyInput {
  @Field(() => ID, { description: 'The circuit (`pc-...`): dedicated, ENABLED and not locked.' })
  physicalConnectionId!: string;

  @Field(() => String, { nullable: true, description: 'Region of the circuit; defaults to the gateway default region.' })
  regionId?: string | null;

  @Field(() => String, {
    description: "The key's name (CKN) as `macsecKeys` lists it: 32 or 64 hexadecimal digits, any case.",
  })
  ckn!: string;
}

@ObjectType({ description: 'Result of `disassociateMacsecKey`.' })
export class DisassociateMacsecKeyPayload {
  @Field(() => String, { description: 'Upstream RequestId of the DisassociateMacSecKey call (for support tickets).' })
  requestId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Always null: the upstream takes no idempotency token for MACsec keys (the mutation is idempotent by state only; see its description).',
  })
  clientToken!: string | null;

  @Field(() => PhysicalConnection, {
    description:
      "The circuit read fresh after the call, its `macsecKeys` showing the key's new state (when that read lags or fails: the key as the call left it, Disassociated or gone).",
  })
  physicalConnection!: PhysicalConnection;
}
