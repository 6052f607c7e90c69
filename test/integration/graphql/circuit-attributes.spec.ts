/**
 * createPhysicalConnection and updatePhysicalConnection end to end: the effect and the fresh
 * circuit, replay, the quota, the status rules of an update (attributes vs spec), the upstream's
 * refusals of an argument, and every field's bad input refused before anything is sent.
 */
import { DEMO_IDS } from '../../../src/emulator/domain';
import {
  CreateCircuitDocument,
  UpdateCircuitDocument,
  type CreateCircuitMutationVariables,
  type UpdateCircuitMutationVariables,
} from '../../generated/graphql';
import { emulatorStatus, GENERATED_TOKEN, onlyError, REGION, UPSTREAM_REQUEST_ID, upstreamCalls, type MutationOutcome } from './support/circuits';
import { useGateway } from './support/gateway';

const gw = useGateway({ transitionMs: 60_000 });
beforeEach(() => gw.emu.control.reset());

const ACCESS_POINT = 'ap-cn-hangzhou-test-A';

async function create(input: Partial<CreateCircuitMutationVariables['input']>): Promise<MutationOutcome> {
  const { data, errors } = await gw.run(CreateCircuitDocument, { input: { accessPointId: ACCESS_POINT, lineOperator: 'CT', ...input } });
  return { payload: data?.createPhysicalConnection ?? null, errors };
}

async function update(input: UpdateCircuitMutationVariables['input']): Promise<MutationOutcome> {
  const { data, errors } = await gw.run(UpdateCircuitDocument, { input });
  return { payload: data?.updatePhysicalConnection ?? null, errors };
}

describe('createPhysicalConnection', () => {
  it('creates one circuit (INITIAL) with the attributes given; the payload reads it fresh', async () => {
    const { payload, errors } = await create({ name: 'edge-hz-1', portType: '10GBase-LR', description: 'Second line', bandwidth: 100 });
    expect(errors).toBeUndefined();
    const [event, ...more] = await gw.emu.control.events();
    expect(more).toEqual([]);
    const id = payload?.['physicalConnectionId'];
    expect(event).toMatchObject({ action: 'CreatePhysicalConnection', resourceId: id, regionId: REGION });
    expect(payload).toEqual({
      requestId: event?.requestId,
      clientToken: event?.clientToken,
      physicalConnectionId: expect.stringMatching(/^pc-/),
      physicalConnection: { id, regionId: REGION, status: 'INITIAL', name: 'edge-hz-1', accessPointId: ACCESS_POINT, lineOperator: 'CT', portType: '10GBase-LR' },
    });
    expect(payload?.['clientToken']).toEqual(GENERATED_TOKEN);
  });

  it('a retry with the same token: the same circuit id and RequestId, one circuit', async () => {
    const first = await create({ name: 'edge-hz-2', clientToken: 'create-1' });
    const retry = await create({ name: 'edge-hz-2', clientToken: 'create-1' });
    expect(retry.errors).toBeUndefined();
    expect(retry.payload?.['physicalConnectionId']).toBe(first.payload?.['physicalConnectionId']);
    expect(retry.payload?.['requestId']).toBe(first.payload?.['requestId']);
    expect(await gw.emu.control.events()).toHaveLength(1);
  });

  it('the same token for another circuit: OPERATION_CONFLICT (IdempotentParameterMismatch)', async () => {
    await create({ name: 'edge-hz-3', clientToken: 'create-2' });
    const error = onlyError(await create({ name: 'edge-hz-other', clientToken: 'create-2' }));
    expect(error.extensions).toEqual({
      code: 'OPERATION_CONFLICT',
      retryable: false,
      physicalConnectionId: null,
      reason: null,
      upstream: { code: 'IdempotentParameterMismatch', httpStatus: 400, requestId: UPSTREAM_REQUEST_ID },
      clientToken: 'create-2',
    });
  });

  it('QUOTA_EXCEEDED once the account has 5 circuits not yet enabled at the access point', async () => {
    for (let i = 0; i < 5; i += 1) expect((await create({})).errors).toBeUndefined();
    const error = onlyError(await create({}));
    expect(error.extensions).toEqual({
      code: 'QUOTA_EXCEEDED',
      retryable: false,
      upstream: { code: 'QuotaExceeded.pConnPerAP', httpStatus: 400, requestId: UPSTREAM_REQUEST_ID },
      clientToken: GENERATED_TOKEN,
    });
    expect(await gw.emu.control.events()).toHaveLength(5);
  });

  it.each([
    ['an access point of another region', { accessPointId: 'ap-cn-shanghai-nt-A' }, 'input.accessPointId', 'InvalidAccessPointId.NotEnabled'],
    ['a redundant circuit that does not exist', { redundantPhysicalConnectionId: 'pc-bp1doesnotexist000' }, 'input.redundantPhysicalConnectionId', 'InvalidRedundantPhysicalConnectionId.NotFound'],
    ['a redundant circuit not in service', { redundantPhysicalConnectionId: DEMO_IDS.canceled }, 'input.redundantPhysicalConnectionId', 'InvalidRedundantPhysicalConnectionStatus'],
  ])('the upstream refuses %s: BAD_USER_INPUT on %s, with upstream', async (_what, input, field, code) => {
    const error = onlyError(await create(input));
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      retryable: false,
      field,
      upstream: { code, httpStatus: 400, requestId: UPSTREAM_REQUEST_ID },
      clientToken: GENERATED_TOKEN,
    });
    expect(await gw.emu.control.events()).toEqual([]);
  });

  it.each([
    ['input.accessPointId', { accessPointId: 'ap cn hangzhou' }],
    ['input.regionId', { regionId: 'cn-hangzhou.evil.example' }],
    ['input.clientToken', { clientToken: '' }],
    ['input.portType', { portType: '1000Base-X' }],
    ['input.bandwidth', { bandwidth: 60 }],
    ['input.name', { name: '9lives' }],
    ['input.name', { name: 'x' }],
    ['input.description', { description: 'http://example.com' }],
    ['input.circuitCode', { circuitCode: 'c'.repeat(129) }],
    ['input.peerLocation', { peerLocation: 'line\nbreak' }],
    ['input.redundantPhysicalConnectionId', { redundantPhysicalConnectionId: 'vbr-bp1hjmjri6surik1d64o' }],
    ['input.resourceGroupId', { resourceGroupId: 'rg acfm' }],
  ])('bad input: BAD_USER_INPUT on %s, nothing sent', async (field, input) => {
    const error = onlyError(await create(input));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field });
    expect((await gw.emu.control.calls()).total).toBe(0);
  });
});

describe('updatePhysicalConnection', () => {
  it('changes the attributes of an ALLOCATED circuit: one effect, the fresh circuit in the payload', async () => {
    const { payload, errors } = await update({ physicalConnectionId: DEMO_IDS.allocated, name: 'renamed', description: 'New text', downDelayTime: 300 });
    expect(errors).toBeUndefined();
    const [event, ...more] = await gw.emu.control.events();
    expect(more).toEqual([]);
    expect(event).toMatchObject({ action: 'ModifyPhysicalConnectionAttribute', resourceId: DEMO_IDS.allocated });
    expect(payload).toEqual({
      requestId: event?.requestId,
      clientToken: event?.clientToken,
      physicalConnection: expect.objectContaining({ id: DEMO_IDS.allocated, status: 'ALLOCATED', name: 'renamed', description: 'New text', downDelayTime: 300 }),
    });
  });

  it('changes the spec of an ENABLED circuit (bandwidth, port type)', async () => {
    const { payload, errors } = await update({ physicalConnectionId: DEMO_IDS.enabledWithVbrs, bandwidth: 2048, portType: '10GBase-LR' });
    expect(errors).toBeUndefined();
    expect(payload?.['physicalConnection']).toMatchObject({ status: 'ENABLED', bandwidth: 2048, portType: '10GBase-LR' });
  });

  it('a REJECTED circuit goes back to INITIAL (review)', async () => {
    const { payload } = await update({ physicalConnectionId: DEMO_IDS.rejected, portType: '1000Base-LX' });
    expect(payload?.['physicalConnection']).toMatchObject({ status: 'INITIAL', portType: '1000Base-LX' });
    expect(await emulatorStatus(gw, DEMO_IDS.rejected)).toBe('Initial');
  });

  it('a retry with the same token: the original RequestId, one effect', async () => {
    const first = await update({ physicalConnectionId: DEMO_IDS.allocated, name: 'renamed', clientToken: 'update-1' });
    const retry = await update({ physicalConnectionId: DEMO_IDS.allocated, name: 'renamed', clientToken: 'update-1' });
    expect(retry.errors).toBeUndefined();
    expect(retry.payload?.['requestId']).toBe(first.payload?.['requestId']);
    expect(await gw.emu.control.events()).toHaveLength(1);
  });

  it.each([
    ['a spec change of an ALLOCATED circuit', { physicalConnectionId: DEMO_IDS.allocated, bandwidth: 100 }, 'ALLOCATED', ['INITIAL', 'ENABLED', 'REJECTED']],
    ['a redundant circuit for a CONFIRMED one', { physicalConnectionId: DEMO_IDS.confirmed, redundantPhysicalConnectionId: DEMO_IDS.allocated }, 'CONFIRMED', ['INITIAL', 'ENABLED', 'REJECTED']],
    ['any change of a CANCELED circuit', { physicalConnectionId: DEMO_IDS.canceled, name: 'renamed' }, 'CANCELED', ['INITIAL', 'APPROVED', 'ALLOCATED', 'CONFIRMED', 'ENABLED', 'REJECTED']],
    ['any change of an ALLOCATING circuit', { physicalConnectionId: DEMO_IDS.allocating, name: 'renamed' }, 'ALLOCATING', ['INITIAL', 'APPROVED', 'ALLOCATED', 'CONFIRMED', 'ENABLED', 'REJECTED']],
    ['any change of a TERMINATED circuit', { physicalConnectionId: DEMO_IDS.terminated, description: 'Gone now' }, 'TERMINATED', ['INITIAL', 'APPROVED', 'ALLOCATED', 'CONFIRMED', 'ENABLED', 'REJECTED']],
  ])('%s: PHYSICAL_CONNECTION_INVALID_STATE, nothing sent', async (_what, input, currentStatus, allowedStatuses) => {
    const error = onlyError(await update(input));
    expect(error.extensions).toEqual({
      code: 'PHYSICAL_CONNECTION_INVALID_STATE',
      retryable: false,
      physicalConnectionId: input.physicalConnectionId,
      action: 'UPDATE',
      currentStatus,
      allowedStatuses,
    });
    expect(await upstreamCalls(gw, 'ModifyPhysicalConnectionAttribute')).toBe(0);
  });

  it('the upstream refuses a redundant circuit of the wrong status: BAD_USER_INPUT on that field', async () => {
    const error = onlyError(await update({ physicalConnectionId: DEMO_IDS.enabledWithVbrs, redundantPhysicalConnectionId: DEMO_IDS.initial }));
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      retryable: false,
      field: 'input.redundantPhysicalConnectionId',
      upstream: { code: 'InvalidRedundantPhysicalConnectionStatus', httpStatus: 400, requestId: UPSTREAM_REQUEST_ID },
      clientToken: GENERATED_TOKEN,
    });
  });

  it.each([
    ['input.physicalConnectionId', { physicalConnectionId: 'pc_underscore', name: 'renamed' }],
    ['input.regionId', { physicalConnectionId: DEMO_IDS.allocated, regionId: 'CN-HANGZHOU', name: 'renamed' }],
    ['input.clientToken', { physicalConnectionId: DEMO_IDS.allocated, clientToken: 'x'.repeat(65), name: 'renamed' }],
    ['input', { physicalConnectionId: DEMO_IDS.allocated }],
    ['input.name', { physicalConnectionId: DEMO_IDS.allocated, name: 'has space' }],
    ['input.description', { physicalConnectionId: DEMO_IDS.allocated, description: '1st line' }],
    ['input.circuitCode', { physicalConnectionId: DEMO_IDS.allocated, circuitCode: '' }],
    ['input.peerLocation', { physicalConnectionId: DEMO_IDS.allocated, peerLocation: 'p'.repeat(257) }],
    ['input.portType', { physicalConnectionId: DEMO_IDS.allocated, portType: '400GBase-ZR' }],
    ['input.bandwidth', { physicalConnectionId: DEMO_IDS.allocated, bandwidth: 1 }],
    ['input.bandwidth', { physicalConnectionId: DEMO_IDS.allocated, bandwidth: 10_241 }],
    ['input.redundantPhysicalConnectionId', { physicalConnectionId: DEMO_IDS.allocated, redundantPhysicalConnectionId: DEMO_IDS.allocated }],
    ['input.redundantPhysicalConnectionId', { physicalConnectionId: DEMO_IDS.allocated, redundantPhysicalConnectionId: 'pc-' }],
    ['input.downDelayTime', { physicalConnectionId: DEMO_IDS.allocated, downDelayTime: 150 }],
  ])('bad input: BAD_USER_INPUT on %s, nothing sent', async (field, input) => {
    const error = onlyError(await update(input));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field });
    expect((await gw.emu.control.calls()).total).toBe(0);
  });
});
