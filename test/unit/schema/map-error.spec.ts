/** The upstream -> GraphQL code table, with and without a circuit in scope. */
import { BadInputError, UpstreamError, type UpstreamErrorKind } from '../../../src/datasources/errors';
import { GatewayError } from '../../../src/schema/errors';
import { mapErrors, toGatewayError } from '../../../src/schema/map-error';

function upstream(kind: UpstreamErrorKind, code: string, retryable = false): UpstreamError {
  return new UpstreamError({
    kind,
    code,
    httpStatus: 400,
    requestId: 'R',
    hostId: null,
    action: 'TerminatePhysicalConnection',
    message: 'upstream said something with details',
    retryable,
  });
}

const details = (code: string) => ({ code, httpStatus: 400, requestId: 'R' });
const PC = { regionId: 'cn-hangzhou', physicalConnectionId: 'pc-x1' };
const VBR = { ...PC, vbrId: 'vbr-x1', vbrAction: 'DELETE', inputPath: 'input' } as const;

it.each([
  // [kind, code, scope, expected extensions]
  ['INVALID_STATE', 'Forbidden.NotAllowedInState', PC, { code: 'PHYSICAL_CONNECTION_NOT_ENABLED', physicalConnectionId: 'pc-x1', currentStatus: null }],
  ['INVALID_STATE', 'IncorrectStatus.PhysicalConnection', PC, { code: 'PHYSICAL_CONNECTION_NOT_ENABLED', physicalConnectionId: 'pc-x1', currentStatus: null }],
  ['INVALID_STATE', 'Forbidden.NotAllowedInState', {}, { code: 'UPSTREAM_ERROR' }],
  ['DEPENDENCY_ATTACHED', 'Forbidden.VbrAttached', PC, { code: 'VBRS_ATTACHED', physicalConnectionId: 'pc-x1', vbrIds: null }],
  ['DEPENDENCY_ATTACHED', 'OperationFailed.VpconnAttached', PC, { code: 'OPERATION_CONFLICT', physicalConnectionId: 'pc-x1', reason: 'VPCONNS_ATTACHED' }],
  ['DEPENDENCY_ATTACHED', 'OperationDenied.MacsecAttached', PC, { code: 'OPERATION_CONFLICT', physicalConnectionId: 'pc-x1', reason: 'MACSEC_KEYS' }],
  ['DEPENDENCY_ATTACHED', 'InvalidOperation.RouterInterfaceNotDeleted', {}, { code: 'OPERATION_CONFLICT', physicalConnectionId: null, reason: 'ROUTER_INTERFACES' }],
  ['IDEMPOTENCY_CONFLICT', 'IdempotentParameterMismatch', {}, { code: 'OPERATION_CONFLICT', physicalConnectionId: null, reason: null }],
  ['LOCKED', 'OperationFailed.ResourceLockedBySystem', PC, { code: 'RESOURCE_LOCKED', physicalConnectionId: 'pc-x1', businessStatus: null }],
  ['LOCKED', 'OperationFailed.ResourceLockedBySystem', {}, { code: 'UPSTREAM_ERROR' }],
  ['NOT_FOUND', 'InvalidPhysicalConnectionId.NotFound', PC, { code: 'PHYSICAL_CONNECTION_NOT_FOUND', physicalConnectionId: 'pc-x1' }],
  ['NOT_FOUND', 'InvalidVbrId.NotFound', {}, { code: 'UPSTREAM_ERROR' }],
  ['NOT_FOUND', 'InvalidRegionId.NotFound', PC, { code: 'BAD_USER_INPUT', field: 'regionId' }],
  ['NOT_FOUND', 'InvalidRegionId.NotFound', { ...PC, regionField: 'input.regionId' }, { code: 'BAD_USER_INPUT', field: 'input.regionId' }],
  ['AUTH', 'InvalidAccessKeyId.NotFound', PC, { code: 'UPSTREAM_AUTH_FAILED' }],
  ['AUTH', 'Forbidden.RAM', {}, { code: 'UPSTREAM_AUTH_FAILED' }],
  ['BAD_REQUEST', 'InvalidFilterKey.ValueNotSupported', {}, { code: 'UPSTREAM_ERROR' }],
  // VBR writes: the VBR, its action and the input object in scope.
  ['NOT_FOUND', 'InvalidVbrId.NotFound', VBR, { code: 'VBR_NOT_FOUND', vbrId: 'vbr-x1' }],
  ['INVALID_STATE', 'InvalidOperation.OperationNotAllowedInState', VBR, { code: 'VBR_INVALID_STATE', vbrId: 'vbr-x1', action: 'DELETE', currentStatus: null, allowedStatuses: ['UNCONFIRMED', 'ACTIVE', 'TERMINATED'] }],
  ['INVALID_STATE', 'InvalidStatus.NotAllowed', VBR, { code: 'VBR_INVALID_STATE', vbrId: 'vbr-x1', action: 'DELETE', currentStatus: null, allowedStatuses: ['UNCONFIRMED', 'ACTIVE', 'TERMINATED'] }],
  ['INVALID_STATE', 'InvalidPhysicalConnectionId.NotEnabled', VBR, { code: 'PHYSICAL_CONNECTION_NOT_ENABLED', physicalConnectionId: 'pc-x1', currentStatus: null }],
  ['UNKNOWN', 'Forbidden.OperationNotAllowedByUser', VBR, { code: 'ACCOUNT_NOT_ALLOWED', resourceId: 'vbr-x1', reason: null }],
  ['AUTH', 'Forbidden.VlanIdNotAllowedByCaller', VBR, { code: 'ACCOUNT_NOT_ALLOWED', resourceId: 'vbr-x1', reason: null }],
  ['AUTH', 'Forbidden.NameNotAllowedByCaller', PC, { code: 'ACCOUNT_NOT_ALLOWED', resourceId: 'pc-x1', reason: null }],
  ['AUTH', 'Forbidden.NameNotAllowedByCaller', {}, { code: 'UPSTREAM_AUTH_FAILED' }],
  ['DEPENDENCY_ATTACHED', 'DependencyViolation.RouterInterfaceReferedByRouteEntry', VBR, { code: 'OPERATION_CONFLICT', physicalConnectionId: 'pc-x1', reason: 'ROUTER_INTERFACES' }],
  ['BAD_REQUEST', 'OperationFailed.VlanIdAlreadyInUse', VBR, { code: 'OPERATION_CONFLICT', physicalConnectionId: 'pc-x1', reason: 'VLAN_IN_USE' }],
  ['BAD_REQUEST', 'QuotaExceeded.vbrPerpConn', PC, { code: 'QUOTA_EXCEEDED' }],
  ['BAD_REQUEST', 'InvalidVlanId.Used', { ...PC, inputPath: 'input' }, { code: 'BAD_USER_INPUT', field: 'input.vlanId' }],
  ['BAD_REQUEST', 'InvalidLocalGatewayIp.Malformed', { ...PC, inputPath: 'input' }, { code: 'BAD_USER_INPUT', field: 'input.localGatewayIp' }],
  ['BAD_REQUEST', 'InvalidPeeringSubnetMask.Malformed', VBR, { code: 'BAD_USER_INPUT', field: 'input.peeringSubnetMask' }],
  ['BAD_REQUEST', 'InvalidLineOperator.Malformd', { inputPath: 'input' }, { code: 'BAD_USER_INPUT', field: 'input.lineOperator' }],
  ['BAD_REQUEST', 'InvalidIp.NotSameSubnet', VBR, { code: 'BAD_USER_INPUT', field: 'input.peerGatewayIp' }],
  ['BAD_REQUEST', 'InvalidIp.Malformed', VBR, { code: 'BAD_USER_INPUT', field: 'input' }],
  ['NOT_FOUND', 'InvalidVbrOwnerId.NotFound', { ...PC, inputPath: 'input' }, { code: 'BAD_USER_INPUT', field: 'input.vbrOwnerId' }],
  ['BAD_REQUEST', 'InvalidVlanId.Used', PC, { code: 'UPSTREAM_ERROR' }],
  // Circuit actions other than terminate: a status refusal names the action and the statuses it starts from.
  ['INVALID_STATE', 'Forbidden.NotAllowedInState', { ...PC, action: 'CANCEL' }, {
    code: 'PHYSICAL_CONNECTION_INVALID_STATE', physicalConnectionId: 'pc-x1', action: 'CANCEL', currentStatus: null,
    allowedStatuses: ['INITIAL', 'APPROVED', 'ALLOCATED', 'CONFIRMED'],
  }],
  ['INVALID_STATE', 'IncorrectStatus.PhysicalConnection', { ...PC, action: 'CONFIRM' }, {
    code: 'PHYSICAL_CONNECTION_INVALID_STATE', physicalConnectionId: 'pc-x1', action: 'CONFIRM', currentStatus: null, allowedStatuses: ['ALLOCATED'],
  }],
  ['INVALID_STATE', 'INSTANCE.STATUS.NOT.ALLOW', { ...PC, action: 'ENABLE' }, {
    code: 'PHYSICAL_CONNECTION_INVALID_STATE', physicalConnectionId: 'pc-x1', action: 'ENABLE', currentStatus: null, allowedStatuses: ['CONFIRMED'],
  }],
  ['INVALID_STATE', 'Forbidden.NotAllowedInState', { ...PC, action: 'TERMINATE' }, { code: 'PHYSICAL_CONNECTION_NOT_ENABLED', physicalConnectionId: 'pc-x1', currentStatus: null }],
  ['INVALID_STATE', 'InvalidPhysicalConnectionId.NotEnabled', PC, { code: 'PHYSICAL_CONNECTION_NOT_ENABLED', physicalConnectionId: 'pc-x1', currentStatus: null }],
  ['DEPENDENCY_ATTACHED', 'Forbidden.VBRExists', { ...PC, action: 'DELETE' }, { code: 'VBRS_ATTACHED', physicalConnectionId: 'pc-x1', vbrIds: null }],
  ['DEPENDENCY_ATTACHED', 'Forbidden.AssociateToVBR', { ...PC, action: 'DELETE' }, { code: 'VBRS_ATTACHED', physicalConnectionId: 'pc-x1', vbrIds: null }],
  ['BAD_REQUEST', 'QuotaExceeded.pConnPerAP', {}, { code: 'QUOTA_EXCEEDED' }],
  ['BAD_REQUEST', 'InvalidName.Malformed', { ...PC, inputPath: 'input' }, { code: 'BAD_USER_INPUT', field: 'input.name' }],
  ['BAD_REQUEST', 'InvalidPortType.Malformd', { inputPath: 'input' }, { code: 'BAD_USER_INPUT', field: 'input.portType' }],
  ['INVALID_STATE', 'InvalidAccessPointId.NotEnabled', { inputPath: 'input' }, { code: 'BAD_USER_INPUT', field: 'input.accessPointId' }],
  ['NOT_FOUND', 'InvalidRedundantPhysicalConnectionId.NotFound', { ...PC, inputPath: 'input' }, { code: 'BAD_USER_INPUT', field: 'input.redundantPhysicalConnectionId' }],
  ['BAD_REQUEST', 'InvalidRedundantPhysicalConnectionStatus', { ...PC, inputPath: 'input' }, { code: 'BAD_USER_INPUT', field: 'input.redundantPhysicalConnectionId' }],
] as const)('%s %s %j -> %j', (kind, code, scope, expected) => {
  const mapped = toGatewayError(upstream(kind, code), scope);
  expect(mapped).toBeInstanceOf(GatewayError);
  expect(mapped?.extensions).toEqual({ retryable: false, upstream: details(code), ...expected });
  expect(mapped?.message).not.toContain('details');
});

it.each([
  ['THROTTLED', 'Throttling.Api', 'UPSTREAM_THROTTLED'],
  ['UNAVAILABLE', 'ServiceUnavailable', 'UPSTREAM_UNAVAILABLE'],
  ['UNAVAILABLE', 'InternalError', 'UPSTREAM_UNAVAILABLE'],
] as const)('%s %s is retryable %s', (kind, code, expected) => {
  expect(toGatewayError(upstream(kind, code, true))?.extensions).toEqual({
    code: expected,
    retryable: true,
    upstream: details(code),
  });
});

it.each(['OperationConflict', 'TaskConflict', 'Conflict.Lock'])('%s is a retryable OPERATION_CONFLICT', (code) => {
  expect(toGatewayError(upstream('INVALID_STATE', code), PC)?.extensions).toEqual({
    code: 'OPERATION_CONFLICT',
    retryable: true,
    physicalConnectionId: 'pc-x1',
    reason: null,
    upstream: details(code),
  });
});

it('DependencyViolation.BgpGroup is a retryable OPERATION_CONFLICT (Terraform retries it)', () => {
  expect(toGatewayError(upstream('DEPENDENCY_ATTACHED', 'DependencyViolation.BgpGroup'), VBR)?.extensions).toEqual({
    code: 'OPERATION_CONFLICT',
    retryable: true,
    physicalConnectionId: 'pc-x1',
    reason: 'BGP_GROUPS',
    upstream: details('DependencyViolation.BgpGroup'),
  });
});

it('UPSTREAM_ERROR keeps the data source verdict on retryability', () => {
  expect(toGatewayError(upstream('UNKNOWN', 'Weird', true))?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', retryable: true });
});

it('BadInputError keeps its field; unknown errors are not mapped', () => {
  expect(toGatewayError(new BadInputError('filter.ids', 'too many'))?.extensions).toEqual({
    code: 'BAD_USER_INPUT',
    retryable: false,
    field: 'filter.ids',
  });
  expect(toGatewayError(new Error('bug'))).toBeNull();
  expect(toGatewayError('thrown string')).toBeNull();
});

it('mapErrors rethrows mapped errors and leaves unknown ones untouched', async () => {
  await expect(mapErrors(PC, () => Promise.reject(upstream('THROTTLED', 'Throttling', true)))).rejects.toMatchObject({
    extensions: { code: 'UPSTREAM_THROTTLED' },
  });
  const bug = new RangeError('bug');
  await expect(mapErrors(PC, () => Promise.reject(bug))).rejects.toBe(bug);
  await expect(mapErrors(PC, () => Promise.resolve(7))).resolves.toBe(7);
});

it.each([
  // [kind, code, scope, expected extensions, retryable]
  ['NOT_FOUND', 'ResourceNotFound.PconnMacsec', { ...PC, ckn: 'AB'.repeat(16) }, { code: 'MACSEC_KEY_NOT_FOUND', physicalConnectionId: 'pc-x1', ckn: 'AB'.repeat(16) }, false],
  // Without the key in scope it is only a NOT_FOUND of the circuit's call.
  ['NOT_FOUND', 'ResourceNotFound.PconnMacsec', PC, { code: 'PHYSICAL_CONNECTION_NOT_FOUND', physicalConnectionId: 'pc-x1' }, false],
  ['NOT_FOUND', 'ResourceNotFound.PhysicalConnectionId', PC, { code: 'PHYSICAL_CONNECTION_NOT_FOUND', physicalConnectionId: 'pc-x1' }, false],
  ['INVALID_STATE', 'IncorrectStatus.PconnMacsec', PC, { code: 'OPERATION_CONFLICT', physicalConnectionId: 'pc-x1', reason: null }, true],
] as const)('MACsec: %s %s -> %j', (kind, code, scope, expected, retryable) => {
  const mapped = toGatewayError(upstream(kind, code), scope);
  expect(mapped).toBeInstanceOf(GatewayError);
  expect(mapped?.extensions).toMatchObject({ ...expected, retryable, upstream: details(code) });
});
