/**
 * confirm/enable/cancel/recoverPhysicalConnection end to end (real data source, the emulator over
 * HTTP): the effect (one event in /_emulator/events), the fresh state in the payload, each refusal
 * with its whole `extensions`, the replay rule, and bad input that sends nothing.
 */
import { DEMO_IDS } from '../../../src/emulator/domain';
import type { PhysicalConnectionAction } from '../../../src/schema/errors';
import { pollUntil } from '../../support/eventually';
import {
  circuitMutation,
  emulatorStatus,
  GENERATED_TOKEN,
  onlyError,
  REGION,
  UPSTREAM_ACTIONS,
  UPSTREAM_REQUEST_ID,
  upstreamCalls,
} from './support/circuits';
import { useGateway } from './support/gateway';

const gw = useGateway({ transitionMs: 400 });
beforeEach(() => gw.emu.control.reset());

const ALLOWED = {
  CONFIRM: ['ALLOCATED'],
  ENABLE: ['CONFIRMED'],
  CANCEL: ['INITIAL', 'APPROVED', 'ALLOCATED', 'CONFIRMED'],
  RECOVER: ['TERMINATED'],
} as const;

/** For each action: a circuit it succeeds on, the status the payload shows, and the emulator's status after. */
const HAPPY: ReadonlyArray<[keyof typeof ALLOWED, string, string, string]> = [
  ['CONFIRM', DEMO_IDS.allocated, 'CONFIRMED', 'Confirmed'],
  // Asynchronous, without a status of its own: CONFIRMED until the upstream has enabled it.
  ['ENABLE', DEMO_IDS.confirmed, 'CONFIRMED', 'Confirmed'],
  ['CANCEL', DEMO_IDS.approved, 'CANCELED', 'Canceled'],
  ['RECOVER', DEMO_IDS.sharedTerminatedRecoverable, 'ENABLED', 'Enabled'],
];

describe.each(HAPPY)('%s: the happy path', (action, id, payloadStatus, emulatorAfter) => {
  it('one upstream effect, the fresh state in the payload, a generated token', async () => {
    const { payload, errors } = await circuitMutation(gw, action, { physicalConnectionId: id });
    expect(errors).toBeUndefined();
    const events = await gw.emu.control.events();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: UPSTREAM_ACTIONS[action], resourceId: id, regionId: REGION });
    expect(payload).toEqual({
      requestId: events[0]?.requestId,
      clientToken: events[0]?.clientToken,
      physicalConnection: { id, regionId: REGION, status: payloadStatus },
    });
    expect(payload?.['clientToken']).toEqual(GENERATED_TOKEN);
    expect(await emulatorStatus(gw, id)).toBe(emulatorAfter);
  });

  it('a retry with the same token: the original RequestId, still one effect', async () => {
    const first = await circuitMutation(gw, action, { physicalConnectionId: id, clientToken: `retry-${action}` });
    expect(first.errors).toBeUndefined();
    const retry = await circuitMutation(gw, action, { physicalConnectionId: id, clientToken: `retry-${action}` });
    expect(retry.errors).toBeUndefined();
    expect(retry.payload?.['requestId']).toBe(first.payload?.['requestId']);
    expect(retry.payload?.['clientToken']).toBe(`retry-${action}`);
    expect(await gw.emu.control.events()).toHaveLength(1);
    // The retry reached the upstream (which replayed it): the replay rule did not refuse it locally.
    expect(await upstreamCalls(gw, UPSTREAM_ACTIONS[action])).toBe(2);
  });
});

it('an enable becomes ENABLED by itself; a retry with its token then still replays it', async () => {
  const first = await circuitMutation(gw, 'ENABLE', { physicalConnectionId: DEMO_IDS.confirmed, clientToken: 'enable-1' });
  expect(first.errors).toBeUndefined();
  await pollUntil(() => emulatorStatus(gw, DEMO_IDS.confirmed), (status) => status === 'Enabled');
  const retry = await circuitMutation(gw, 'ENABLE', { physicalConnectionId: DEMO_IDS.confirmed, clientToken: 'enable-1' });
  expect(retry.payload).toEqual({
    requestId: first.payload?.['requestId'],
    clientToken: 'enable-1',
    physicalConnection: { id: DEMO_IDS.confirmed, regionId: REGION, status: 'ENABLED' },
  });
  expect(await gw.emu.control.events()).toHaveLength(1);
});

describe('refusals from the fresh read (nothing written)', () => {
  afterEach(async () => {
    expect(await gw.emu.control.events()).toEqual([]);
  });

  it.each([
    ['CONFIRM', DEMO_IDS.confirmed, 'CONFIRMED'],
    ['CONFIRM', DEMO_IDS.initial, 'INITIAL'],
    ['ENABLE', DEMO_IDS.allocated, 'ALLOCATED'],
    // The upstream would answer success and do nothing; without a token the gateway says why not.
    ['ENABLE', DEMO_IDS.enabledWithVbrs, 'ENABLED'],
    ['CANCEL', DEMO_IDS.allocating, 'ALLOCATING'],
    ['CANCEL', DEMO_IDS.enabledWithVbrs, 'ENABLED'],
  ] as const)('%s on %s (%s): PHYSICAL_CONNECTION_INVALID_STATE with the statuses it needs', async (action, id, currentStatus) => {
    const error = onlyError(await circuitMutation(gw, action, { physicalConnectionId: id }));
    expect(error.path).toEqual([`${action.toLowerCase()}PhysicalConnection`]);
    expect(error.extensions).toEqual({
      code: 'PHYSICAL_CONNECTION_INVALID_STATE',
      retryable: false,
      physicalConnectionId: id,
      action,
      currentStatus,
      allowedStatuses: [...ALLOWED[action]],
    });
    expect(error.message).toBe(`Physical connection ${id} is ${currentStatus}; ${action} needs ${ALLOWED[action].join(', ')}.`);
    expect(await upstreamCalls(gw, UPSTREAM_ACTIONS[action])).toBe(0);
  });

  it('RECOVER on a dedicated circuit: no status allows it (allowedStatuses empty)', async () => {
    const error = onlyError(await circuitMutation(gw, 'RECOVER', { physicalConnectionId: DEMO_IDS.terminated }));
    expect(error.extensions).toEqual({
      code: 'PHYSICAL_CONNECTION_INVALID_STATE',
      retryable: false,
      physicalConnectionId: DEMO_IDS.terminated,
      action: 'RECOVER',
      currentStatus: 'TERMINATED',
      allowedStatuses: [],
    });
    expect(error.message).toContain('does not apply to a circuit of its product type');
  });

  it.each(['CONFIRM', 'ENABLE', 'CANCEL', 'RECOVER'] as const)('%s: PHYSICAL_CONNECTION_NOT_FOUND, also for a circuit of another region', async (action) => {
    for (const [id, regionId] of [['pc-bp1doesnotexist000', REGION], [DEMO_IDS.allocated, 'cn-shanghai']] as const) {
      const error = onlyError(await circuitMutation(gw, action, { physicalConnectionId: id, regionId }));
      expect(error.extensions).toEqual({ code: 'PHYSICAL_CONNECTION_NOT_FOUND', retryable: false, physicalConnectionId: id });
    }
  });
});

describe('after a success, a retry without the token is refused locally, with the status it led to', () => {
  it('CONFIRM twice', async () => {
    expect((await circuitMutation(gw, 'CONFIRM', { physicalConnectionId: DEMO_IDS.allocated })).errors).toBeUndefined();
    const error = onlyError(await circuitMutation(gw, 'CONFIRM', { physicalConnectionId: DEMO_IDS.allocated }));
    expect(error.extensions).toMatchObject({ code: 'PHYSICAL_CONNECTION_INVALID_STATE', currentStatus: 'CONFIRMED' });
    expect(await upstreamCalls(gw, 'ConfirmPhysicalConnection')).toBe(1);
    expect(await gw.emu.control.events()).toHaveLength(1);
  });

  it('RECOVER on a shared circuit back in service: PHYSICAL_CONNECTION_INVALID_STATE, it needs TERMINATED', async () => {
    const id = DEMO_IDS.sharedTerminatedRecoverable;
    expect((await circuitMutation(gw, 'RECOVER', { physicalConnectionId: id })).errors).toBeUndefined();
    const error = onlyError(await circuitMutation(gw, 'RECOVER', { physicalConnectionId: id }));
    expect(error.extensions).toEqual({
      code: 'PHYSICAL_CONNECTION_INVALID_STATE',
      retryable: false,
      physicalConnectionId: id,
      action: 'RECOVER',
      currentStatus: 'ENABLED',
      allowedStatuses: ['TERMINATED'],
    });
    expect(await upstreamCalls(gw, 'RecoverPhysicalConnection')).toBe(1);
    expect(await gw.emu.control.events()).toHaveLength(1);
  });
});

describe('refusals of the upstream', () => {
  it('a token the upstream does not know, on the state the action leads to: refused upstream, naming the state the gateway read', async () => {
    const error = onlyError(await circuitMutation(gw, 'CANCEL', { physicalConnectionId: DEMO_IDS.canceled, clientToken: 'never-used' }));
    expect(error.extensions).toEqual({
      code: 'PHYSICAL_CONNECTION_INVALID_STATE',
      retryable: false,
      physicalConnectionId: DEMO_IDS.canceled,
      action: 'CANCEL',
      currentStatus: 'CANCELED',
      allowedStatuses: [...ALLOWED.CANCEL],
      upstream: { code: 'Forbidden.NotAllowedInState', httpStatus: 400, requestId: UPSTREAM_REQUEST_ID },
      clientToken: 'never-used',
    });
  });

  it('a token the upstream does not know on an ENABLED circuit: the upstream\'s no-op success, nothing changes', async () => {
    const { payload, errors } = await circuitMutation(gw, 'ENABLE', { physicalConnectionId: DEMO_IDS.enabledWithVbrs, clientToken: 'noop-1' });
    expect(errors).toBeUndefined();
    expect(payload).toMatchObject({ clientToken: 'noop-1', physicalConnection: { status: 'ENABLED' } });
    expect(await emulatorStatus(gw, DEMO_IDS.enabledWithVbrs)).toBe('Enabled');
  });

  it('an enable in progress: CANCEL is a retryable OPERATION_CONFLICT (no read shows it)', async () => {
    expect((await circuitMutation(gw, 'ENABLE', { physicalConnectionId: DEMO_IDS.confirmed })).errors).toBeUndefined();
    const error = onlyError(await circuitMutation(gw, 'CANCEL', { physicalConnectionId: DEMO_IDS.confirmed }));
    expect(error.extensions).toEqual({
      code: 'OPERATION_CONFLICT',
      retryable: true,
      physicalConnectionId: DEMO_IDS.confirmed,
      reason: null,
      upstream: { code: 'OperationConflict', httpStatus: 400, requestId: UPSTREAM_REQUEST_ID },
      clientToken: GENERATED_TOKEN,
    });
    expect((await gw.emu.control.events()).map((event) => event.action)).toEqual(['EnablePhysicalConnection']);
  });

  it.each([
    ['CONFIRM', DEMO_IDS.allocated, 'IncorrectStatus.PhysicalConnection'],
    ['ENABLE', DEMO_IDS.confirmed, 'Forbidden.NotAllowedInState'],
    ['CANCEL', DEMO_IDS.initial, 'Forbidden.NotAllowedInState'],
    ['RECOVER', DEMO_IDS.sharedTerminatedRecoverable, 'IncorrectStatus.PhysicalConnection'],
  ] as const)('the race (%s): the fresh read passed, the upstream refused with %s: INVALID_STATE, currentStatus null', async (action, id, code) => {
    await gw.emu.control.addFault({ action: UPSTREAM_ACTIONS[action], type: 'error', httpStatus: 400, code, times: 1 });
    const error = onlyError(await circuitMutation(gw, action, { physicalConnectionId: id }));
    expect(error.extensions).toEqual({
      code: 'PHYSICAL_CONNECTION_INVALID_STATE',
      retryable: false,
      physicalConnectionId: id,
      action,
      currentStatus: null,
      allowedStatuses: [...ALLOWED[action]],
      upstream: { code, httpStatus: 400, requestId: UPSTREAM_REQUEST_ID },
      clientToken: GENERATED_TOKEN,
    });
    expect(error.message).toContain('is not in a state that allows it');
  });

  it('a lost answer: the error carries the generated token, and a retry with it replays the one effect', async () => {
    await gw.emu.control.addFault({ action: 'ConfirmPhysicalConnection', type: 'drop', afterEffect: true });
    const lost = onlyError(await circuitMutation(gw, 'CONFIRM', { physicalConnectionId: DEMO_IDS.allocated }));
    expect(lost.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true, clientToken: GENERATED_TOKEN });
    await gw.emu.control.clearFaults();
    const token = lost.extensions?.['clientToken'] as string;
    const retried = await circuitMutation(gw, 'CONFIRM', { physicalConnectionId: DEMO_IDS.allocated, clientToken: token });
    expect(retried.errors).toBeUndefined();
    const [event, ...more] = await gw.emu.control.events();
    expect(more).toEqual([]);
    expect(retried.payload).toEqual({
      requestId: event?.requestId,
      clientToken: token,
      physicalConnection: { id: DEMO_IDS.allocated, regionId: REGION, status: 'CONFIRMED' },
    });
  });
});

describe.each(['CONFIRM', 'ENABLE', 'CANCEL', 'RECOVER'] as const)('%s: bad input is BAD_USER_INPUT on its field, nothing sent', (action: PhysicalConnectionAction) => {
  it.each([
    ['input.physicalConnectionId', { physicalConnectionId: 'vbr-notacircuit' }],
    ['input.physicalConnectionId', { physicalConnectionId: 'pc-UPPER' }],
    ['input.regionId', { physicalConnectionId: DEMO_IDS.allocated, regionId: 'cn-hangzhou.attacker.example' }],
    ['input.clientToken', { physicalConnectionId: DEMO_IDS.allocated, clientToken: 't'.repeat(65) }],
    ['input.clientToken', { physicalConnectionId: DEMO_IDS.allocated, clientToken: 'has space' }],
  ])('%s', async (field, input) => {
    await gw.emu.control.clearCalls();
    const error = onlyError(await circuitMutation(gw, action, input));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field });
    expect((await gw.emu.control.calls()).total).toBe(0);
  });
});
