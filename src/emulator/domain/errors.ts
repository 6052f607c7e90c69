/**
 * Every refusal the domain answers, with the status, code and message Alibaba documents (messages
 * verbatim, misspellings included); where the docs differ per operation, each picks its variant.
 * Codes marked [I] are the emulator's choice (docs/emulator-seed.md#where-the-emulator-infers).
 */
import { ApiError } from '../api-error';

/** Echo an id in a message only when it looks like an id: messages must not carry hostile input. */
export function safeEcho(value: string): string {
  return /^[A-Za-z0-9_.-]{1,64}$/.test(value) ? value : 'the specified resource';
}

export const circuitErrors = {
  notFound: () =>
    new ApiError(404, 'InvalidPhysicalConnectionId.NotFound', 'The PhysicalConnectionId provided does not exist in our records.'),
  notFoundOnConfirm: () =>
    new ApiError(400, 'InvalidPhysicalConnectionId.NotFound', 'The specified physicalConnection is not found'),
  notFoundOnCreateVbr: () =>
    new ApiError(400, 'InvalidPhysicalConnectionId.NotFound', 'The specified PhysicalConnectionId is not found.'),
  notOwnedByUser: () =>
    new ApiError(404, 'InvalidPhysicalConnectionId.NotFound', 'The specified PhysicalConnectionId does not belong to user.'),
  resourceNotFound: (id: string) =>
    new ApiError(400, 'ResourceNotFound', `The specified resource ${safeEcho(id)} is not found.`),
  notAllowedInState: () => new ApiError(400, 'Forbidden.NotAllowedInState', 'The request does not allow in this state.'),
  notAllocated: () =>
    new ApiError(400, 'IncorrectStatus.PhysicalConnection', 'The specified PhysicalConnectionId is not in Allocated state.'),
  incorrectStatus: (id: string) =>
    new ApiError(400, 'IncorrectStatus.PhysicalConnection', `The status of ${safeEcho(id)} is incorrect.`),
  notEnabled: () =>
    new ApiError(400, 'InvalidPhysicalConnectionId.NotEnabled', 'The specified PhysicalConnectionId is not in Enabled state.'),
  vbrAttached: () =>
    new ApiError(
      400,
      'Forbidden.VbrAttached',
      'Cannot terminate physical connection when virtual border routers are still attached.',
    ),
  vpconnAttached: () =>
    new ApiError(400, 'OperationFailed.VpconnAttached', 'Cannot terminate physical connection when vpconn are still attached.'),
  /** [I] Delete has no documented code for a hosting circuit that still has vpconns; reuse Terminate's. */
  vpconnAttachedOnDelete: () =>
    new ApiError(400, 'OperationFailed.VpconnAttached', 'Cannot delete physical connection when vpconn are still attached.'),
  macsecAttached: () =>
    new ApiError(400, 'OperationDenied.MacsecAttached', 'The operation is not allowed because of MacsecAttached.'),
  lockedBySystem: () =>
    new ApiError(400, 'OperationFailed.ResourceLockedBySystem', 'The specified resource is locked by system.'),
  /** [I] The Enable doc says concurrent calls get "an error" without naming it. */
  operationConflict: () =>
    new ApiError(
      400,
      'OperationConflict',
      'The operation conflicts with another operation in progress on the specified resource.',
    ),
  ownersVbrExists: () => new ApiError(400, 'Forbidden.VBRExists', "physical connection owner's vbr still exists."),
  otherOwnersVbrExists: () => new ApiError(400, 'Forbidden.VBRExists', "vbr owner's vbr still exists."),
  quotaPerAccessPoint: () =>
    new ApiError(400, 'QuotaExceeded.pConnPerAP', 'Physical connection count per ap quota exceed.'),
  // CreatePhysicalConnection validation; `Malformd` is how Alibaba publishes these codes.
  invalidType: () => new ApiError(400, 'InvalidType.Malformd', 'The Type provided was invalid.'),
  invalidPeerLocation: () => new ApiError(400, 'InvalidPeerLocation.Malformd', 'The PeerLocation provided was invalid.'),
  invalidLineOperator: () => new ApiError(400, 'InvalidLineOperator.Malformd', 'The LineOperator provided was invalid.'),
  invalidPortType: () => new ApiError(400, 'InvalidPortType.Malformd', 'The PortType provided was invalid.'),
  invalidBandwidth: () => new ApiError(400, 'InvalidBandwidth', 'invalid physical connection banwidth.'),
  redundantNotFound: () =>
    new ApiError(400, 'InvalidRedundantPhysicalConnectionId.NotFound', 'The RedundantPhysicalConnectionId does not found.'),
  redundantNotOwned: () =>
    new ApiError(400, 'InvalidRedundantPhysicalConnection', "redundant physical connection doesn't belong to current user."),
  redundantBadStatus: () =>
    new ApiError(400, 'InvalidRedundantPhysicalConnectionStatus', 'invalid redundant physical connection status.'),
  /** [I] An access point outside the request's region: the closest documented code. */
  accessPointNotEnabled: () => new ApiError(400, 'InvalidAccessPointId.NotEnabled', 'Invalid access point status.'),
} as const;

export const vbrErrors = {
  notFound: () => new ApiError(404, 'InvalidVbrId.NotFound', 'The specified VirutalBorderRouter is not found.'),
  notFoundOnDelete: () =>
    new ApiError(404, 'InvalidVbrId.NotFound', 'The specified VirutalBorderRouter does not exist in our records.'),
  notFoundOnModify: () => new ApiError(400, 'InvalidVbrId.NotFound', 'The specified VirutalBorderRouter is not found.'),
  notAllowedInState: () =>
    new ApiError(400, 'InvalidOperation.OperationNotAllowedInState', 'The specified VirutalBorderRouter is in invalid state.'),
  notAllowedByUser: (verb: 'delete' | 'terminate' | 'recover') =>
    new ApiError(
      403,
      'Forbidden.OperationNotAllowedByUser',
      `The caller is not allowed to ${verb} the specified VirtualBorderRouter.`,
    ),
  notAllowedByCaller: (parameter: string) =>
    new ApiError(
      403,
      `Forbidden.${parameter}NotAllowedByCaller`,
      // The VlanId variant is published without the trailing "parameter".
      parameter === 'VlanId'
        ? 'The caller is not allowed to specify the VlanId.'
        : `The caller is not allowed to specify the ${parameter} parameter.`,
    ),
  vlanUsed: () => new ApiError(400, 'InvalidVlanId.Used', 'The specified VlanId has been used.'),
  vlanMalformed: () => new ApiError(400, 'InvalidVlanId.Malformed', 'The specified VlanId is not valid.'),
  vlanAlreadyInUse: () => new ApiError(400, 'OperationFailed.VlanIdAlreadyInUse', 'The specifed vlanId has been used.'),
  vbrOwnerNotFound: () => new ApiError(404, 'InvalidVbrOwnerId.NotFound', 'The specified VbrOwnerId is not valid.'),
  localGatewayIpMalformed: () =>
    new ApiError(400, 'InvalidLocalGatewayIp.Malformed', 'The specified LocalGatewayIp is not valid.'),
  /** [I] Create documents only the LocalGatewayIp variant; the peer side mirrors it. */
  peerGatewayIpMalformed: () =>
    new ApiError(400, 'InvalidPeerGatewayIp.Malformed', 'The specified PeerGatewayIp is not valid.'),
  ipMalformed: () => new ApiError(400, 'InvalidIp.Malformed', 'The specified ip address is not valid.'),
  subnetMaskMalformed: () =>
    new ApiError(400, 'InvalidPeeringSubnetMask.Malformed', 'The specified PeeringSubnetMask is not valid.'),
  notSameSubnet: () =>
    new ApiError(400, 'InvalidIp.NotSameSubnet', 'Local gateway ip and peer gateway ip are not in the same subnet.'),
} as const;

export const attributeErrors = {
  nameMalformed: () => new ApiError(400, 'InvalidName.Malformed', 'The specified ?Name? is not valid.'),
  descriptionMalformed: () =>
    new ApiError(400, 'InvalidDescription.Malformed', 'The specifid ?Description? is not valid.'),
  circuitCodeMalformed: (vbr: boolean) =>
    vbr
      ? new ApiError(400, 'InvalidCircuitCode.Malformed', 'The specified CircuitCode is not valid.')
      : new ApiError(400, 'InvalidCircuitCode.Malformed', 'circuitCode is illegal.'),
} as const;

export const filterErrors = {
  keyNotSupported: (index: number) =>
    new ApiError(404, 'InvalidFilterKey.ValueNotSupported', `Specified filter key is not supported: Filter.${index}.key`),
} as const;

/**
 * The MACsec and vpconn operations, a newer family of the API with its own codes (`IllegalParam.*`,
 * `ResourceNotFound.*`, `IncorrectStatus.*`; messages of the current docs, their `%s` filled as the
 * docs' examples suggest). No message quotes a CAK.
 */
export const portErrors = {
  illegalParam: (name: string) => new ApiError(400, `IllegalParam.${name}`, `The param of ${name} is illegal.`),
  /** A circuit that is missing, someone else's, or (as a vpconn's host) itself shared. */
  circuitNotFound: (id: string) =>
    new ApiError(400, 'ResourceNotFound.PhysicalConnectionId', `The specified resource of [${safeEcho(id)}] is not found.`),
  circuitIncorrectStatus: (id: string) =>
    new ApiError(400, 'IncorrectStatus.PhysicalConnection', `The status of PhysicalConnection [${safeEcho(id)}] is incorrect.`),
  macsecKeyNotFound: (ckn: string) =>
    new ApiError(400, 'ResourceNotFound.PconnMacsec', `The specified resource of ${safeEcho(ckn)} is not found.`),
  /** [I] The docs give the limit (three pairs), not the code. */
  macsecQuota: () => new ApiError(400, 'QuotaExceeded.PconnMacsec', 'The number of MACsec keys of the physical connection exceeds the quota.'),
  /** [I] The docs require free bandwidth on the hosting circuit without naming the code. */
  vpconnBandwidthExceeded: () =>
    new ApiError(400, 'QuotaExceeded.Bandwidth', 'The bandwidth of the shared physical connections exceeds that of the physical connection.'),
  /** The documented DryRun answer, as an error like the API's other DryRuns (`DryRunOperation`); [I] its message. */
  dryRunPassed: () => new ApiError(400, 'DRYRUN.SUCCESS', 'Request validation has been passed with DryRun flag set.'),
} as const;
