/**
 * `availableActions` of circuits and VBRs: for each lifecycle action whether it may run now and,
 * if not, why. Blocker codes are the error codes the mutation would fail with, so a console renders
 * one message table for buttons and errors. Computed by the same service rules as the mutations
 * (src/services), from the request's batched data; the mutation re-checks with fresh reads.
 */
import { Field, ID, ObjectType, registerEnumType } from '../type-graphql';
import type { BusinessStatus, PhysicalConnectionStatus, VbrStatus } from '../../datasources/models';
import { BusinessStatusEnum, PhysicalConnectionStatusEnum, VbrStatusEnum } from '../enums';
import type { AccountReason, ConflictReason, GatewayErrorCode, PhysicalConnectionAction, VbrAction } from '../errors';
import { ConflictReasonEnum } from './termination';

export const PhysicalConnectionActionEnum: Record<PhysicalConnectionAction, PhysicalConnectionAction> = {
  CONFIRM: 'CONFIRM',
  ENABLE: 'ENABLE',
  CANCEL: 'CANCEL',
  TERMINATE: 'TERMINATE',
  RECOVER: 'RECOVER',
  DELETE: 'DELETE',
  UPDATE: 'UPDATE',
};
registerEnumType(PhysicalConnectionActionEnum, {
  name: 'PhysicalConnectionAction',
  description: 'A lifecycle action on a circuit (one mutation each).',
  valuesConfig: {
    CONFIRM: { description: '`confirmPhysicalConnection`: ALLOCATED -> CONFIRMED.' },
    ENABLE: { description: '`enablePhysicalConnection`: CONFIRMED -> ENABLED.' },
    CANCEL: { description: '`cancelPhysicalConnection`: INITIAL, APPROVED, ALLOCATED or CONFIRMED -> CANCELED.' },
    TERMINATE: { description: '`terminatePhysicalConnection`: ENABLED -> TERMINATING -> TERMINATED.' },
    RECOVER: { description: '`recoverPhysicalConnection`: a TERMINATED shared circuit back in service.' },
    DELETE: { description: '`deletePhysicalConnection`: removes a circuit that is not (or no longer) in service.' },
    UPDATE: { description: '`updatePhysicalConnection`: changes its attributes.' },
  },
});

export const VbrActionEnum: Record<VbrAction, VbrAction> = {
  TERMINATE: 'TERMINATE',
  RECOVER: 'RECOVER',
  DELETE: 'DELETE',
  UPDATE: 'UPDATE',
};
registerEnumType(VbrActionEnum, {
  name: 'VbrAction',
  description: 'A lifecycle action on a VBR (one mutation each).',
  valuesConfig: {
    TERMINATE: { description: '`terminateVbr`: ACTIVE -> TERMINATING -> TERMINATED (circuit owner only).' },
    RECOVER: { description: '`recoverVbr`: TERMINATED -> RECOVERING -> ACTIVE (circuit owner only, circuit ENABLED).' },
    DELETE: { description: '`deleteVbr`: UNCONFIRMED, ACTIVE or TERMINATED -> DELETING -> gone.' },
    UPDATE: { description: '`updateVbr`: changes its attributes.' },
  },
});

export const AccountReasonEnum: Record<AccountReason, AccountReason> = {
  CIRCUIT_OWNER_ONLY: 'CIRCUIT_OWNER_ONLY',
  FOREIGN_VBR_NOT_UNCONFIRMED: 'FOREIGN_VBR_NOT_UNCONFIRMED',
  VBR_OWNER_ONLY: 'VBR_OWNER_ONLY',
};
registerEnumType(AccountReasonEnum, {
  name: 'AccountReason',
  description: 'Why this account may not act on a resource (also `extensions.reason` of an ACCOUNT_NOT_ALLOWED error).',
  valuesConfig: {
    CIRCUIT_OWNER_ONLY: { description: 'Only the owner of the VBR\'s circuit may terminate or recover it, or set its VLAN and circuit code.' },
    FOREIGN_VBR_NOT_UNCONFIRMED: { description: 'The circuit\'s owner may delete another account\'s VBR only while it is UNCONFIRMED.' },
    VBR_OWNER_ONLY: { description: 'Only the VBR\'s owner may set its peering addresses, name and description.' },
  },
});

export const ActionBlockerCodeEnum = {
  PHYSICAL_CONNECTION_NOT_ENABLED: 'PHYSICAL_CONNECTION_NOT_ENABLED',
  PHYSICAL_CONNECTION_INVALID_STATE: 'PHYSICAL_CONNECTION_INVALID_STATE',
  RESOURCE_LOCKED: 'RESOURCE_LOCKED',
  VBRS_ATTACHED: 'VBRS_ATTACHED',
  OPERATION_CONFLICT: 'OPERATION_CONFLICT',
  VBR_INVALID_STATE: 'VBR_INVALID_STATE',
  ACCOUNT_NOT_ALLOWED: 'ACCOUNT_NOT_ALLOWED',
  FOREIGN_VBRS_ATTACHED: 'FOREIGN_VBRS_ATTACHED',
} as const satisfies { [C in GatewayErrorCode]?: C };
export type ActionBlockerCode = keyof typeof ActionBlockerCodeEnum;

registerEnumType(ActionBlockerCodeEnum, {
  name: 'ActionBlockerCode',
  description: 'Why a lifecycle action cannot run now; the same codes as the errors its mutation would fail with.',
  valuesConfig: {
    PHYSICAL_CONNECTION_NOT_ENABLED: { description: 'The circuit must be ENABLED; see `currentStatus`.' },
    PHYSICAL_CONNECTION_INVALID_STATE: { description: 'The circuit is not in a status the action starts from; see `currentStatus`.' },
    RESOURCE_LOCKED: { description: 'Financially or security locked; see `businessStatus`.' },
    VBRS_ATTACHED: { description: 'VBRs are still on the circuit; see `vbrIds`.' },
    OPERATION_CONFLICT: { description: 'Something else still hangs off the resource; see `reason`.' },
    VBR_INVALID_STATE: { description: 'The VBR is not in a status the action starts from; see `vbrStatus`.' },
    ACCOUNT_NOT_ALLOWED: { description: 'This account may not act on the resource; see `accountReason`.' },
    FOREIGN_VBRS_ATTACHED: { description: 'Other accounts\' VBRs this account may not delete are on the circuit; see `vbrIds`.' },
  },
});

/** A blocker as the services produce it (the GraphQL type below returns it as it is). */
export interface ActionBlockerModel {
  code: ActionBlockerCode;
  message: string;
  currentStatus: PhysicalConnectionStatus | null;
  vbrStatus: VbrStatus | null;
  businessStatus: BusinessStatus | null;
  vbrIds: string[] | null;
  reason: ConflictReason | null;
  accountReason: AccountReason | null;
}

@ObjectType({ description: 'One reason a lifecycle action cannot run now.' })
export class ActionBlocker implements ActionBlockerModel {
  @Field(() => ActionBlockerCodeEnum, { description: 'Machine-readable reason (the error code the mutation would fail with).' })
  code!: ActionBlockerCode;

  @Field(() => String, { description: 'Human-readable explanation (the error message the mutation would fail with).' })
  message!: string;

  @Field(() => PhysicalConnectionStatusEnum, { nullable: true, description: 'For a circuit status blocker: the status the circuit is in.' })
  currentStatus!: PhysicalConnectionStatus | null;

  @Field(() => VbrStatusEnum, { nullable: true, description: 'For VBR_INVALID_STATE: the status the VBR is in.' })
  vbrStatus!: VbrStatus | null;

  @Field(() => BusinessStatusEnum, { nullable: true, description: 'For RESOURCE_LOCKED: the lock.' })
  businessStatus!: BusinessStatus | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'For VBRS_ATTACHED and FOREIGN_VBRS_ATTACHED: the VBRs in the way; for OPERATION_CONFLICT VLAN_IN_USE: the VBRs holding the VLAN. Sorted.',
  })
  vbrIds!: string[] | null;

  @Field(() => ConflictReasonEnum, { nullable: true, description: 'For OPERATION_CONFLICT: what still hangs off the resource.' })
  reason!: ConflictReason | null;

  @Field(() => AccountReasonEnum, { nullable: true, description: 'For ACCOUNT_NOT_ALLOWED: why this account may not act.' })
  accountReason!: AccountReason | null;
}

@ObjectType({ description: 'Whether a lifecycle action on a circuit may run now, and why not.' })
export class PhysicalConnectionAvailableAction {
  @Field(() => PhysicalConnectionActionEnum, { description: 'The action (one mutation each).' })
  action!: PhysicalConnectionAction;

  @Field(() => Boolean, { description: 'True exactly when `blockers` is empty.' })
  allowed!: boolean;

  @Field(() => [ActionBlocker], { description: 'Every reason the action would be refused, in the order the upstream checks them.' })
  blockers!: ActionBlockerModel[];
}

@ObjectType({ description: 'Whether a lifecycle action on a VBR may run now, and why not.' })
export class VbrAvailableAction {
  @Field(() => VbrActionEnum, { description: 'The action (one mutation).' })
  action!: VbrAction;

  @Field(() => Boolean, { description: 'True exactly when `blockers` is empty.' })
  allowed!: boolean;

  @Field(() => [ActionBlocker], { description: 'Every reason the action would be refused, in the order the upstream checks them.' })
  blockers!: ActionBlockerModel[];
}
