/**
 * The GraphQL enums. Their values are the domain's (`src/datasources/models.ts`), so a mapper's
 * output is returned as it is; the `satisfies` clauses make a value added to the domain without a
 * description here a compile error rather than an undocumented playground entry.
 */
import { registerEnumType } from './type-graphql';
import type {
  AttachStatus,
  BusinessStatus,
  ChargeType,
  LineOperator,
  LoaStatus,
  OrderMode,
  PhysicalConnectionSpec,
  PhysicalConnectionStatus,
  ProductType,
  RegionLanguage,
  VbrStatus,
  VpconnStatus,
} from '../datasources/models';

type Described<V extends string> = Record<V, string>;

/** type-graphql wants an enum-like object (`{ NAME: 'NAME' }`); build it from the descriptions. */
function defineEnum<V extends string>(name: string, description: string, values: Described<V>): Record<V, V> {
  const enumObject = Object.fromEntries(Object.keys(values).map((value) => [value, value])) as Record<V, V>;
  const valuesConfig = Object.fromEntries(
    Object.entries<string>(values).map(([value, text]) => [value, { description: text }]),
  ) as Partial<Record<V, { description: string }>>;
  registerEnumType(enumObject, { name, description, valuesConfig });
  return enumObject;
}

export const PhysicalConnectionStatusEnum = defineEnum<PhysicalConnectionStatus>(
  'PhysicalConnectionStatus',
  'Lifecycle state of an Express Connect circuit (upstream `Status`). Only ENABLED circuits can be terminated.',
  {
    INITIAL: 'The application is under review (`Initial`).',
    APPROVED: 'The application was approved (`Approved`).',
    ALLOCATING: 'The provider is allocating resources (`Allocating`).',
    ALLOCATED: 'The port is allocated; the line is under construction (`Allocated`).',
    CONFIRMED: 'Waiting for the owner to pay or enable it (`Confirmed`).',
    ENABLED: 'In service (`Enabled`).',
    REJECTED: 'The application was rejected (`Rejected`).',
    CANCELED: 'The application was canceled (`Canceled`).',
    ALLOCATION_FAILED: 'Resource allocation failed (`Allocation Failed`).',
    TERMINATING: 'Being terminated (`Terminating`); becomes TERMINATED by itself.',
    TERMINATED: 'Terminated (`Terminated`): out of service, can now be deleted.',
  },
);

export const BusinessStatusEnum = defineEnum<BusinessStatus>(
  'BusinessStatus',
  'Billing / compliance state of a circuit (upstream `BusinessStatus`).',
  {
    NORMAL: 'No lock (`Normal`).',
    FINANCIAL_LOCKED: 'Locked because of an overdue payment (`FinancialLocked`).',
    SECURITY_LOCKED: 'Locked for security reasons (`SecurityLocked`).',
  },
);

export const LineOperatorEnum = defineEnum<LineOperator>('LineOperator', 'The carrier that provides the line.', {
  CT: 'China Telecom.',
  CU: 'China Unicom.',
  CM: 'China Mobile.',
  CO: 'Another carrier in the Chinese mainland.',
  EQUINIX: 'Equinix.',
  OTHER: 'Another carrier outside the Chinese mainland.',
});

export const PhysicalConnectionSpecEnum = defineEnum<PhysicalConnectionSpec>(
  'PhysicalConnectionSpec',
  'Port specification class of a circuit (upstream `Spec`, in Gbit/s).',
  {
    SPEC_1G_AND_BELOW: 'Up to 1 Gbit/s (`1G and below`; a reported bandwidth such as `1G` or `500M` counts too).',
    SPEC_10G: '10 Gbit/s (`10G`).',
    SPEC_40G: '40 Gbit/s (`40G`; needs account-manager approval).',
    SPEC_100G: '100 Gbit/s (`100G`; needs account-manager approval).',
  },
);

export const ProductTypeEnum = defineEnum<ProductType>('ProductType', 'Dedicated or shared circuit.', {
  PHYSICAL_CONNECTION: 'A dedicated circuit (`PhysicalConnection`).',
  VIRTUAL_PHYSICAL_CONNECTION: 'A shared (hosted) circuit (`VirtualPhysicalConnection`).',
});

export const ChargeTypeEnum = defineEnum<ChargeType>('ChargeType', 'How a resource is billed.', {
  PREPAID: 'Subscription (`PrePaid`).',
  POSTPAID: 'Pay-as-you-go (`PostPaid`).',
});

export const LoaStatusEnum = defineEnum<LoaStatus>('LoaStatus', 'State of the Letter of Authorization.', {
  APPLYING: 'The LOA is being applied for.',
  ACCEPT: 'The LOA application was accepted.',
  AVAILABLE: 'The LOA is available.',
  REJECTED: 'The LOA application was rejected.',
  COMPLETING: 'The line is being built.',
  COMPLETE: 'The line is built.',
  DELETED: 'The LOA was deleted.',
});

export const VpconnStatusEnum = defineEnum<VpconnStatus>(
  'VpconnStatus',
  'State of a shared circuit as seen by its owner (upstream `VpconnStatus`).',
  {
    CONFIRMED: 'The shared circuit was accepted.',
    UNCONFIRMED: 'The shared circuit waits to be accepted.',
    DELETED: 'The shared circuit was deleted.',
  },
);

export const OrderModeEnum = defineEnum<OrderMode>('OrderMode', 'Who pays for a shared circuit.', {
  PAY_BY_PHYSICAL_CONNECTION_OWNER: 'The owner of the hosting circuit pays.',
  PAY_BY_VIRTUAL_PHYSICAL_CONNECTION_OWNER: 'The owner of the shared circuit pays.',
});

export const VbrStatusEnum = defineEnum<VbrStatus>(
  'VbrStatus',
  'Lifecycle state of a Virtual Border Router (upstream `Status`, lower-case there).',
  {
    UNCONFIRMED: 'Created for another account, not yet accepted (`unconfirmed`).',
    ACTIVE: 'In service (`active`).',
    TERMINATING: 'Being terminated (`terminating`).',
    TERMINATED: 'Terminated (`terminated`); still blocks terminating its circuit until deleted.',
    RECOVERING: 'Being recovered (`recovering`).',
    DELETING: 'Being deleted (`deleting`).',
  },
);

export const AttachStatusEnum = defineEnum<AttachStatus>(
  'AttachStatus',
  'State of a VBR attachment to a CEN or an ECR.',
  {
    ATTACHED: 'Attached.',
    ATTACHING: 'Being attached.',
    DETACHED: 'Detached.',
    DETACHING: 'Being detached.',
  },
);

export const RegionLanguageEnum = defineEnum<RegionLanguage>(
  'RegionLanguage',
  'Language of `Region.localName` (upstream DescribeRegions `AcceptLanguage`).',
  {
    ZH_CN: 'Chinese (`zh-CN`), the upstream default.',
    EN_US: 'English (`en-US`).',
  },
);
