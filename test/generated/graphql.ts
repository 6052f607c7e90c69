/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An RFC 3339 date-time in UTC with milliseconds, e.g. `2021-08-24T07:30:58.000Z`. */
  DateTime: { input: string; output: string; }
};

/** Why this account may not act on a resource (also `extensions.reason` of an ACCOUNT_NOT_ALLOWED error). */
export type AccountReason =
  /** Only the owner of the VBR's circuit may terminate or recover it, or set its VLAN and circuit code. */
  | 'CIRCUIT_OWNER_ONLY'
  /** The circuit's owner may delete another account's VBR only while it is UNCONFIRMED. */
  | 'FOREIGN_VBR_NOT_UNCONFIRMED'
  /** Only the VBR's owner may set its peering addresses, name and description. */
  | 'VBR_OWNER_ONLY';

/** One reason a lifecycle action cannot run now. */
export type ActionBlocker = {
  __typename?: 'ActionBlocker';
  /** For ACCOUNT_NOT_ALLOWED: why this account may not act. */
  accountReason?: Maybe<AccountReason>;
  /** For RESOURCE_LOCKED: the lock. */
  businessStatus?: Maybe<BusinessStatus>;
  /** Machine-readable reason (the error code the mutation would fail with). */
  code: ActionBlockerCode;
  /** For a circuit status blocker: the status the circuit is in. */
  currentStatus?: Maybe<PhysicalConnectionStatus>;
  /** Human-readable explanation (the error message the mutation would fail with). */
  message: Scalars['String']['output'];
  /** For OPERATION_CONFLICT: what still hangs off the resource. */
  reason?: Maybe<ConflictReason>;
  /** For VBRS_ATTACHED and FOREIGN_VBRS_ATTACHED: the VBRs in the way; for OPERATION_CONFLICT VLAN_IN_USE: the VBRs holding the VLAN. Sorted. */
  vbrIds?: Maybe<Array<Scalars['ID']['output']>>;
  /** For VBR_INVALID_STATE: the status the VBR is in. */
  vbrStatus?: Maybe<VbrStatus>;
};

/** Why a lifecycle action cannot run now; the same codes as the errors its mutation would fail with. */
export type ActionBlockerCode =
  /** This account may not act on the resource; see `accountReason`. */
  | 'ACCOUNT_NOT_ALLOWED'
  /** Other accounts' VBRs this account may not delete are on the circuit; see `vbrIds`. */
  | 'FOREIGN_VBRS_ATTACHED'
  /** Something else still hangs off the resource; see `reason`. */
  | 'OPERATION_CONFLICT'
  /** The circuit is not in a status the action starts from; see `currentStatus`. */
  | 'PHYSICAL_CONNECTION_INVALID_STATE'
  /** The circuit must be ENABLED; see `currentStatus`. */
  | 'PHYSICAL_CONNECTION_NOT_ENABLED'
  /** Financially or security locked; see `businessStatus`. */
  | 'RESOURCE_LOCKED'
  /** VBRs are still on the circuit; see `vbrIds`. */
  | 'VBRS_ATTACHED'
  /** The VBR is not in a status the action starts from; see `vbrStatus`. */
  | 'VBR_INVALID_STATE';

/** A Cloud Enterprise Network (CEN) instance a VBR is attached to. */
export type AssociatedCen = {
  __typename?: 'AssociatedCen';
  /** CEN instance id (`cen-...`). */
  cenId?: Maybe<Scalars['String']['output']>;
  /** Account id owning the CEN instance (64-bit, hence a string). */
  cenOwnerId?: Maybe<Scalars['String']['output']>;
  /** Attachment state. */
  cenStatus?: Maybe<AttachStatus>;
};

/** A circuit a VBR is associated with, with the peering settings on that circuit. */
export type AssociatedPhysicalConnection = {
  __typename?: 'AssociatedPhysicalConnection';
  /** Circuit code assigned by the carrier. */
  circuitCode?: Maybe<Scalars['String']['output']>;
  /** Whether IPv6 is enabled. */
  enableIpv6?: Maybe<Scalars['Boolean']['output']>;
  /** IPv4 address on the Alibaba Cloud side. */
  localGatewayIp?: Maybe<Scalars['String']['output']>;
  /** IPv6 address on the Alibaba Cloud side. */
  localIpv6GatewayIp?: Maybe<Scalars['String']['output']>;
  /** IPv4 address on the customer side. */
  peerGatewayIp?: Maybe<Scalars['String']['output']>;
  /** IPv6 address on the customer side. */
  peerIpv6GatewayIp?: Maybe<Scalars['String']['output']>;
  /** IPv6 peering subnet. */
  peeringIpv6SubnetMask?: Maybe<Scalars['String']['output']>;
  /** IPv4 peering subnet mask. */
  peeringSubnetMask?: Maybe<Scalars['String']['output']>;
  /** Lock state of the circuit. */
  physicalConnectionBusinessStatus?: Maybe<BusinessStatus>;
  /** Circuit id (`pc-...`). */
  physicalConnectionId?: Maybe<Scalars['ID']['output']>;
  /** Account id owning the circuit. */
  physicalConnectionOwnerUid?: Maybe<Scalars['String']['output']>;
  /** Lifecycle state of the circuit. */
  physicalConnectionStatus?: Maybe<PhysicalConnectionStatus>;
  /** State of the VBR on this circuit. */
  status?: Maybe<VbrStatus>;
  /** VLAN id on this circuit (a string upstream here). */
  vlanId?: Maybe<Scalars['String']['output']>;
  /** VBR interface id (`ri-...`), usable as a route next hop. */
  vlanInterfaceId?: Maybe<Scalars['String']['output']>;
};

/** State of a VBR attachment to a CEN or an ECR. */
export type AttachStatus =
  /** Attached. */
  | 'ATTACHED'
  /** Being attached. */
  | 'ATTACHING'
  /** Detached. */
  | 'DETACHED'
  /** Being detached. */
  | 'DETACHING';

/** Billing / compliance state of a circuit (upstream `BusinessStatus`). */
export type BusinessStatus =
  /** Locked because of an overdue payment (`FinancialLocked`). */
  | 'FINANCIAL_LOCKED'
  /** No lock (`Normal`). */
  | 'NORMAL'
  /** Locked for security reasons (`SecurityLocked`). */
  | 'SECURITY_LOCKED';

/** Which circuit application to cancel, and the idempotency token for retries. */
export type CancelPhysicalConnectionInput = {
  /** Idempotency token (1-64 printable ASCII characters, no spaces, case-sensitive). Retrying with the same token after a success returns success again with no second effect. Generated and returned in the payload when omitted. */
  clientToken?: InputMaybe<Scalars['String']['input']>;
  /** The circuit (`pc-...`). */
  physicalConnectionId: Scalars['ID']['input'];
  /** Region; defaults to the gateway default region. */
  regionId?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `cancelPhysicalConnection`. */
export type CancelPhysicalConnectionPayload = {
  __typename?: 'CancelPhysicalConnectionPayload';
  /** The idempotency token used (yours, or the generated one): retry with it to be safe. */
  clientToken: Scalars['String']['output'];
  /** The circuit read fresh after the call: CANCELED. */
  physicalConnection: PhysicalConnection;
  /** Upstream RequestId of the call (the original one on a replay; for support tickets). */
  requestId: Scalars['String']['output'];
};

/** How a resource is billed. */
export type ChargeType =
  /** Pay-as-you-go (`PostPaid`). */
  | 'POSTPAID'
  /** Subscription (`PrePaid`). */
  | 'PREPAID';

/** Which ALLOCATED circuit to confirm, and the idempotency token for retries. */
export type ConfirmPhysicalConnectionInput = {
  /** Idempotency token (1-64 printable ASCII characters, no spaces, case-sensitive). Retrying with the same token after a success returns success again with no second effect. Generated and returned in the payload when omitted. */
  clientToken?: InputMaybe<Scalars['String']['input']>;
  /** The circuit (`pc-...`). */
  physicalConnectionId: Scalars['ID']['input'];
  /** Region; defaults to the gateway default region. */
  regionId?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `confirmPhysicalConnection`. */
export type ConfirmPhysicalConnectionPayload = {
  __typename?: 'ConfirmPhysicalConnectionPayload';
  /** The idempotency token used (yours, or the generated one): retry with it to be safe. */
  clientToken: Scalars['String']['output'];
  /** The circuit read fresh after the call: CONFIRMED. */
  physicalConnection: PhysicalConnection;
  /** Upstream RequestId of the call (the original one on a replay; for support tickets). */
  requestId: Scalars['String']['output'];
};

/** What still hangs off a resource and blocks an action, besides VBRs (also `extensions.reason` of an OPERATION_CONFLICT error). */
export type ConflictReason =
  /** BGP groups are still on the VBR; the upstream refuses its deletion until they are gone (retryable). */
  | 'BGP_GROUPS'
  /** MACsec keys are configured on the circuit (`macsecKeys`); remove them first. */
  | 'MACSEC_KEYS'
  /** Router interfaces are still on the VBR; delete them before the VBR. */
  | 'ROUTER_INTERFACES'
  /** Another VBR on the circuit holds the terminated VBR's VLAN now (a terminated VBR keeps it only for a while); it cannot be recovered. */
  | 'VLAN_IN_USE'
  /** The circuit hosts shared-port virtual connections (`virtualPhysicalConnectionCount` > 0); remove them first. */
  | 'VPCONNS_ATTACHED';

/** A new circuit application (CreatePhysicalConnection). */
export type CreatePhysicalConnectionInput = {
  /** Access point (`ap-...`) of the region the circuit connects at. */
  accessPointId: Scalars['String']['input'];
  /** Bandwidth of a shared circuit in Mbit/s: 50, 100, 200, 300, 400, 500, 1000, 2000, 4000, 5000, 8000 or 10000. */
  bandwidth?: InputMaybe<Scalars['Int']['input']>;
  /** The carrier's circuit code (at most 128 characters). */
  circuitCode?: InputMaybe<Scalars['String']['input']>;
  /** Idempotency token (1-64 printable ASCII characters, no spaces, case-sensitive). Retrying with the same token after a success returns success again with no second effect. Generated and returned in the payload when omitted. */
  clientToken?: InputMaybe<Scalars['String']['input']>;
  /** Description: 2 to 256 characters, a letter or Chinese character first, not starting with `http://` or `https://`. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The carrier of the line. */
  lineOperator: LineOperator;
  /** Name: 2 to 128 characters, a letter or Chinese character first, then letters, digits, Chinese characters, `.`, `_` or `-`. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Where your data center is (at most 256 characters). */
  peerLocation?: InputMaybe<Scalars['String']['input']>;
  /** Port type: `100Base-T`, `1000Base-T`, `1000Base-LX`, `10GBase-T`, `10GBase-LR`, `40GBase-LR` or `100GBase-LR`. Default `1000Base-T`. */
  portType?: InputMaybe<Scalars['String']['input']>;
  /** A redundant circuit (`pc-...`) of this account in the same region, ALLOCATED, CONFIRMED or ENABLED (the upstream checks it: BAD_USER_INPUT on this field). */
  redundantPhysicalConnectionId?: InputMaybe<Scalars['ID']['input']>;
  /** Region; defaults to the gateway default region. */
  regionId?: InputMaybe<Scalars['String']['input']>;
  /** Resource group (`rg-...`). */
  resourceGroupId?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `createPhysicalConnection`. */
export type CreatePhysicalConnectionPayload = {
  __typename?: 'CreatePhysicalConnectionPayload';
  /** The idempotency token used (yours, or the generated one): retry with it to be safe. */
  clientToken: Scalars['String']['output'];
  /** The new circuit read after the call (INITIAL); null when that read failed or did not find it yet. */
  physicalConnection?: Maybe<PhysicalConnection>;
  /** The new circuit (the same one on a replay of the token). */
  physicalConnectionId: Scalars['ID']['output'];
  /** Upstream RequestId of the call (the original one on a replay; for support tickets). */
  requestId: Scalars['String']['output'];
};

/** A new VBR on one of this account's ENABLED circuits. */
export type CreateVbrInput = {
  /** Mbit/s on a dedicated circuit: 50, 100, 200, 300, 400, 500, 1000, 2048, 5120, 8192, 10240, 20480, 40960, 50120, 61440 or 102400 (a shared circuit's VBR takes the circuit's bandwidth). */
  bandwidth?: InputMaybe<Scalars['Int']['input']>;
  /** The carrier's circuit code (1 to 64 letters, digits, `.`, `_`, `-`). Circuit owner only. */
  circuitCode?: InputMaybe<Scalars['String']['input']>;
  /** Idempotency token (1-64 printable ASCII characters, no spaces, case-sensitive). Retrying with the same token after a success returns success again with no second effect. Generated and returned in the payload when omitted. */
  clientToken?: InputMaybe<Scalars['String']['input']>;
  /** 2 to 256 characters, a letter or Chinese character first, not starting with `http://` or `https://`. VBR owner only. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Whether IPv6 is enabled (then both IPv6 gateway addresses are needed). */
  enableIpv6?: InputMaybe<Scalars['Boolean']['input']>;
  /** IPv4 address on the Alibaba Cloud side. VBR owner only. */
  localGatewayIp?: InputMaybe<Scalars['String']['input']>;
  /** IPv6 address on the Alibaba Cloud side. */
  localIpv6GatewayIp?: InputMaybe<Scalars['String']['input']>;
  /** 2 to 128 characters: a letter or Chinese character first, then letters, digits, `.`, `_` or `-`. VBR owner only. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** IPv4 address on the customer side, in the same subnet. VBR owner only. */
  peerGatewayIp?: InputMaybe<Scalars['String']['input']>;
  /** IPv6 address on the customer side. */
  peerIpv6GatewayIp?: InputMaybe<Scalars['String']['input']>;
  /** IPv6 peering prefix, e.g. `2408:4004:cc:400::/56`. */
  peeringIpv6SubnetMask?: InputMaybe<Scalars['String']['input']>;
  /** Mask of the peering subnet, from 255.255.255.0 (/24) to 255.255.255.252 (/30). VBR owner only. */
  peeringSubnetMask?: InputMaybe<Scalars['String']['input']>;
  /** The circuit (`pc-...`); it must be this account's and ENABLED. */
  physicalConnectionId: Scalars['ID']['input'];
  /** Region of the VBR; defaults to the gateway default region. */
  regionId?: InputMaybe<Scalars['String']['input']>;
  /** Resource group id (`rg-...`). */
  resourceGroupId?: InputMaybe<Scalars['String']['input']>;
  /** Account id (digits) to create the VBR for. Another account's VBR starts UNCONFIRMED and its owner sets the peering addresses, name and description; without it this account owns the VBR and `localGatewayIp`, `peerGatewayIp` and `peeringSubnetMask` are required. */
  vbrOwnerId?: InputMaybe<Scalars['String']['input']>;
  /** VLAN id, 0 to 2999, unused on the circuit (a terminated VBR keeps its VLAN for 7 days). */
  vlanId: Scalars['Int']['input'];
};

/** Result of `createVbr`. */
export type CreateVbrPayload = {
  __typename?: 'CreateVbrPayload';
  /** The idempotency token used (yours, or the generated one): retry with it to be safe. */
  clientToken: Scalars['String']['output'];
  /** Upstream RequestId of the call (the original one on a replay; for support tickets). */
  requestId: Scalars['String']['output'];
  /** The new VBR read after the call (ACTIVE, or UNCONFIRMED for another account); null when that read failed or does not list it yet: poll `vbr(id: vbrId)`. */
  vbr?: Maybe<Vbr>;
  /** The new VBR. */
  vbrId: Scalars['ID']['output'];
};

/** Which circuit to delete, and the idempotency token for retries. */
export type DeletePhysicalConnectionInput = {
  /** Idempotency token (1-64 printable ASCII characters, no spaces, case-sensitive). Retrying with the same token after a success returns success again with no second effect. Generated and returned in the payload when omitted. */
  clientToken?: InputMaybe<Scalars['String']['input']>;
  /** The circuit (`pc-...`). */
  physicalConnectionId: Scalars['ID']['input'];
  /** Region; defaults to the gateway default region. */
  regionId?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `deletePhysicalConnection`. */
export type DeletePhysicalConnectionPayload = {
  __typename?: 'DeletePhysicalConnectionPayload';
  /** The idempotency token used (yours, or the generated one): retry with it to be safe. */
  clientToken: Scalars['String']['output'];
  /** Null once the circuit is gone (at once). */
  physicalConnection?: Maybe<PhysicalConnection>;
  /** The deleted circuit. */
  physicalConnectionId: Scalars['ID']['output'];
  /** Upstream RequestId of the call (the original one on a replay; for support tickets). */
  requestId: Scalars['String']['output'];
};

/** Which VBR to delete (UNCONFIRMED, ACTIVE or TERMINATED; another account's only while UNCONFIRMED). */
export type DeleteVbrInput = {
  /** Idempotency token (1-64 printable ASCII characters, no spaces, case-sensitive). Retrying with the same token after a success returns success again with no second effect. Generated and returned in the payload when omitted. */
  clientToken?: InputMaybe<Scalars['String']['input']>;
  /** Region of the VBR; defaults to the gateway default region. */
  regionId?: InputMaybe<Scalars['String']['input']>;
  /** The VBR (`vbr-...`). */
  vbrId: Scalars['ID']['input'];
};

/** Result of `deleteVbr`. */
export type DeleteVbrPayload = {
  __typename?: 'DeleteVbrPayload';
  /** The idempotency token used (yours, or the generated one): retry with it to be safe. */
  clientToken: Scalars['String']['output'];
  /** Upstream RequestId of the call (the original one on a replay; for support tickets). */
  requestId: Scalars['String']['output'];
  /** The VBR read after the call: DELETING, or null once it is gone. */
  vbr?: Maybe<Vbr>;
  /** The deleted VBR. */
  vbrId: Scalars['ID']['output'];
};

/** Which MACsec key to disassociate from which circuit. DisassociateMacSecKey takes no idempotency token. */
export type DisassociateMacsecKeyInput = {
  /** The key's name (CKN) as `macsecKeys` lists it: 32 or 64 hexadecimal digits, any case. */
  ckn: Scalars['String']['input'];
  /** The circuit (`pc-...`): dedicated, ENABLED and not locked. */
  physicalConnectionId: Scalars['ID']['input'];
  /** Region of the circuit; defaults to the gateway default region. */
  regionId?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `disassociateMacsecKey`. */
export type DisassociateMacsecKeyPayload = {
  __typename?: 'DisassociateMacsecKeyPayload';
  /** Always null: the upstream takes no idempotency token for MACsec keys (the mutation is idempotent by state only; see its description). */
  clientToken?: Maybe<Scalars['String']['output']>;
  /** The circuit read fresh after the call, its `macsecKeys` showing the key's new state (when that read lags or fails: the key as the call left it, Disassociated or gone). */
  physicalConnection: PhysicalConnection;
  /** Upstream RequestId of the DisassociateMacSecKey call (for support tickets). */
  requestId: Scalars['String']['output'];
};

/** Which CONFIRMED circuit to enable, and the idempotency token for retries. */
export type EnablePhysicalConnectionInput = {
  /** Idempotency token (1-64 printable ASCII characters, no spaces, case-sensitive). Retrying with the same token after a success returns success again with no second effect. Generated and returned in the payload when omitted. */
  clientToken?: InputMaybe<Scalars['String']['input']>;
  /** The circuit (`pc-...`). */
  physicalConnectionId: Scalars['ID']['input'];
  /** Region; defaults to the gateway default region. */
  regionId?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `enablePhysicalConnection`. */
export type EnablePhysicalConnectionPayload = {
  __typename?: 'EnablePhysicalConnectionPayload';
  /** The idempotency token used (yours, or the generated one): retry with it to be safe. */
  clientToken: Scalars['String']['output'];
  /** The circuit read fresh after the call: CONFIRMED while the upstream enables it (there is no ENABLING status); poll `physicalConnection` until it is ENABLED. */
  physicalConnection: PhysicalConnection;
  /** Upstream RequestId of the call (the original one on a replay; for support tickets). */
  requestId: Scalars['String']['output'];
};

/** The carrier that provides the line. */
export type LineOperator =
  /** China Mobile. */
  | 'CM'
  /** Another carrier in the Chinese mainland. */
  | 'CO'
  /** China Telecom. */
  | 'CT'
  /** China Unicom. */
  | 'CU'
  /** Equinix. */
  | 'EQUINIX'
  /** Another carrier outside the Chinese mainland. */
  | 'OTHER';

/** State of the Letter of Authorization. */
export type LoaStatus =
  /** The LOA application was accepted. */
  | 'ACCEPT'
  /** The LOA is being applied for. */
  | 'APPLYING'
  /** The LOA is available. */
  | 'AVAILABLE'
  /** The line is built. */
  | 'COMPLETE'
  /** The line is being built. */
  | 'COMPLETING'
  /** The LOA was deleted. */
  | 'DELETED'
  /** The LOA application was rejected. */
  | 'REJECTED';

/** A MACsec key configured on a circuit. The connectivity association key (CAK) is a shared secret and is never exposed. */
export type MacsecKey = {
  __typename?: 'MacsecKey';
  /** Cipher suite, e.g. `GCM-AES-XPN-256`. */
  cipherSuite?: Maybe<Scalars['String']['output']>;
  /** Connectivity association key name (CKN). */
  ckn?: Maybe<Scalars['String']['output']>;
  /** When the key takes effect, as reported upstream. */
  startOn?: Maybe<Scalars['String']['output']>;
  /** Key state, as reported upstream. */
  status?: Maybe<Scalars['String']['output']>;
};

/** Writes: the lifecycle actions of circuits and VBRs, MACsec keys and the decommission workflow, each with its preconditions checked first and, where the upstream takes one, an idempotency token. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Cancels a circuit application in INITIAL, APPROVED, ALLOCATED or CONFIRMED: CANCELED at once. Idempotent per clientToken. */
  cancelPhysicalConnection: CancelPhysicalConnectionPayload;
  /** Confirms an ALLOCATED circuit (the step before enabling it): CONFIRMED at once. Idempotent per clientToken. */
  confirmPhysicalConnection: ConfirmPhysicalConnectionPayload;
  /** Applies for a new circuit: INITIAL, then the provider reviews and allocates it (APPROVED, ALLOCATING, ALLOCATED) or rejects it. Refused with QUOTA_EXCEEDED when the account has too many circuits not yet enabled. Idempotent per clientToken (the same circuit id again). */
  createPhysicalConnection: CreatePhysicalConnectionPayload;
  /** Creates a VBR on one of this account's ENABLED circuits (CreateVirtualBorderRouter): ACTIVE, or UNCONFIRMED when created for another account. Idempotent per clientToken; every error of the upstream call carries `extensions.clientToken`. */
  createVbr: CreateVbrPayload;
  /** Deletes a circuit in ALLOCATED, CONFIRMED, REJECTED, CANCELED, ALLOCATION_FAILED or TERMINATED that has no VBRs (any status, any account) and hosts no vpconns. The circuit is gone at once. Idempotent per clientToken (a retry after the circuit is gone is replayed by the upstream). */
  deletePhysicalConnection: DeletePhysicalConnectionPayload;
  /** Deletes an UNCONFIRMED, ACTIVE or TERMINATED VBR (another account's only while UNCONFIRMED); it is DELETING when this returns, then gone. Idempotent per clientToken; every error of the upstream call carries `extensions.clientToken`. */
  deleteVbr: DeleteVbrPayload;
  /** Disassociates a MACsec key from an ENABLED, unlocked dedicated circuit, as DisassociateMacSecKey does: a key in use becomes Disassociated and the circuit's most recently effective other key takes over; a Disassociated key is deleted. So clearing a circuit's keys (which blocks `terminatePhysicalConnection`) takes one call per Disassociated key, then two for the last one. The upstream takes no idempotency token: the gateway sends the call once (it retries only throttling), and after an unclear failure read `macsecKeys` instead of retrying blindly, since a second call on a key the first one disassociated deletes it. A key the circuit does not have is MACSEC_KEY_NOT_FOUND. */
  disassociateMacsecKey: DisassociateMacsecKeyPayload;
  /** Enables a CONFIRMED circuit (billing starts). Asynchronous: the circuit shows CONFIRMED until it is ENABLED. An ENABLED circuit is refused without a clientToken (PHYSICAL_CONNECTION_INVALID_STATE) and handed to the upstream with one (a replay). Idempotent per clientToken. */
  enablePhysicalConnection: EnablePhysicalConnectionPayload;
  /** Brings a TERMINATED shared circuit (productType VIRTUAL_PHYSICAL_CONNECTION) back in service: ENABLED. A dedicated circuit cannot be recovered. Idempotent per clientToken. */
  recoverPhysicalConnection: RecoverPhysicalConnectionPayload;
  /** Recovers a TERMINATED VBR on an ENABLED circuit (circuit owner only); it is RECOVERING when this returns and becomes ACTIVE by itself. Idempotent per clientToken; every error of the upstream call carries `extensions.clientToken`. */
  recoverVbr: RecoverVbrPayload;
  /** Terminates an ENABLED circuit that has no lock, VBRs, vpconns or MACsec keys (see `terminationCheck`). Asynchronous: the circuit is TERMINATING when this returns and becomes TERMINATED by itself. Idempotent per clientToken. */
  terminatePhysicalConnection: TerminatePhysicalConnectionPayload;
  /** Terminates an ACTIVE VBR (circuit owner only); it is TERMINATING when this returns and becomes TERMINATED by itself. Idempotent per clientToken; every error of the upstream call carries `extensions.clientToken`. */
  terminateVbr: TerminateVbrPayload;
  /** Changes a circuit's attributes: any in INITIAL, APPROVED, ALLOCATED, CONFIRMED, ENABLED or REJECTED; the spec (portType, bandwidth, redundantPhysicalConnectionId) only in INITIAL, ENABLED or REJECTED. A REJECTED circuit goes back to INITIAL (review). Idempotent per clientToken. */
  updatePhysicalConnection: UpdatePhysicalConnectionPayload;
  /** Changes a VBR's attributes (ModifyVirtualBorderRouterAttribute); see `availableActions` UPDATE. Idempotent per clientToken; every error of the upstream call carries `extensions.clientToken`. */
  updateVbr: UpdateVbrPayload;
};


/** Writes: the lifecycle actions of circuits and VBRs, MACsec keys and the decommission workflow, each with its preconditions checked first and, where the upstream takes one, an idempotency token. */
export type MutationCancelPhysicalConnectionArgs = {
  input: CancelPhysicalConnectionInput;
};


/** Writes: the lifecycle actions of circuits and VBRs, MACsec keys and the decommission workflow, each with its preconditions checked first and, where the upstream takes one, an idempotency token. */
export type MutationConfirmPhysicalConnectionArgs = {
  input: ConfirmPhysicalConnectionInput;
};


/** Writes: the lifecycle actions of circuits and VBRs, MACsec keys and the decommission workflow, each with its preconditions checked first and, where the upstream takes one, an idempotency token. */
export type MutationCreatePhysicalConnectionArgs = {
  input: CreatePhysicalConnectionInput;
};


/** Writes: the lifecycle actions of circuits and VBRs, MACsec keys and the decommission workflow, each with its preconditions checked first and, where the upstream takes one, an idempotency token. */
export type MutationCreateVbrArgs = {
  input: CreateVbrInput;
};


/** Writes: the lifecycle actions of circuits and VBRs, MACsec keys and the decommission workflow, each with its preconditions checked first and, where the upstream takes one, an idempotency token. */
export type MutationDeletePhysicalConnectionArgs = {
  input: DeletePhysicalConnectionInput;
};


/** Writes: the lifecycle actions of circuits and VBRs, MACsec keys and the decommission workflow, each with its preconditions checked first and, where the upstream takes one, an idempotency token. */
export type MutationDeleteVbrArgs = {
  input: DeleteVbrInput;
};


/** Writes: the lifecycle actions of circuits and VBRs, MACsec keys and the decommission workflow, each with its preconditions checked first and, where the upstream takes one, an idempotency token. */
export type MutationDisassociateMacsecKeyArgs = {
  input: DisassociateMacsecKeyInput;
};


/** Writes: the lifecycle actions of circuits and VBRs, MACsec keys and the decommission workflow, each with its preconditions checked first and, where the upstream takes one, an idempotency token. */
export type MutationEnablePhysicalConnectionArgs = {
  input: EnablePhysicalConnectionInput;
};


/** Writes: the lifecycle actions of circuits and VBRs, MACsec keys and the decommission workflow, each with its preconditions checked first and, where the upstream takes one, an idempotency token. */
export type MutationRecoverPhysicalConnectionArgs = {
  input: RecoverPhysicalConnectionInput;
};


/** Writes: the lifecycle actions of circuits and VBRs, MACsec keys and the decommission workflow, each with its preconditions checked first and, where the upstream takes one, an idempotency token. */
export type MutationRecoverVbrArgs = {
  input: RecoverVbrInput;
};


/** Writes: the lifecycle actions of circuits and VBRs, MACsec keys and the decommission workflow, each with its preconditions checked first and, where the upstream takes one, an idempotency token. */
export type MutationTerminatePhysicalConnectionArgs = {
  input: TerminatePhysicalConnectionInput;
};


/** Writes: the lifecycle actions of circuits and VBRs, MACsec keys and the decommission workflow, each with its preconditions checked first and, where the upstream takes one, an idempotency token. */
export type MutationTerminateVbrArgs = {
  input: TerminateVbrInput;
};


/** Writes: the lifecycle actions of circuits and VBRs, MACsec keys and the decommission workflow, each with its preconditions checked first and, where the upstream takes one, an idempotency token. */
export type MutationUpdatePhysicalConnectionArgs = {
  input: UpdatePhysicalConnectionInput;
};


/** Writes: the lifecycle actions of circuits and VBRs, MACsec keys and the decommission workflow, each with its preconditions checked first and, where the upstream takes one, an idempotency token. */
export type MutationUpdateVbrArgs = {
  input: UpdateVbrInput;
};

/** Who pays for a shared circuit. */
export type OrderMode =
  /** The owner of the hosting circuit pays. */
  | 'PAY_BY_PHYSICAL_CONNECTION_OWNER'
  /** The owner of the shared circuit pays. */
  | 'PAY_BY_VIRTUAL_PHYSICAL_CONNECTION_OWNER';

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge; pass it as `after` for the next page. Null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** More items exist after `endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Items exist before `startCursor`. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** An Express Connect physical connection ("circuit"): a dedicated or shared line between a data center and an Alibaba Cloud access point. */
export type PhysicalConnection = {
  __typename?: 'PhysicalConnection';
  /** Access point id (`ap-...`). */
  accessPointId?: Maybe<Scalars['String']['output']>;
  /** Access point type, e.g. `VPC`. */
  accessPointType?: Maybe<Scalars['String']['output']>;
  /** Data center and rack of the access point. */
  adDetailLocation?: Maybe<Scalars['String']['output']>;
  /** Address of the access point. */
  adLocation?: Maybe<Scalars['String']['output']>;
  /** Every lifecycle action (CONFIRM, ENABLE, CANCEL, TERMINATE, RECOVER, DELETE, UPDATE) with whether its mutation would pass the gateway preconditions now and, if not, why: the same rules as the mutations, from this request's batched data (the mutation re-checks with fresh reads; the upstream has the last word). UPDATE is an attribute change: a spec change (portType, bandwidth, redundantPhysicalConnectionId) is allowed only in INITIAL, ENABLED or REJECTED. Not visible in any read: a CONFIRMED circuit being enabled refuses ENABLE, CANCEL and DELETE (a retryable OPERATION_CONFLICT) until it is ENABLED. Null only when the VBRs could not be loaded (see `errors`). */
  availableActions?: Maybe<Array<PhysicalConnectionAvailableAction>>;
  /** Maximum bandwidth in Mbit/s. */
  bandwidth?: Maybe<Scalars['Int']['output']>;
  /** Billing / compliance lock state; a locked circuit cannot be terminated. */
  businessStatus?: Maybe<BusinessStatus>;
  /** Billing method. */
  chargeType?: Maybe<ChargeType>;
  /** Circuit code assigned by the carrier. */
  circuitCode?: Maybe<Scalars['String']['output']>;
  /** When the circuit was created. */
  creationTime?: Maybe<Scalars['DateTime']['output']>;
  /** Description. */
  description?: Maybe<Scalars['String']['output']>;
  /** Device features selected for the port, as reported upstream. */
  deviceFeaturesSelected?: Maybe<Scalars['String']['output']>;
  /** Port down-delay time, as reported upstream. */
  downDelayTime?: Maybe<Scalars['Int']['output']>;
  /** When the circuit was enabled. */
  enabledTime?: Maybe<Scalars['DateTime']['output']>;
  /** When the circuit expires. */
  endTime?: Maybe<Scalars['DateTime']['output']>;
  /** Expected bandwidth of a shared circuit once paid, e.g. `50M` or `1G`. */
  expectSpec?: Maybe<Scalars['String']['output']>;
  /** Whether pending (not yet effective) order data exists. */
  hasReservationData?: Maybe<Scalars['Boolean']['output']>;
  /** Circuit id (`pc-...`). */
  id: Scalars['ID']['output'];
  /** Carrier providing the line. */
  lineOperator?: Maybe<LineOperator>;
  /** State of the Letter of Authorization. */
  loaStatus?: Maybe<LoaStatus>;
  /** MACsec keys on the circuit (without their secret CAK). */
  macsecKeys: Array<MacsecKey>;
  /** Name. */
  name?: Maybe<Scalars['String']['output']>;
  /** Model of the optical module. */
  opticalModuleModel?: Maybe<Scalars['String']['output']>;
  /** Who pays for a shared circuit. */
  orderMode?: Maybe<OrderMode>;
  /** Account id owning the parent circuit of a shared circuit (64-bit, hence a string). */
  parentPhysicalConnectionAliUid?: Maybe<Scalars['String']['output']>;
  /** Parent circuit of a shared circuit (`pc-...`). */
  parentPhysicalConnectionId?: Maybe<Scalars['ID']['output']>;
  /** Location of the customer data center. */
  peerLocation?: Maybe<Scalars['String']['output']>;
  /** Port on the access device, e.g. `1/1/1`. */
  portNumber?: Maybe<Scalars['String']['output']>;
  /** Port type, e.g. `10GBase-LR`. */
  portType?: Maybe<Scalars['String']['output']>;
  /** Dedicated or shared circuit. */
  productType?: Maybe<ProductType>;
  /** QoS policy id. */
  qosId?: Maybe<Scalars['String']['output']>;
  /** Standby circuit (`pc-...`). */
  redundantPhysicalConnectionId?: Maybe<Scalars['ID']['output']>;
  /** Region of the circuit, e.g. `cn-hangzhou`. */
  regionId: Scalars['String']['output'];
  /** When the pending order takes effect. */
  reservationActiveTime?: Maybe<Scalars['DateTime']['output']>;
  /** Billing method of the pending order, e.g. `PayByBandwidth`. */
  reservationInternetChargeType?: Maybe<Scalars['String']['output']>;
  /** Type of the pending order, e.g. `RENEW`. */
  reservationOrderType?: Maybe<Scalars['String']['output']>;
  /** Resource group id (`rg-...`). */
  resourceGroupId?: Maybe<Scalars['String']['output']>;
  /** Port specification class; null when absent or a value the gateway does not know. */
  spec?: Maybe<PhysicalConnectionSpec>;
  /** Lifecycle state. */
  status: PhysicalConnectionStatus;
  /** Tags. */
  tags: Array<Tag>;
  /** Would `terminatePhysicalConnection` pass its preconditions? A preview from this request (batched) data; null only when the VBRs could not be loaded (see `errors`). */
  terminationCheck?: Maybe<TerminationCheck>;
  /** What the circuit connects to; only `VPC` exists. */
  type?: Maybe<Scalars['String']['output']>;
  /** Every VBR on this circuit (all pages). Null only when they could not be loaded; the `errors` entry with this path says why. */
  vbrs?: Maybe<Array<Vbr>>;
  /** Number of shared circuits established on this circuit. */
  virtualPhysicalConnectionCount?: Maybe<Scalars['Int']['output']>;
  /** The shared-port virtual connections (vpconns) this circuit hosts, all pages; empty for a shared circuit (it hosts none, and costs no upstream call). Each one blocks terminating the circuit. Null only when they could not be loaded; the `errors` entry with this path says why. */
  virtualPhysicalConnections?: Maybe<Array<VirtualPhysicalConnection>>;
  /** VLAN id of a shared circuit (a string upstream). */
  vlanId?: Maybe<Scalars['String']['output']>;
  /** State of a shared circuit. */
  vpconnStatus?: Maybe<VpconnStatus>;
};

/** A lifecycle action on a circuit (one mutation each). */
export type PhysicalConnectionAction =
  /** `cancelPhysicalConnection`: INITIAL, APPROVED, ALLOCATED or CONFIRMED -> CANCELED. */
  | 'CANCEL'
  /** `confirmPhysicalConnection`: ALLOCATED -> CONFIRMED. */
  | 'CONFIRM'
  /** `deletePhysicalConnection`: removes a circuit that is not (or no longer) in service. */
  | 'DELETE'
  /** `enablePhysicalConnection`: CONFIRMED -> ENABLED. */
  | 'ENABLE'
  /** `recoverPhysicalConnection`: a TERMINATED shared circuit back in service. */
  | 'RECOVER'
  /** `terminatePhysicalConnection`: ENABLED -> TERMINATING -> TERMINATED. */
  | 'TERMINATE'
  /** `updatePhysicalConnection`: changes its attributes. */
  | 'UPDATE';

/** Whether a lifecycle action on a circuit may run now, and why not. */
export type PhysicalConnectionAvailableAction = {
  __typename?: 'PhysicalConnectionAvailableAction';
  /** The action (one mutation each). */
  action: PhysicalConnectionAction;
  /** True exactly when `blockers` is empty. */
  allowed: Scalars['Boolean']['output'];
  /** Every reason the action would be refused, in the order the upstream checks them. */
  blockers: Array<ActionBlocker>;
};

/** A page of physical connections. */
export type PhysicalConnectionConnection = {
  __typename?: 'PhysicalConnectionConnection';
  /** Items with their cursors. */
  edges: Array<PhysicalConnectionEdge>;
  /** Items without cursors (same order as `edges`). */
  nodes: Array<PhysicalConnection>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Total number of physical connections matching the filter (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a PhysicalConnection connection. */
export type PhysicalConnectionEdge = {
  __typename?: 'PhysicalConnectionEdge';
  /** Opaque cursor of this item; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The PhysicalConnection. */
  node: PhysicalConnection;
};

/** Filter for `physicalConnections`: AND across fields, OR within a list. */
export type PhysicalConnectionFilter = {
  /** Access point ids (`ap-...`). */
  accessPointIds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Circuit ids (`pc-...`). */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Carriers. */
  lineOperators?: InputMaybe<Array<LineOperator>>;
  /** Exact names. */
  names?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Dedicated and/or shared circuits. */
  productTypes?: InputMaybe<Array<ProductType>>;
  /** Port specification classes (sent upstream as `1G and below`, `10G`, `40G`, `100G`). */
  specs?: InputMaybe<Array<PhysicalConnectionSpec>>;
  /** Lifecycle states. */
  statuses?: InputMaybe<Array<PhysicalConnectionStatus>>;
  /** Circuit types; only `VPC` exists. */
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Port specification class of a circuit (upstream `Spec`, in Gbit/s). */
export type PhysicalConnectionSpec =
  /** Up to 1 Gbit/s (`1G and below`; a reported bandwidth such as `1G` or `500M` counts too). */
  | 'SPEC_1G_AND_BELOW'
  /** 10 Gbit/s (`10G`). */
  | 'SPEC_10G'
  /** 40 Gbit/s (`40G`; needs account-manager approval). */
  | 'SPEC_40G'
  /** 100 Gbit/s (`100G`; needs account-manager approval). */
  | 'SPEC_100G';

/** Lifecycle state of an Express Connect circuit (upstream `Status`). Only ENABLED circuits can be terminated. */
export type PhysicalConnectionStatus =
  /** The port is allocated; the line is under construction (`Allocated`). */
  | 'ALLOCATED'
  /** The provider is allocating resources (`Allocating`). */
  | 'ALLOCATING'
  /** Resource allocation failed (`Allocation Failed`). */
  | 'ALLOCATION_FAILED'
  /** The application was approved (`Approved`). */
  | 'APPROVED'
  /** The application was canceled (`Canceled`). */
  | 'CANCELED'
  /** Waiting for the owner to pay or enable it (`Confirmed`). */
  | 'CONFIRMED'
  /** In service (`Enabled`). */
  | 'ENABLED'
  /** The application is under review (`Initial`). */
  | 'INITIAL'
  /** The application was rejected (`Rejected`). */
  | 'REJECTED'
  /** Terminated (`Terminated`): out of service, can now be deleted. */
  | 'TERMINATED'
  /** Being terminated (`Terminating`); becomes TERMINATED by itself. */
  | 'TERMINATING';

/** Dedicated or shared circuit. */
export type ProductType =
  /** A dedicated circuit (`PhysicalConnection`). */
  | 'PHYSICAL_CONNECTION'
  /** A shared (hosted) circuit (`VirtualPhysicalConnection`). */
  | 'VIRTUAL_PHYSICAL_CONNECTION';

/** Reads: Express Connect circuits, their VBRs and the regions of the VPC API. Every `regionId` argument defaults to the gateway default region. */
export type Query = {
  __typename?: 'Query';
  /** One circuit by id; null when it does not exist. */
  physicalConnection?: Maybe<PhysicalConnection>;
  /** Circuits of a region, a page at a time. */
  physicalConnections: PhysicalConnectionConnection;
  /** Regions where the VPC API is available; any `regionId` argument takes one of these. */
  regions: Array<Region>;
  /** One VBR by id; null when it does not exist. */
  vbr?: Maybe<Vbr>;
  /** VBRs of a region, a page at a time. */
  vbrs: VbrConnection;
};


/** Reads: Express Connect circuits, their VBRs and the regions of the VPC API. Every `regionId` argument defaults to the gateway default region. */
export type QueryPhysicalConnectionArgs = {
  id: Scalars['ID']['input'];
  regionId?: InputMaybe<Scalars['String']['input']>;
};


/** Reads: Express Connect circuits, their VBRs and the regions of the VPC API. Every `regionId` argument defaults to the gateway default region. */
export type QueryPhysicalConnectionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PhysicalConnectionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  regionId?: InputMaybe<Scalars['String']['input']>;
};


/** Reads: Express Connect circuits, their VBRs and the regions of the VPC API. Every `regionId` argument defaults to the gateway default region. */
export type QueryRegionsArgs = {
  language?: InputMaybe<RegionLanguage>;
};


/** Reads: Express Connect circuits, their VBRs and the regions of the VPC API. Every `regionId` argument defaults to the gateway default region. */
export type QueryVbrArgs = {
  id: Scalars['ID']['input'];
  regionId?: InputMaybe<Scalars['String']['input']>;
};


/** Reads: Express Connect circuits, their VBRs and the regions of the VPC API. Every `regionId` argument defaults to the gateway default region. */
export type QueryVbrsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<VbrFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  regionId?: InputMaybe<Scalars['String']['input']>;
};

/** Which TERMINATED shared circuit to recover, and the idempotency token for retries (sent as the upstream `Token`). */
export type RecoverPhysicalConnectionInput = {
  /** Idempotency token (1-64 printable ASCII characters, no spaces, case-sensitive). Retrying with the same token after a success returns success again with no second effect. Generated and returned in the payload when omitted. */
  clientToken?: InputMaybe<Scalars['String']['input']>;
  /** The circuit (`pc-...`). */
  physicalConnectionId: Scalars['ID']['input'];
  /** Region; defaults to the gateway default region. */
  regionId?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `recoverPhysicalConnection`. */
export type RecoverPhysicalConnectionPayload = {
  __typename?: 'RecoverPhysicalConnectionPayload';
  /** The idempotency token used (yours, or the generated one): retry with it to be safe. */
  clientToken: Scalars['String']['output'];
  /** The circuit read fresh after the call: ENABLED. */
  physicalConnection: PhysicalConnection;
  /** Upstream RequestId of the call (the original one on a replay; for support tickets). */
  requestId: Scalars['String']['output'];
};

/** Which VBR to recover (TERMINATED, on this account's ENABLED circuit). */
export type RecoverVbrInput = {
  /** Idempotency token (1-64 printable ASCII characters, no spaces, case-sensitive). Retrying with the same token after a success returns success again with no second effect. Generated and returned in the payload when omitted. */
  clientToken?: InputMaybe<Scalars['String']['input']>;
  /** Region of the VBR; defaults to the gateway default region. */
  regionId?: InputMaybe<Scalars['String']['input']>;
  /** The VBR (`vbr-...`). */
  vbrId: Scalars['ID']['input'];
};

/** Result of `recoverVbr`. */
export type RecoverVbrPayload = {
  __typename?: 'RecoverVbrPayload';
  /** The idempotency token used (yours, or the generated one): retry with it to be safe. */
  clientToken: Scalars['String']['output'];
  /** Upstream RequestId of the call (the original one on a replay; for support tickets). */
  requestId: Scalars['String']['output'];
  /** The VBR read after the call: RECOVERING (ACTIVE on a replay); it becomes ACTIVE by itself. */
  vbr: Vbr;
};

/** An Alibaba Cloud region where the VPC API is available. */
export type Region = {
  __typename?: 'Region';
  /** Region name, in the language `regions(language:)` asked for. */
  localName?: Maybe<Scalars['String']['output']>;
  /** VPC API endpoint host of the region. */
  regionEndpoint?: Maybe<Scalars['String']['output']>;
  /** Region id, e.g. `cn-hangzhou`; pass it as `regionId`. */
  regionId: Scalars['ID']['output'];
};

/** Language of `Region.localName` (upstream DescribeRegions `AcceptLanguage`). */
export type RegionLanguage =
  /** English (`en-US`). */
  | 'EN_US'
  /** Chinese (`zh-CN`), the upstream default. */
  | 'ZH_CN';

/** A resource tag. */
export type Tag = {
  __typename?: 'Tag';
  /** Tag key. */
  key: Scalars['String']['output'];
  /** Tag value. */
  value: Scalars['String']['output'];
};

/** Which circuit to terminate, and the idempotency token for retries. */
export type TerminatePhysicalConnectionInput = {
  /** Idempotency token (1-64 printable ASCII characters, no spaces, case-sensitive). Retrying with the same token after a success returns success again with no second effect. Generated and returned in the payload when omitted. */
  clientToken?: InputMaybe<Scalars['String']['input']>;
  /** The circuit (`pc-...`). */
  physicalConnectionId: Scalars['ID']['input'];
  /** Region; defaults to the gateway default region. */
  regionId?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `terminatePhysicalConnection`. */
export type TerminatePhysicalConnectionPayload = {
  __typename?: 'TerminatePhysicalConnectionPayload';
  /** The idempotency token used (yours, or the generated one): retry with it to be safe. */
  clientToken: Scalars['String']['output'];
  /** The circuit read fresh after the call: normally TERMINATING; poll `physicalConnection` until it is TERMINATED. */
  physicalConnection: PhysicalConnection;
  /** Upstream RequestId of the call (the original one on a replay; for support tickets). */
  requestId: Scalars['String']['output'];
};

/** Which VBR to terminate (ACTIVE, on this account's circuit). */
export type TerminateVbrInput = {
  /** Idempotency token (1-64 printable ASCII characters, no spaces, case-sensitive). Retrying with the same token after a success returns success again with no second effect. Generated and returned in the payload when omitted. */
  clientToken?: InputMaybe<Scalars['String']['input']>;
  /** Region of the VBR; defaults to the gateway default region. */
  regionId?: InputMaybe<Scalars['String']['input']>;
  /** The VBR (`vbr-...`). */
  vbrId: Scalars['ID']['input'];
};

/** Result of `terminateVbr`. */
export type TerminateVbrPayload = {
  __typename?: 'TerminateVbrPayload';
  /** The idempotency token used (yours, or the generated one): retry with it to be safe. */
  clientToken: Scalars['String']['output'];
  /** Upstream RequestId of the call (the original one on a replay; for support tickets). */
  requestId: Scalars['String']['output'];
  /** The VBR read after the call: TERMINATING (TERMINATED on a replay); it becomes TERMINATED by itself. */
  vbr: Vbr;
};

/** One reason a circuit cannot be terminated now. */
export type TerminationBlocker = {
  __typename?: 'TerminationBlocker';
  /** For RESOURCE_LOCKED: the lock. */
  businessStatus?: Maybe<BusinessStatus>;
  /** Machine-readable reason (same as the error code). */
  code: TerminationBlockerCode;
  /** For PHYSICAL_CONNECTION_NOT_ENABLED: the status the circuit is in. */
  currentStatus?: Maybe<PhysicalConnectionStatus>;
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** For OPERATION_CONFLICT: what still hangs off the circuit. */
  reason?: Maybe<ConflictReason>;
  /** For VBRS_ATTACHED: the VBRs to delete first. */
  vbrIds?: Maybe<Array<Scalars['ID']['output']>>;
};

/** Why a circuit cannot be terminated; the same codes as the mutation errors. */
export type TerminationBlockerCode =
  /** Something other than a VBR still hangs off the circuit (shared-port vpconns, MACsec keys); see `reason`. */
  | 'OPERATION_CONFLICT'
  /** Only ENABLED circuits can be terminated; see `currentStatus`. */
  | 'PHYSICAL_CONNECTION_NOT_ENABLED'
  /** Financially or security locked; see `businessStatus`. */
  | 'RESOURCE_LOCKED'
  /** VBRs are still on the circuit (any status); delete them first; see `vbrIds`. */
  | 'VBRS_ATTACHED';

/** Whether `terminatePhysicalConnection` would pass the gateway preconditions now, from the data already loaded in this request (batched; the mutation itself re-checks with fresh reads). */
export type TerminationCheck = {
  __typename?: 'TerminationCheck';
  /** Every reason the termination would be refused, in check order. */
  blockers: Array<TerminationBlocker>;
  /** True when there are no blockers. */
  terminable: Scalars['Boolean']['output'];
};

/** Attribute changes (ModifyPhysicalConnectionAttribute); an absent or null field is left as it is, and at least one must be set. `portType`, `bandwidth` and `redundantPhysicalConnectionId` change the spec: only in INITIAL, ENABLED or REJECTED. */
export type UpdatePhysicalConnectionInput = {
  /** Bandwidth of the access interface in Mbit/s, 2 to 10240. Changes the spec. */
  bandwidth?: InputMaybe<Scalars['Int']['input']>;
  /** The carrier's circuit code (at most 128 characters). */
  circuitCode?: InputMaybe<Scalars['String']['input']>;
  /** Idempotency token (1-64 printable ASCII characters, no spaces, case-sensitive). Retrying with the same token after a success returns success again with no second effect. Generated and returned in the payload when omitted. */
  clientToken?: InputMaybe<Scalars['String']['input']>;
  /** Description: 2 to 256 characters, a letter or Chinese character first, not starting with `http://` or `https://`. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** How long the port waits after the line goes down before it reports down, in milliseconds: 0 to 10000 in steps of 100. */
  downDelayTime?: InputMaybe<Scalars['Int']['input']>;
  /** The carrier of the line. */
  lineOperator?: InputMaybe<LineOperator>;
  /** Name: 2 to 128 characters, a letter or Chinese character first, then letters, digits, Chinese characters, `.`, `_` or `-`. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Where your data center is (at most 256 characters). */
  peerLocation?: InputMaybe<Scalars['String']['input']>;
  /** The circuit (`pc-...`). */
  physicalConnectionId: Scalars['ID']['input'];
  /** Port type: `100Base-T`, `1000Base-T`, `1000Base-LX`, `10GBase-T`, `10GBase-LR`, `40GBase-LR` or `100GBase-LR`. Changes the spec. */
  portType?: InputMaybe<Scalars['String']['input']>;
  /** A redundant circuit (`pc-...`) of this account in the same region, ALLOCATED, CONFIRMED or ENABLED (the upstream checks it: BAD_USER_INPUT on this field). Changes the spec. */
  redundantPhysicalConnectionId?: InputMaybe<Scalars['ID']['input']>;
  /** Region; defaults to the gateway default region. */
  regionId?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `updatePhysicalConnection`. */
export type UpdatePhysicalConnectionPayload = {
  __typename?: 'UpdatePhysicalConnectionPayload';
  /** The idempotency token used (yours, or the generated one): retry with it to be safe. */
  clientToken: Scalars['String']['output'];
  /** The circuit read fresh after the call, with the changes (a REJECTED circuit is INITIAL again: back to review); null when that read failed. */
  physicalConnection?: Maybe<PhysicalConnection>;
  /** Upstream RequestId of the call (the original one on a replay; for support tickets). */
  requestId: Scalars['String']['output'];
};

/** Changes to a VBR (at least one field besides `vbrId`, `regionId` and `clientToken`). */
export type UpdateVbrInput = {
  /** Mbit/s on a dedicated circuit: 50, 100, 200, 300, 400, 500, 1000, 2048, 5120, 8192, 10240, 20480, 40960, 50120, 61440 or 102400 (a shared circuit's VBR takes the circuit's bandwidth). */
  bandwidth?: InputMaybe<Scalars['Int']['input']>;
  /** The carrier's circuit code (1 to 64 letters, digits, `.`, `_`, `-`). Circuit owner only. */
  circuitCode?: InputMaybe<Scalars['String']['input']>;
  /** Idempotency token (1-64 printable ASCII characters, no spaces, case-sensitive). Retrying with the same token after a success returns success again with no second effect. Generated and returned in the payload when omitted. */
  clientToken?: InputMaybe<Scalars['String']['input']>;
  /** 2 to 256 characters, a letter or Chinese character first, not starting with `http://` or `https://`. VBR owner only. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** BFD detection multiplier, 3 to 10. */
  detectMultiplier?: InputMaybe<Scalars['Int']['input']>;
  /** Whether IPv6 is enabled (then both IPv6 gateway addresses are needed). */
  enableIpv6?: InputMaybe<Scalars['Boolean']['input']>;
  /** IPv4 address on the Alibaba Cloud side. VBR owner only. */
  localGatewayIp?: InputMaybe<Scalars['String']['input']>;
  /** IPv6 address on the Alibaba Cloud side. */
  localIpv6GatewayIp?: InputMaybe<Scalars['String']['input']>;
  /** BFD receive interval, 200 to 1000 ms. */
  minRxInterval?: InputMaybe<Scalars['Int']['input']>;
  /** BFD send interval, 200 to 1000 ms. */
  minTxInterval?: InputMaybe<Scalars['Int']['input']>;
  /** MTU, 1500 or 8500; only on a VBR attached to an Express Connect Router. */
  mtu?: InputMaybe<Scalars['Int']['input']>;
  /** 2 to 128 characters: a letter or Chinese character first, then letters, digits, `.`, `_` or `-`. VBR owner only. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** IPv4 address on the customer side, in the same subnet. VBR owner only. */
  peerGatewayIp?: InputMaybe<Scalars['String']['input']>;
  /** IPv6 address on the customer side. */
  peerIpv6GatewayIp?: InputMaybe<Scalars['String']['input']>;
  /** IPv6 peering prefix, e.g. `2408:4004:cc:400::/56`. */
  peeringIpv6SubnetMask?: InputMaybe<Scalars['String']['input']>;
  /** Mask of the peering subnet, from 255.255.255.0 (/24) to 255.255.255.252 (/30). VBR owner only. */
  peeringSubnetMask?: InputMaybe<Scalars['String']['input']>;
  /** Region of the VBR; defaults to the gateway default region. */
  regionId?: InputMaybe<Scalars['String']['input']>;
  /** Whether data centers may reach each other through this VBR. */
  sitelinkEnable?: InputMaybe<Scalars['Boolean']['input']>;
  /** The VBR (`vbr-...`); not while it is TERMINATING, RECOVERING or DELETING. */
  vbrId: Scalars['ID']['input'];
  /** VLAN id, 0 to 2999, unused on the circuit. Circuit owner only. */
  vlanId?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of `updateVbr`. */
export type UpdateVbrPayload = {
  __typename?: 'UpdateVbrPayload';
  /** The idempotency token used (yours, or the generated one): retry with it to be safe. */
  clientToken: Scalars['String']['output'];
  /** Upstream RequestId of the call (the original one on a replay; for support tickets). */
  requestId: Scalars['String']['output'];
  /** The VBR read after the call. */
  vbr: Vbr;
};

/** A Virtual Border Router (VBR): the routed interface between a circuit and Alibaba Cloud networks. A circuit cannot be terminated while any VBR is attached. */
export type Vbr = {
  __typename?: 'Vbr';
  /** Access point id (`ap-...`). */
  accessPointId?: Maybe<Scalars['String']['output']>;
  /** When the VBR was first activated. */
  activationTime?: Maybe<Scalars['DateTime']['output']>;
  /** CEN instances the VBR is attached to. */
  associatedCens: Array<AssociatedCen>;
  /** Circuits the VBR is associated with. */
  associatedPhysicalConnections: Array<AssociatedPhysicalConnection>;
  /** Each lifecycle action (TERMINATE, RECOVER, DELETE, UPDATE) and whether it may run now, with the reasons it may not: the mutations' own rules applied to this request's batched data, so a list of VBRs costs O(pages) upstream calls. Ownership is what this account can see: a circuit DescribePhysicalConnections lists is this account's, and on it a VBR that DescribeVirtualBorderRouters lists only with IncludeCrossAccountVbr is another account's. A preview: the mutation checks again with fresh reads, and router interfaces or BGP groups on a VBR show only when the upstream refuses its deletion. Null only when the data could not be loaded (see `errors`). */
  availableActions?: Maybe<Array<VbrAvailableAction>>;
  /** Bandwidth in Mbit/s. */
  bandwidth?: Maybe<Scalars['Int']['output']>;
  /** Circuit code assigned by the carrier. */
  circuitCode?: Maybe<Scalars['String']['output']>;
  /** Cloud box id (`cb-...`). */
  cloudBoxInstanceId?: Maybe<Scalars['String']['output']>;
  /** When the VBR was created. */
  creationTime?: Maybe<Scalars['DateTime']['output']>;
  /** Description. */
  description?: Maybe<Scalars['String']['output']>;
  /** BFD detection multiplier (dropped packets tolerated). */
  detectMultiplier?: Maybe<Scalars['Int']['output']>;
  /** Express Cloud Connect instance id (`ecc-...`). */
  eccId?: Maybe<Scalars['String']['output']>;
  /** Attachment state to an Express Connect Router (upstream `EcrAttatchStatus`). */
  ecrAttachStatus?: Maybe<AttachStatus>;
  /** Express Connect Router id (`ecr-...`). */
  ecrId?: Maybe<Scalars['String']['output']>;
  /** Account id owning the Express Connect Router. */
  ecrOwnerId?: Maybe<Scalars['String']['output']>;
  /** Whether IPv6 is enabled. */
  enableIpv6?: Maybe<Scalars['Boolean']['output']>;
  /** VBR id (`vbr-...`). */
  id: Scalars['ID']['output'];
  /** IPv4 address on the Alibaba Cloud side. */
  localGatewayIp?: Maybe<Scalars['String']['output']>;
  /** IPv6 address on the Alibaba Cloud side. */
  localIpv6GatewayIp?: Maybe<Scalars['String']['output']>;
  /** BFD receive interval in milliseconds. */
  minRxInterval?: Maybe<Scalars['Int']['output']>;
  /** BFD transmit interval in milliseconds. */
  minTxInterval?: Maybe<Scalars['Int']['output']>;
  /** MTU in bytes. */
  mtu?: Maybe<Scalars['Int']['output']>;
  /** Name. */
  name?: Maybe<Scalars['String']['output']>;
  /** Billing method of the VBR. */
  pconnVbrChargeType?: Maybe<ChargeType>;
  /** When the VBR expires. */
  pconnVbrExpireTime?: Maybe<Scalars['DateTime']['output']>;
  /** IPv4 address on the customer side. */
  peerGatewayIp?: Maybe<Scalars['String']['output']>;
  /** IPv6 address on the customer side. */
  peerIpv6GatewayIp?: Maybe<Scalars['String']['output']>;
  /** IPv6 peering subnet. */
  peeringIpv6SubnetMask?: Maybe<Scalars['String']['output']>;
  /** IPv4 peering subnet mask. */
  peeringSubnetMask?: Maybe<Scalars['String']['output']>;
  /** The circuit this VBR is on; null when it is not visible to this account. */
  physicalConnection?: Maybe<PhysicalConnection>;
  /** Lock state of the circuit. */
  physicalConnectionBusinessStatus?: Maybe<BusinessStatus>;
  /** Circuit the VBR is on (`pc-...`). */
  physicalConnectionId?: Maybe<Scalars['ID']['output']>;
  /** Account id owning the circuit. */
  physicalConnectionOwnerUid?: Maybe<Scalars['String']['output']>;
  /** Circuit state as the VBR listing reports it, raw (the upstream documents values outside PhysicalConnectionStatus here). Prefer `physicalConnection { status }`. */
  physicalConnectionStatus?: Maybe<Scalars['String']['output']>;
  /** Last time the VBR went from terminated to active. */
  recoveryTime?: Maybe<Scalars['DateTime']['output']>;
  /** Region of the VBR. */
  regionId: Scalars['String']['output'];
  /** Resource group id (`rg-...`). */
  resourceGroupId?: Maybe<Scalars['String']['output']>;
  /** Route table id (`rtb-...`). */
  routeTableId?: Maybe<Scalars['String']['output']>;
  /** Whether traffic between data centers is allowed. */
  sitelinkEnable?: Maybe<Scalars['Boolean']['output']>;
  /** Lifecycle state. */
  status: VbrStatus;
  /** Tags. */
  tags: Array<Tag>;
  /** Last time the VBR was terminated. */
  terminationTime?: Maybe<Scalars['DateTime']['output']>;
  /** VBR type, e.g. `pconnVBR`. */
  type?: Maybe<Scalars['String']['output']>;
  /** VLAN id. */
  vlanId?: Maybe<Scalars['Int']['output']>;
  /** VBR interface id (`ri-...`). */
  vlanInterfaceId?: Maybe<Scalars['String']['output']>;
};

/** A lifecycle action on a VBR (one mutation each). */
export type VbrAction =
  /** `deleteVbr`: UNCONFIRMED, ACTIVE or TERMINATED -> DELETING -> gone. */
  | 'DELETE'
  /** `recoverVbr`: TERMINATED -> RECOVERING -> ACTIVE (circuit owner only, circuit ENABLED). */
  | 'RECOVER'
  /** `terminateVbr`: ACTIVE -> TERMINATING -> TERMINATED (circuit owner only). */
  | 'TERMINATE'
  /** `updateVbr`: changes its attributes. */
  | 'UPDATE';

/** Whether a lifecycle action on a VBR may run now, and why not. */
export type VbrAvailableAction = {
  __typename?: 'VbrAvailableAction';
  /** The action (one mutation). */
  action: VbrAction;
  /** True exactly when `blockers` is empty. */
  allowed: Scalars['Boolean']['output'];
  /** Every reason the action would be refused, in the order the upstream checks them. */
  blockers: Array<ActionBlocker>;
};

/** A page of VBRs. */
export type VbrConnection = {
  __typename?: 'VbrConnection';
  /** Items with their cursors. */
  edges: Array<VbrEdge>;
  /** Items without cursors (same order as `edges`). */
  nodes: Array<Vbr>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Total number of VBRs matching the filter (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a Vbr connection. */
export type VbrEdge = {
  __typename?: 'VbrEdge';
  /** Opaque cursor of this item; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The Vbr. */
  node: Vbr;
};

/** Filter for `vbrs`: AND across fields, OR within a list. */
export type VbrFilter = {
  /** Access point ids (`ap-...`). */
  accessPointIds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Express Cloud Connect ids (`ecc-...`). */
  eccIds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** VBR ids (`vbr-...`). */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Exact names. */
  names?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Circuits the VBRs are on (`pc-...`). */
  physicalConnectionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Lifecycle states. */
  statuses?: InputMaybe<Array<VbrStatus>>;
  /** VBR types, e.g. `pconnVBR`. */
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Lifecycle state of a Virtual Border Router (upstream `Status`, lower-case there). */
export type VbrStatus =
  /** In service (`active`). */
  | 'ACTIVE'
  /** Being deleted (`deleting`). */
  | 'DELETING'
  /** Being recovered (`recovering`). */
  | 'RECOVERING'
  /** Terminated (`terminated`); still blocks terminating its circuit until deleted. */
  | 'TERMINATED'
  /** Being terminated (`terminating`). */
  | 'TERMINATING'
  /** Created for another account, not yet accepted (`unconfirmed`). */
  | 'UNCONFIRMED';

/** A shared-port virtual connection (vpconn): a tenant's shared circuit carved out of this account's dedicated circuit (its host). It blocks terminating the host; the host's owner deletes it with DeletePhysicalConnection on its id. */
export type VirtualPhysicalConnection = {
  __typename?: 'VirtualPhysicalConnection';
  /** Access point id (`ap-...`), the host's. */
  accessPointId?: Maybe<Scalars['String']['output']>;
  /** Bandwidth in Mbit/s. */
  bandwidth?: Maybe<Scalars['Int']['output']>;
  /** Billing / compliance lock state. */
  businessStatus?: Maybe<BusinessStatus>;
  /** Billing method. */
  chargeType?: Maybe<ChargeType>;
  /** When it was created. */
  creationTime?: Maybe<Scalars['DateTime']['output']>;
  /** Description. */
  description?: Maybe<Scalars['String']['output']>;
  /** When it was enabled. */
  enabledTime?: Maybe<Scalars['DateTime']['output']>;
  /** When it expires. */
  endTime?: Maybe<Scalars['DateTime']['output']>;
  /** A pending bandwidth change, e.g. `500M`, effective once paid. */
  expectSpec?: Maybe<Scalars['String']['output']>;
  /** Id of the shared circuit (`pc-...`). */
  id: Scalars['ID']['output'];
  /** Carrier providing the line. */
  lineOperator?: Maybe<LineOperator>;
  /** Name. */
  name?: Maybe<Scalars['String']['output']>;
  /** Who pays: the host's owner or the tenant. */
  orderMode?: Maybe<OrderMode>;
  /** The tenant: the account that owns the shared circuit (64-bit, hence a string). */
  ownerAccountId?: Maybe<Scalars['String']['output']>;
  /** The hosting circuit's owner account (64-bit, hence a string). */
  parentPhysicalConnectionAliUid?: Maybe<Scalars['String']['output']>;
  /** The hosting circuit (`pc-...`). */
  parentPhysicalConnectionId?: Maybe<Scalars['ID']['output']>;
  /** Port type of the host, e.g. `10GBase-LR`. */
  portType?: Maybe<Scalars['String']['output']>;
  /** Region, the host's. */
  regionId: Scalars['String']['output'];
  /** Resource group id (`rg-...`). */
  resourceGroupId?: Maybe<Scalars['String']['output']>;
  /** Bandwidth as ordered, e.g. `50M` or `1G`. */
  spec?: Maybe<Scalars['String']['output']>;
  /** Lifecycle state of the shared circuit (ALLOCATED until the tenant confirms it, then CONFIRMED, ENABLED, ...). */
  status: PhysicalConnectionStatus;
  /** Tags. */
  tags: Array<Tag>;
  /** VLAN id on the host, 0 to 2999 (unique among the host's vpconns and VBRs). */
  vlanId?: Maybe<Scalars['Int']['output']>;
  /** Whether the tenant accepted it (UNCONFIRMED, CONFIRMED, DELETED). */
  vpconnStatus?: Maybe<VpconnStatus>;
};

/** State of a shared circuit as seen by its owner (upstream `VpconnStatus`). */
export type VpconnStatus =
  /** The shared circuit was accepted. */
  | 'CONFIRMED'
  /** The shared circuit was deleted. */
  | 'DELETED'
  /** The shared circuit waits to be accepted. */
  | 'UNCONFIRMED';

export type CancelCircuitMutationVariables = Exact<{
  input: CancelPhysicalConnectionInput;
}>;


export type CancelCircuitMutation = { __typename?: 'Mutation', cancelPhysicalConnection: { __typename?: 'CancelPhysicalConnectionPayload', requestId: string, clientToken: string, physicalConnection: { __typename?: 'PhysicalConnection', id: string, regionId: string, status: PhysicalConnectionStatus } } };

export type ConfirmCircuitMutationVariables = Exact<{
  input: ConfirmPhysicalConnectionInput;
}>;


export type ConfirmCircuitMutation = { __typename?: 'Mutation', confirmPhysicalConnection: { __typename?: 'ConfirmPhysicalConnectionPayload', requestId: string, clientToken: string, physicalConnection: { __typename?: 'PhysicalConnection', id: string, regionId: string, status: PhysicalConnectionStatus } } };

export type CreateCircuitMutationVariables = Exact<{
  input: CreatePhysicalConnectionInput;
}>;


export type CreateCircuitMutation = { __typename?: 'Mutation', createPhysicalConnection: { __typename?: 'CreatePhysicalConnectionPayload', requestId: string, clientToken: string, physicalConnectionId: string, physicalConnection?: { __typename?: 'PhysicalConnection', id: string, regionId: string, status: PhysicalConnectionStatus, name?: string | null, accessPointId?: string | null, lineOperator?: LineOperator | null, portType?: string | null } | null } };

export type DeleteCircuitMutationVariables = Exact<{
  input: DeletePhysicalConnectionInput;
}>;


export type DeleteCircuitMutation = { __typename?: 'Mutation', deletePhysicalConnection: { __typename?: 'DeletePhysicalConnectionPayload', requestId: string, clientToken: string, physicalConnectionId: string, physicalConnection?: { __typename?: 'PhysicalConnection', id: string, regionId: string, status: PhysicalConnectionStatus } | null } };

export type EnableCircuitMutationVariables = Exact<{
  input: EnablePhysicalConnectionInput;
}>;


export type EnableCircuitMutation = { __typename?: 'Mutation', enablePhysicalConnection: { __typename?: 'EnablePhysicalConnectionPayload', requestId: string, clientToken: string, physicalConnection: { __typename?: 'PhysicalConnection', id: string, regionId: string, status: PhysicalConnectionStatus } } };

export type CircuitPortQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  regionId?: InputMaybe<Scalars['String']['input']>;
}>;


export type CircuitPortQuery = { __typename?: 'Query', physicalConnection?: { __typename?: 'PhysicalConnection', id: string, status: PhysicalConnectionStatus, businessStatus?: BusinessStatus | null, productType?: ProductType | null, virtualPhysicalConnectionCount?: number | null, macsecKeys: Array<{ __typename?: 'MacsecKey', ckn?: string | null, cipherSuite?: string | null, startOn?: string | null, status?: string | null }>, virtualPhysicalConnections?: Array<{ __typename?: 'VirtualPhysicalConnection', id: string, name?: string | null, status: PhysicalConnectionStatus, vpconnStatus?: VpconnStatus | null, vlanId?: number | null, spec?: string | null, bandwidth?: number | null, orderMode?: OrderMode | null, ownerAccountId?: string | null, creationTime?: string | null }> | null } | null };

export type RecoverCircuitMutationVariables = Exact<{
  input: RecoverPhysicalConnectionInput;
}>;


export type RecoverCircuitMutation = { __typename?: 'Mutation', recoverPhysicalConnection: { __typename?: 'RecoverPhysicalConnectionPayload', requestId: string, clientToken: string, physicalConnection: { __typename?: 'PhysicalConnection', id: string, regionId: string, status: PhysicalConnectionStatus } } };

export type TerminatePhysicalConnectionMutationVariables = Exact<{
  input: TerminatePhysicalConnectionInput;
}>;


export type TerminatePhysicalConnectionMutation = { __typename?: 'Mutation', terminatePhysicalConnection: { __typename?: 'TerminatePhysicalConnectionPayload', requestId: string, clientToken: string, physicalConnection: { __typename?: 'PhysicalConnection', id: string, regionId: string, status: PhysicalConnectionStatus } } };

export type UpdateCircuitMutationVariables = Exact<{
  input: UpdatePhysicalConnectionInput;
}>;


export type UpdateCircuitMutation = { __typename?: 'Mutation', updatePhysicalConnection: { __typename?: 'UpdatePhysicalConnectionPayload', requestId: string, clientToken: string, physicalConnection?: { __typename?: 'PhysicalConnection', id: string, regionId: string, status: PhysicalConnectionStatus, name?: string | null, description?: string | null, bandwidth?: number | null, portType?: string | null, downDelayTime?: number | null } | null } };

export type ConsoleListQueryVariables = Exact<{
  regionId?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PhysicalConnectionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsoleListQuery = { __typename?: 'Query', physicalConnections: { __typename?: 'PhysicalConnectionConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'PhysicalConnection', id: string, regionId: string, name?: string | null, status: PhysicalConnectionStatus, businessStatus?: BusinessStatus | null, bandwidth?: number | null, spec?: PhysicalConnectionSpec | null, lineOperator?: LineOperator | null, creationTime?: string | null, vbrs?: Array<{ __typename?: 'Vbr', id: string, name?: string | null, status: VbrStatus, vlanId?: number | null, physicalConnection?: { __typename?: 'PhysicalConnection', id: string, status: PhysicalConnectionStatus } | null }> | null, terminationCheck?: { __typename?: 'TerminationCheck', terminable: boolean, blockers: Array<{ __typename?: 'TerminationBlocker', code: TerminationBlockerCode, message: string, reason?: ConflictReason | null }> } | null, availableActions?: Array<{ __typename?: 'PhysicalConnectionAvailableAction', action: PhysicalConnectionAction, allowed: boolean, blockers: Array<{ __typename?: 'ActionBlocker', code: ActionBlockerCode, message: string }> }> | null }> } };

export type DisassociateMacsecKeyMutationVariables = Exact<{
  input: DisassociateMacsecKeyInput;
}>;


export type DisassociateMacsecKeyMutation = { __typename?: 'Mutation', disassociateMacsecKey: { __typename?: 'DisassociateMacsecKeyPayload', requestId: string, clientToken?: string | null, physicalConnection: { __typename?: 'PhysicalConnection', id: string, status: PhysicalConnectionStatus, macsecKeys: Array<{ __typename?: 'MacsecKey', ckn?: string | null, cipherSuite?: string | null, startOn?: string | null, status?: string | null }> } } };

export type PhysicalConnectionDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  regionId?: InputMaybe<Scalars['String']['input']>;
}>;


export type PhysicalConnectionDetailQuery = { __typename?: 'Query', physicalConnection?: { __typename?: 'PhysicalConnection', id: string, regionId: string, name?: string | null, description?: string | null, status: PhysicalConnectionStatus, businessStatus?: BusinessStatus | null, productType?: ProductType | null, chargeType?: ChargeType | null, lineOperator?: LineOperator | null, loaStatus?: LoaStatus | null, accessPointId?: string | null, portType?: string | null, portNumber?: string | null, spec?: PhysicalConnectionSpec | null, bandwidth?: number | null, circuitCode?: string | null, creationTime?: string | null, enabledTime?: string | null, endTime?: string | null, redundantPhysicalConnectionId?: string | null, tags: Array<{ __typename?: 'Tag', key: string, value: string }>, macsecKeys: Array<{ __typename?: 'MacsecKey', ckn?: string | null, cipherSuite?: string | null, status?: string | null }>, vbrs?: Array<{ __typename?: 'Vbr', id: string, name?: string | null, status: VbrStatus, vlanId?: number | null, localGatewayIp?: string | null, peerGatewayIp?: string | null, peeringSubnetMask?: string | null }> | null, availableActions?: Array<{ __typename?: 'PhysicalConnectionAvailableAction', action: PhysicalConnectionAction, allowed: boolean, blockers: Array<{ __typename?: 'ActionBlocker', code: ActionBlockerCode, message: string, currentStatus?: PhysicalConnectionStatus | null, businessStatus?: BusinessStatus | null, vbrIds?: Array<string> | null, reason?: ConflictReason | null }> }> | null } | null };

export type RegionsQueryVariables = Exact<{
  language?: InputMaybe<RegionLanguage>;
}>;


export type RegionsQuery = { __typename?: 'Query', regions: Array<{ __typename?: 'Region', regionId: string, localName?: string | null }> };

export type TerminationPreflightQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  regionId?: InputMaybe<Scalars['String']['input']>;
}>;


export type TerminationPreflightQuery = { __typename?: 'Query', physicalConnection?: { __typename?: 'PhysicalConnection', id: string, status: PhysicalConnectionStatus, terminationCheck?: { __typename?: 'TerminationCheck', terminable: boolean, blockers: Array<{ __typename?: 'TerminationBlocker', code: TerminationBlockerCode, message: string, currentStatus?: PhysicalConnectionStatus | null, businessStatus?: BusinessStatus | null, vbrIds?: Array<string> | null, reason?: ConflictReason | null }> } | null } | null };

export type CreateVbrMutationVariables = Exact<{
  input: CreateVbrInput;
}>;


export type CreateVbrMutation = { __typename?: 'Mutation', createVbr: { __typename?: 'CreateVbrPayload', requestId: string, clientToken: string, vbrId: string, vbr?: { __typename?: 'Vbr', id: string, regionId: string, status: VbrStatus, vlanId?: number | null, physicalConnectionId?: string | null, name?: string | null, localGatewayIp?: string | null, peerGatewayIp?: string | null, peeringSubnetMask?: string | null } | null } };

export type DeleteVbrMutationVariables = Exact<{
  input: DeleteVbrInput;
}>;


export type DeleteVbrMutation = { __typename?: 'Mutation', deleteVbr: { __typename?: 'DeleteVbrPayload', requestId: string, clientToken: string, vbrId: string, vbr?: { __typename?: 'Vbr', id: string, regionId: string, status: VbrStatus } | null } };

export type VbrDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  regionId?: InputMaybe<Scalars['String']['input']>;
}>;


export type VbrDetailQuery = { __typename?: 'Query', vbr?: { __typename?: 'Vbr', id: string, regionId: string, name?: string | null, description?: string | null, status: VbrStatus, vlanId?: number | null, circuitCode?: string | null, bandwidth?: number | null, localGatewayIp?: string | null, peerGatewayIp?: string | null, peeringSubnetMask?: string | null, creationTime?: string | null, terminationTime?: string | null, physicalConnectionId?: string | null, physicalConnection?: { __typename?: 'PhysicalConnection', id: string, name?: string | null, status: PhysicalConnectionStatus } | null, availableActions?: Array<{ __typename?: 'VbrAvailableAction', action: VbrAction, allowed: boolean, blockers: Array<{ __typename?: 'ActionBlocker', code: ActionBlockerCode, message: string, currentStatus?: PhysicalConnectionStatus | null, vbrStatus?: VbrStatus | null, vbrIds?: Array<string> | null, reason?: ConflictReason | null, accountReason?: AccountReason | null }> }> | null } | null };

export type VbrListQueryVariables = Exact<{
  regionId?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<VbrFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type VbrListQuery = { __typename?: 'Query', vbrs: { __typename?: 'VbrConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'Vbr', id: string, name?: string | null, status: VbrStatus, vlanId?: number | null, physicalConnectionId?: string | null, physicalConnection?: { __typename?: 'PhysicalConnection', id: string, name?: string | null, status: PhysicalConnectionStatus } | null, availableActions?: Array<{ __typename?: 'VbrAvailableAction', action: VbrAction, allowed: boolean, blockers: Array<{ __typename?: 'ActionBlocker', code: ActionBlockerCode, message: string }> }> | null }> } };

export type RecoverVbrMutationVariables = Exact<{
  input: RecoverVbrInput;
}>;


export type RecoverVbrMutation = { __typename?: 'Mutation', recoverVbr: { __typename?: 'RecoverVbrPayload', requestId: string, clientToken: string, vbr: { __typename?: 'Vbr', id: string, regionId: string, status: VbrStatus } } };

export type TerminateVbrMutationVariables = Exact<{
  input: TerminateVbrInput;
}>;


export type TerminateVbrMutation = { __typename?: 'Mutation', terminateVbr: { __typename?: 'TerminateVbrPayload', requestId: string, clientToken: string, vbr: { __typename?: 'Vbr', id: string, regionId: string, status: VbrStatus } } };

export type UpdateVbrMutationVariables = Exact<{
  input: UpdateVbrInput;
}>;


export type UpdateVbrMutation = { __typename?: 'Mutation', updateVbr: { __typename?: 'UpdateVbrPayload', requestId: string, clientToken: string, vbr: { __typename?: 'Vbr', id: string, status: VbrStatus, vlanId?: number | null, name?: string | null, description?: string | null, circuitCode?: string | null, localGatewayIp?: string | null, peerGatewayIp?: string | null, peeringSubnetMask?: string | null, detectMultiplier?: number | null } } };


export const CancelCircuitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelCircuit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelPhysicalConnectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelPhysicalConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"physicalConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<CancelCircuitMutation, CancelCircuitMutationVariables>;
export const ConfirmCircuitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmCircuit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmPhysicalConnectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmPhysicalConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"physicalConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmCircuitMutation, ConfirmCircuitMutationVariables>;
export const CreateCircuitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCircuit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePhysicalConnectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPhysicalConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"physicalConnectionId"}},{"kind":"Field","name":{"kind":"Name","value":"physicalConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accessPointId"}},{"kind":"Field","name":{"kind":"Name","value":"lineOperator"}},{"kind":"Field","name":{"kind":"Name","value":"portType"}}]}}]}}]}}]} as unknown as DocumentNode<CreateCircuitMutation, CreateCircuitMutationVariables>;
export const DeleteCircuitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteCircuit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeletePhysicalConnectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletePhysicalConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"physicalConnectionId"}},{"kind":"Field","name":{"kind":"Name","value":"physicalConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteCircuitMutation, DeleteCircuitMutationVariables>;
export const EnableCircuitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnableCircuit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnablePhysicalConnectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enablePhysicalConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"physicalConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<EnableCircuitMutation, EnableCircuitMutationVariables>;
export const CircuitPortDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CircuitPort"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"physicalConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"businessStatus"}},{"kind":"Field","name":{"kind":"Name","value":"productType"}},{"kind":"Field","name":{"kind":"Name","value":"macsecKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ckn"}},{"kind":"Field","name":{"kind":"Name","value":"cipherSuite"}},{"kind":"Field","name":{"kind":"Name","value":"startOn"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"virtualPhysicalConnectionCount"}},{"kind":"Field","name":{"kind":"Name","value":"virtualPhysicalConnections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"vpconnStatus"}},{"kind":"Field","name":{"kind":"Name","value":"vlanId"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"bandwidth"}},{"kind":"Field","name":{"kind":"Name","value":"orderMode"}},{"kind":"Field","name":{"kind":"Name","value":"ownerAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"creationTime"}}]}}]}}]}}]} as unknown as DocumentNode<CircuitPortQuery, CircuitPortQueryVariables>;
export const RecoverCircuitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecoverCircuit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecoverPhysicalConnectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recoverPhysicalConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"physicalConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<RecoverCircuitMutation, RecoverCircuitMutationVariables>;
export const TerminatePhysicalConnectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TerminatePhysicalConnection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TerminatePhysicalConnectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"terminatePhysicalConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"physicalConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<TerminatePhysicalConnectionMutation, TerminatePhysicalConnectionMutationVariables>;
export const UpdateCircuitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCircuit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePhysicalConnectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePhysicalConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"physicalConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"bandwidth"}},{"kind":"Field","name":{"kind":"Name","value":"portType"}},{"kind":"Field","name":{"kind":"Name","value":"downDelayTime"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateCircuitMutation, UpdateCircuitMutationVariables>;
export const ConsoleListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PhysicalConnectionFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"physicalConnections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"businessStatus"}},{"kind":"Field","name":{"kind":"Name","value":"bandwidth"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"lineOperator"}},{"kind":"Field","name":{"kind":"Name","value":"creationTime"}},{"kind":"Field","name":{"kind":"Name","value":"vbrs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"vlanId"}},{"kind":"Field","name":{"kind":"Name","value":"physicalConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"terminationCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"terminable"}},{"kind":"Field","name":{"kind":"Name","value":"blockers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"blockers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleListQuery, ConsoleListQueryVariables>;
export const DisassociateMacsecKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisassociateMacsecKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DisassociateMacsecKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disassociateMacsecKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"physicalConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"macsecKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ckn"}},{"kind":"Field","name":{"kind":"Name","value":"cipherSuite"}},{"kind":"Field","name":{"kind":"Name","value":"startOn"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DisassociateMacsecKeyMutation, DisassociateMacsecKeyMutationVariables>;
export const PhysicalConnectionDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PhysicalConnectionDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"physicalConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"businessStatus"}},{"kind":"Field","name":{"kind":"Name","value":"productType"}},{"kind":"Field","name":{"kind":"Name","value":"chargeType"}},{"kind":"Field","name":{"kind":"Name","value":"lineOperator"}},{"kind":"Field","name":{"kind":"Name","value":"loaStatus"}},{"kind":"Field","name":{"kind":"Name","value":"accessPointId"}},{"kind":"Field","name":{"kind":"Name","value":"portType"}},{"kind":"Field","name":{"kind":"Name","value":"portNumber"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"bandwidth"}},{"kind":"Field","name":{"kind":"Name","value":"circuitCode"}},{"kind":"Field","name":{"kind":"Name","value":"creationTime"}},{"kind":"Field","name":{"kind":"Name","value":"enabledTime"}},{"kind":"Field","name":{"kind":"Name","value":"endTime"}},{"kind":"Field","name":{"kind":"Name","value":"redundantPhysicalConnectionId"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"macsecKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ckn"}},{"kind":"Field","name":{"kind":"Name","value":"cipherSuite"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vbrs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"vlanId"}},{"kind":"Field","name":{"kind":"Name","value":"localGatewayIp"}},{"kind":"Field","name":{"kind":"Name","value":"peerGatewayIp"}},{"kind":"Field","name":{"kind":"Name","value":"peeringSubnetMask"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"blockers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"currentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"businessStatus"}},{"kind":"Field","name":{"kind":"Name","value":"vbrIds"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PhysicalConnectionDetailQuery, PhysicalConnectionDetailQueryVariables>;
export const RegionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Regions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"language"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RegionLanguage"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"language"},"value":{"kind":"Variable","name":{"kind":"Name","value":"language"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"localName"}}]}}]}}]} as unknown as DocumentNode<RegionsQuery, RegionsQueryVariables>;
export const TerminationPreflightDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TerminationPreflight"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"physicalConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"terminationCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"terminable"}},{"kind":"Field","name":{"kind":"Name","value":"blockers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"currentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"businessStatus"}},{"kind":"Field","name":{"kind":"Name","value":"vbrIds"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TerminationPreflightQuery, TerminationPreflightQueryVariables>;
export const CreateVbrDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateVbr"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateVbrInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createVbr"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"vbrId"}},{"kind":"Field","name":{"kind":"Name","value":"vbr"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"vlanId"}},{"kind":"Field","name":{"kind":"Name","value":"physicalConnectionId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"localGatewayIp"}},{"kind":"Field","name":{"kind":"Name","value":"peerGatewayIp"}},{"kind":"Field","name":{"kind":"Name","value":"peeringSubnetMask"}}]}}]}}]}}]} as unknown as DocumentNode<CreateVbrMutation, CreateVbrMutationVariables>;
export const DeleteVbrDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteVbr"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteVbrInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteVbr"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"vbrId"}},{"kind":"Field","name":{"kind":"Name","value":"vbr"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteVbrMutation, DeleteVbrMutationVariables>;
export const VbrDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VbrDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vbr"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"vlanId"}},{"kind":"Field","name":{"kind":"Name","value":"circuitCode"}},{"kind":"Field","name":{"kind":"Name","value":"bandwidth"}},{"kind":"Field","name":{"kind":"Name","value":"localGatewayIp"}},{"kind":"Field","name":{"kind":"Name","value":"peerGatewayIp"}},{"kind":"Field","name":{"kind":"Name","value":"peeringSubnetMask"}},{"kind":"Field","name":{"kind":"Name","value":"creationTime"}},{"kind":"Field","name":{"kind":"Name","value":"terminationTime"}},{"kind":"Field","name":{"kind":"Name","value":"physicalConnectionId"}},{"kind":"Field","name":{"kind":"Name","value":"physicalConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"blockers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"currentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"vbrStatus"}},{"kind":"Field","name":{"kind":"Name","value":"vbrIds"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"accountReason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VbrDetailQuery, VbrDetailQueryVariables>;
export const VbrListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VbrList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VbrFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vbrs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"vlanId"}},{"kind":"Field","name":{"kind":"Name","value":"physicalConnectionId"}},{"kind":"Field","name":{"kind":"Name","value":"physicalConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"blockers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<VbrListQuery, VbrListQueryVariables>;
export const RecoverVbrDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecoverVbr"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecoverVbrInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recoverVbr"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"vbr"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<RecoverVbrMutation, RecoverVbrMutationVariables>;
export const TerminateVbrDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TerminateVbr"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TerminateVbrInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"terminateVbr"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"vbr"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<TerminateVbrMutation, TerminateVbrMutationVariables>;
export const UpdateVbrDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateVbr"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateVbrInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateVbr"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"vbr"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"vlanId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"circuitCode"}},{"kind":"Field","name":{"kind":"Name","value":"localGatewayIp"}},{"kind":"Field","name":{"kind":"Name","value":"peerGatewayIp"}},{"kind":"Field","name":{"kind":"Name","value":"peeringSubnetMask"}},{"kind":"Field","name":{"kind":"Name","value":"detectMultiplier"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateVbrMutation, UpdateVbrMutationVariables>;