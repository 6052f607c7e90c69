/**
 * The ClientToken rule through the whole GraphQL path: a token the upstream would refuse is
 * BAD_USER_INPUT before any upstream call (not a refused write after two fresh reads), and a
 * token made of every other printable character goes through. The emulator counts the calls.
 */
import { DEMO_IDS } from '../../../src/emulator/domain';
import { TerminatePhysicalConnectionDocument } from '../../generated/graphql';
import { useGateway } from './support/gateway';

const gw = useGateway({ transitionMs: 300 });

beforeEach(() => gw.emu.control.reset());

const [READY] = DEMO_IDS.enabledReadyToTerminate;

describe('terminatePhysicalConnection clientToken', () => {
  it.each([
    ['a space', 'my token'],
    ['a trailing space', 'token '],
    ['a tab', 'tok\ten'],
    ['non-ASCII', 'tökén'],
    ['65 characters', 'x'.repeat(65)],
  ])('with %s is BAD_USER_INPUT and nothing reaches the upstream', async (_what, clientToken) => {
    const { data, errors } = await gw.run(TerminatePhysicalConnectionDocument, { input: { physicalConnectionId: READY, clientToken } });
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, field: 'input.clientToken' });
    expect(errors?.[0]?.message).toContain('no spaces');
    expect((await gw.emu.control.calls()).total).toBe(0);
    expect(await gw.emu.control.events()).toEqual([]);
  });

  it('made of every printable ASCII character but space is accepted by the gateway and the upstream', async () => {
    const clientToken = "!\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~";
    const { data, errors } = await gw.run(TerminatePhysicalConnectionDocument, { input: { physicalConnectionId: READY, clientToken } });
    expect(errors).toBeUndefined();
    expect(data?.terminatePhysicalConnection.clientToken).toBe(clientToken);
    const events = await gw.emu.control.events();
    expect(events.map((e) => [e.action, e.resourceId, e.clientToken])).toEqual([['TerminatePhysicalConnection', READY, clientToken]]);
  });
});
