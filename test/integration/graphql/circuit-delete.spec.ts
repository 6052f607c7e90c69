/**
 * deletePhysicalConnection end to end: the circuit is gone (one event, payload null), each refusal
 * (status, VBRs of any account, a hosted vpconn) from the fresh reads, the replay rule on a circuit
 * that is gone, the upstream's own refusals, bad input.
 */
import { DEMO_ACCOUNTS, DEMO_IDS, demoSeed, type Seed } from '../../../src/emulator/domain';
import { circuitMutation, emulatorStatus, GENERATED_TOKEN, onlyError, REGION, UPSTREAM_REQUEST_ID, upstreamCalls } from './support/circuits';
import { useGateway } from './support/gateway';

const gw = useGateway({ transitionMs: 400 });
beforeEach(() => gw.emu.control.reset());

const DELETABLE = ['ALLOCATED', 'CONFIRMED', 'REJECTED', 'CANCELED', 'ALLOCATION_FAILED', 'TERMINATED'];

/** The demo seed with a VBR of each account on the CANCELED circuit, and a vpconn hosted on the TERMINATED one. */
function seedWithDependents(): Seed {
  const seed = demoSeed();
  const active = seed.VirtualBorderRouters.find((vbr) => vbr.VbrId === DEMO_IDS.vbrs.active);
  const shared = seed.PhysicalConnections.find((pc) => pc.PhysicalConnectionId === DEMO_IDS.sharedTerminatedRecoverable);
  if (active === undefined || shared === undefined) throw new Error('demo seed changed');
  seed.VirtualBorderRouters.push(
    { ...structuredClone(active), VbrId: 'vbr-oncanceledmine', PhysicalConnectionId: DEMO_IDS.canceled, Status: 'terminated' },
    { ...structuredClone(active), VbrId: 'vbr-oncanceledtenant', PhysicalConnectionId: DEMO_IDS.canceled, OwnerId: DEMO_ACCOUNTS.tenant },
  );
  seed.PhysicalConnections.push({
    ...structuredClone(shared),
    PhysicalConnectionId: 'pc-tenantvpconnonterminated',
    OwnerId: DEMO_ACCOUNTS.tenant,
    Status: 'Enabled',
    ParentPhysicalConnectionId: DEMO_IDS.terminated,
  });
  return seed;
}

it.each([
  [DEMO_IDS.canceled, 'CANCELED'],
  [DEMO_IDS.allocated, 'ALLOCATED'],
  [DEMO_IDS.terminated, 'TERMINATED'],
])('deletes %s (%s): one effect, gone at once, the payload names it with physicalConnection null', async (id, _status) => {
  const { payload, errors } = await circuitMutation(gw, 'DELETE', { physicalConnectionId: id });
  expect(errors).toBeUndefined();
  const [event, ...more] = await gw.emu.control.events();
  expect(more).toEqual([]);
  expect(event).toMatchObject({ action: 'DeletePhysicalConnection', resourceId: id, regionId: REGION });
  expect(payload).toEqual({
    requestId: event?.requestId,
    clientToken: event?.clientToken,
    physicalConnectionId: id,
    physicalConnection: null,
  });
  expect(payload?.['clientToken']).toEqual(GENERATED_TOKEN);
  expect(await emulatorStatus(gw, id)).toBeUndefined();
});

describe('the replay rule on a circuit that is gone', () => {
  it('the same token again: replayed by the upstream, the original RequestId, one effect', async () => {
    const first = await circuitMutation(gw, 'DELETE', { physicalConnectionId: DEMO_IDS.canceled, clientToken: 'delete-1' });
    expect(first.errors).toBeUndefined();
    const retry = await circuitMutation(gw, 'DELETE', { physicalConnectionId: DEMO_IDS.canceled, clientToken: 'delete-1' });
    expect(retry.payload).toEqual(first.payload);
    expect(await gw.emu.control.events()).toHaveLength(1);
    expect(await upstreamCalls(gw, 'DeletePhysicalConnection')).toBe(2);
  });

  it('without a token: PHYSICAL_CONNECTION_NOT_FOUND from the fresh read, nothing sent', async () => {
    await circuitMutation(gw, 'DELETE', { physicalConnectionId: DEMO_IDS.canceled });
    const error = onlyError(await circuitMutation(gw, 'DELETE', { physicalConnectionId: DEMO_IDS.canceled }));
    expect(error.extensions).toEqual({ code: 'PHYSICAL_CONNECTION_NOT_FOUND', retryable: false, physicalConnectionId: DEMO_IDS.canceled });
    expect(await upstreamCalls(gw, 'DeletePhysicalConnection')).toBe(1);
  });

  it('a token the upstream does not know: its PHYSICAL_CONNECTION_NOT_FOUND, with the token', async () => {
    const error = onlyError(await circuitMutation(gw, 'DELETE', { physicalConnectionId: 'pc-bp1doesnotexist000', clientToken: 'unknown-1' }));
    expect(error.extensions).toEqual({
      code: 'PHYSICAL_CONNECTION_NOT_FOUND',
      retryable: false,
      physicalConnectionId: 'pc-bp1doesnotexist000',
      upstream: { code: 'InvalidPhysicalConnectionId.NotFound', httpStatus: 404, requestId: UPSTREAM_REQUEST_ID },
      clientToken: 'unknown-1',
    });
    expect(await gw.emu.control.events()).toEqual([]);
  });
});

describe('refused from the fresh reads, in the upstream\'s order (nothing written)', () => {
  afterEach(async () => {
    expect(await upstreamCalls(gw, 'DeletePhysicalConnection')).toBe(0);
    expect(await gw.emu.control.events()).toEqual([]);
  });

  it.each([
    [DEMO_IDS.initial, 'INITIAL'],
    [DEMO_IDS.allocating, 'ALLOCATING'],
    [DEMO_IDS.enabledWithVbrs, 'ENABLED'],
    [DEMO_IDS.terminating, 'TERMINATING'],
  ])('%s (%s): PHYSICAL_CONNECTION_INVALID_STATE (the status comes before the VBRs)', async (id, currentStatus) => {
    const error = onlyError(await circuitMutation(gw, 'DELETE', { physicalConnectionId: id }));
    expect(error.extensions).toEqual({
      code: 'PHYSICAL_CONNECTION_INVALID_STATE',
      retryable: false,
      physicalConnectionId: id,
      action: 'DELETE',
      currentStatus,
      allowedStatuses: DELETABLE,
    });
  });

  it('VBRS_ATTACHED lists every VBR, of this account and another, any status', async () => {
    await gw.emu.control.reset({ seed: seedWithDependents() });
    const error = onlyError(await circuitMutation(gw, 'DELETE', { physicalConnectionId: DEMO_IDS.canceled }));
    expect(error.extensions).toEqual({
      code: 'VBRS_ATTACHED',
      retryable: false,
      physicalConnectionId: DEMO_IDS.canceled,
      vbrIds: ['vbr-oncanceledmine', 'vbr-oncanceledtenant'],
    });
    expect(error.message).toContain('delete them first');
  });

  it('OPERATION_CONFLICT (VPCONNS_ATTACHED) for a circuit that still hosts a vpconn', async () => {
    await gw.emu.control.reset({ seed: seedWithDependents() });
    const error = onlyError(await circuitMutation(gw, 'DELETE', { physicalConnectionId: DEMO_IDS.terminated }));
    expect(error.extensions).toEqual({ code: 'OPERATION_CONFLICT', retryable: false, physicalConnectionId: DEMO_IDS.terminated, reason: 'VPCONNS_ATTACHED' });
    expect(error.message).toContain('before it can be deleted');
  });
});

describe('refused by the upstream after the fresh reads passed (the race)', () => {
  it.each([
    ['Forbidden.VBRExists', { code: 'VBRS_ATTACHED', vbrIds: null }],
    ['Forbidden.AssociateToVBR', { code: 'VBRS_ATTACHED', vbrIds: null }],
    [
      'Forbidden.NotAllowedInState',
      { code: 'PHYSICAL_CONNECTION_INVALID_STATE', action: 'DELETE', currentStatus: null, allowedStatuses: DELETABLE },
    ],
    ['OperationConflict', { code: 'OPERATION_CONFLICT', reason: null, retryable: true }],
  ])('%s', async (code, expected) => {
    await gw.emu.control.addFault({ action: 'DeletePhysicalConnection', type: 'error', httpStatus: 400, code, times: 1 });
    const error = onlyError(await circuitMutation(gw, 'DELETE', { physicalConnectionId: DEMO_IDS.canceled }));
    expect(error.extensions).toEqual({
      retryable: false,
      physicalConnectionId: DEMO_IDS.canceled,
      ...expected,
      upstream: { code, httpStatus: 400, requestId: UPSTREAM_REQUEST_ID },
      clientToken: GENERATED_TOKEN,
    });
    expect(await emulatorStatus(gw, DEMO_IDS.canceled)).toBe('Canceled');
  });
});

it.each([
  ['input.physicalConnectionId', { physicalConnectionId: 'pc-has-dashes' }],
  ['input.regionId', { physicalConnectionId: DEMO_IDS.canceled, regionId: '../etc' }],
  ['input.clientToken', { physicalConnectionId: DEMO_IDS.canceled, clientToken: 'tök' }],
])('bad input: BAD_USER_INPUT on %s, nothing sent', async (field, input) => {
  await gw.emu.control.clearCalls();
  const error = onlyError(await circuitMutation(gw, 'DELETE', input));
  expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field });
  expect((await gw.emu.control.calls()).total).toBe(0);
});
