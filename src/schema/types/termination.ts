/**
 * The GraphQL types of the terminate preflight (`PhysicalConnection.terminationCheck`). Blocker
 * codes are the same strings as the error codes the mutation would fail with, so a console can show
 * one message table for both. The rules: src/services/circuits/terminate.blockers.ts.
 */
import { Field, ID, ObjectType, registerEnumType } from '../type-graphql';
import type { BusinessStatus, PhysicalConnectionStatus } from '../../datasources/models';
import { BusinessStatusEnum, PhysicalConnectionStatusEnum } from '../enums';
import type { ConflictReason, GatewayErrorCode } from '../errors';

export const TerminationBlockerCodeEnum = {
  PHYSICAL_CONNECTION_NOT_ENABLED: 'PHYSICAL_CONNECTION_NOT_ENABLED',
  RESOURCE_LOCKED: 'RESOURCE_LOCKED',
  VBRS_ATTACHED: 'VBRS_ATTACHED',
  OPERATION_CONFLICT: 'OPERATION_CONFLICT',
} as const satisfies { [C in GatewayErrorCode]?: C };
export type TerminationBlockerCode = keyof typeof TerminationBlockerCodeEnum;

registerEnumType(TerminationBlockerCodeEnum, {
  name: 'TerminationBlockerCode',
  description: 'Why a circuit cannot be terminated; the same codes as the mutation errors.',
  valuesConfig: {
    PHYSICAL_CONNECTION_NOT_ENABLED: { description: 'Only ENABLED circuits can be terminated; see `currentStatus`.' },
    RESOURCE_LOCKED: { description: 'Financially or security locked; see `businessStatus`.' },
    VBRS_ATTACHED: { description: 'VBRs are still on the circuit (any status); delete them first; see `vbrIds`.' },
    OPERATION_CONFLICT: {
      description: 'Something other than a VBR still hangs off the circuit (shared-port vpconns, MACsec keys); see `reason`.',
    },
  },
});

export const ConflictReasonEnum: Record<ConflictReason, ConflictReason> = {
  VPCONNS_ATTACHED: 'VPCONNS_ATTACHED',
  MACSEC_KEYS: 'MACSEC_KEYS',
  ROUTER_INTERFACES: 'ROUTER_INTERFACES',
  BGP_GROUPS: 'BGP_GROUPS',
  VLAN_IN_USE: 'VLAN_IN_USE',
};
registerEnumType(ConflictReasonEnum, {
  name: 'ConflictReason',
  description: 'What still hangs off a resource and blocks an action, besides VBRs (also `extensions.reason` of an OPERATION_CONFLICT error).',
  valuesConfig: {
    VPCONNS_ATTACHED: {
      description: 'The circuit hosts shared-port virtual connections (`virtualPhysicalConnectionCount` > 0); remove them first.',
    },
    MACSEC_KEYS: { description: 'MACsec keys are configured on the circuit (`macsecKeys`); remove them first.' },
    ROUTER_INTERFACES: { description: 'Router interfaces are still on the VBR; delete them before the VBR.' },
    BGP_GROUPS: { description: 'BGP groups are still on the VBR; the upstream refuses its deletion until they are gone (retryable).' },
    VLAN_IN_USE: {
      description: "Another VBR on the circuit holds the terminated VBR's VLAN now (a terminated VBR keeps it only for a while); it cannot be recovered.",
    },
  },
});

@ObjectType({ description: 'One reason a circuit cannot be terminated now.' })
export class TerminationBlocker {
  @Field(() => TerminationBlockerCodeEnum, { description: 'Machine-readable reason (same as the error code).' })
  code!: TerminationBlockerCode;

  @Field(() => String, { description: 'Human-readable explanation.' })
  message!: string;

  @Field(() => PhysicalConnectionStatusEnum, {
    nullable: true,
    description: 'For PHYSICAL_CONNECTION_NOT_ENABLED: the status the circuit is in.',
  })
  currentStatus!: PhysicalConnectionStatus | null;

  @Field(() => BusinessStatusEnum, { nullable: true, description: 'For RESOURCE_LOCKED: the lock.' })
  businessStatus!: BusinessStatus | null;

  @Field(() => [ID], { nullable: true, description: 'For VBRS_ATTACHED: the VBRs to delete first.' })
  vbrIds!: string[] | null;

  @Field(() => ConflictReasonEnum, { nullable: true, description: 'For OPERATION_CONFLICT: what still hangs off the circuit.' })
  reason!: ConflictReason | null;
}

@ObjectType({
  description:
    'Whether `terminatePhysicalConnection` would pass the gateway preconditions now, from the data already loaded in this request (batched; the mutation itself re-checks with fresh reads).',
})
export class TerminationCheck {
  @Field(() => Boolean, { description: 'True when there are no blockers.' })
  terminable!: boolean;

  @Field(() => [TerminationBlocker], { description: 'Every reason the termination would be refused, in check order.' })
  blockers!: TerminationBlocker[];
}
