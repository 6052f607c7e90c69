/**
 * Gateway enum value -> the upstream spelling, for values the gateway SENDS (filter values, request
 * parameters). Responses are matched leniently instead (mappers/values.ts `matchEnum`): the upstream
 * spells some values two ways (`Allocation Failed` in Describe results, `AllocationFailed` in docs).
 */
import type {
  BusinessStatus,
  LineOperator,
  MacsecCipherSuite,
  OrderMode,
  PhysicalConnectionSpec,
  PhysicalConnectionStatus,
  ProductType,
  RegionLanguage,
  VbrStatus,
  VpconnStatus,
} from '../models';

export const PHYSICAL_CONNECTION_STATUS_WIRE: Readonly<Record<PhysicalConnectionStatus, string>> = {
  INITIAL: 'Initial',
  APPROVED: 'Approved',
  ALLOCATING: 'Allocating',
  ALLOCATED: 'Allocated',
  CONFIRMED: 'Confirmed',
  ENABLED: 'Enabled',
  REJECTED: 'Rejected',
  CANCELED: 'Canceled',
  ALLOCATION_FAILED: 'Allocation Failed',
  TERMINATING: 'Terminating',
  TERMINATED: 'Terminated',
};

/** VBR statuses are lower-case upstream. */
export const VBR_STATUS_WIRE: Readonly<Record<VbrStatus, string>> = {
  UNCONFIRMED: 'unconfirmed',
  ACTIVE: 'active',
  TERMINATING: 'terminating',
  TERMINATED: 'terminated',
  RECOVERING: 'recovering',
  DELETING: 'deleting',
};

export const LINE_OPERATOR_WIRE: Readonly<Record<LineOperator, string>> = {
  CT: 'CT',
  CU: 'CU',
  CM: 'CM',
  CO: 'CO',
  EQUINIX: 'Equinix',
  OTHER: 'Other',
};

export const PRODUCT_TYPE_WIRE: Readonly<Record<ProductType, string>> = {
  PHYSICAL_CONNECTION: 'PhysicalConnection',
  VIRTUAL_PHYSICAL_CONNECTION: 'VirtualPhysicalConnection',
};

/** DescribeRegions `AcceptLanguage`: the values it documents (the SDK model lists exactly these). */
export const ACCEPT_LANGUAGE_WIRE: Readonly<Record<RegionLanguage, 'zh-CN' | 'en-US'>> = { ZH_CN: 'zh-CN', EN_US: 'en-US' };

/**
 * The documented `Spec` filter values. Only the filter sends them; responses are classified by
 * bandwidth in mappers/physical-connection.ts (an upstream `1G` is SPEC_1G_AND_BELOW too).
 */
export const SPEC_WIRE: Readonly<Record<PhysicalConnectionSpec, string>> = {
  SPEC_1G_AND_BELOW: '1G and below',
  SPEC_10G: '10G',
  SPEC_40G: '40G',
  SPEC_100G: '100G',
};

export const MACSEC_CIPHER_SUITE_WIRE: Readonly<Record<MacsecCipherSuite, string>> = {
  GCM_AES_128: 'GCM-AES-128',
  GCM_AES_XPN_128: 'GCM-AES-XPN-128',
  GCM_AES_256: 'GCM-AES-256',
  GCM_AES_XPN_256: 'GCM-AES-XPN-256',
};

export const ORDER_MODE_WIRE: Readonly<Record<OrderMode, string>> = {
  PAY_BY_PHYSICAL_CONNECTION_OWNER: 'PayByPhysicalConnectionOwner',
  PAY_BY_VIRTUAL_PHYSICAL_CONNECTION_OWNER: 'PayByVirtualPhysicalConnectionOwner',
};

/** ListVirtualPhysicalConnections' `VirtualPhysicalConnectionStatuses.N`. */
export const VPCONN_STATUS_WIRE: Readonly<Record<VpconnStatus, string>> = {
  CONFIRMED: 'Confirmed',
  UNCONFIRMED: 'UnConfirmed',
  DELETED: 'Deleted',
};

export const BUSINESS_STATUS_WIRE: Readonly<Record<BusinessStatus, string>> = {
  NORMAL: 'Normal',
  FINANCIAL_LOCKED: 'FinancialLocked',
  SECURITY_LOCKED: 'SecurityLocked',
};
