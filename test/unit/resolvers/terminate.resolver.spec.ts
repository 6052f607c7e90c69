/**
 * terminatePhysicalConnection's argument handling, through Apollo with a fake data source: every
 * argument validated before any call, the region default, the token passed on unchanged, and what a
 * client sees of an unexpected failure. The decision itself: test/unit/services.
 */
import { makePhysicalConnection } from './support/fixtures';
import { FakeDataSource } from './support/fake-data-source';
import { startHarness, type Harness } from './support/harness';

const TERMINATE = /* GraphQL */ `
  mutation Terminate($input: TerminatePhysicalConnectionInput!) {
    terminatePhysicalConnection(input: $input) {
      requestId
      clientToken
      physicalConnection { id regionId status }
    }
  }
`;

interface TerminateData {
  terminatePhysicalConnection: {
    requestId: string;
    clientToken: string;
    physicalConnection: { id: string; regionId: string; status: string };
  };
}

const PC = 'pc-enabled01';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.stop();
});

function source(regionId = 'cn-hangzhou'): FakeDataSource {
  return new FakeDataSource([makePhysicalConnection({ id: PC, regionId })]);
}

function terminate(ds: FakeDataSource, input: Record<string, unknown>, context = {}) {
  return harness.run<TerminateData>(ds, TERMINATE, { input }, context);
}

/** The mutation fails as a whole with exactly these extensions; returns the error. */
async function expectError(ds: FakeDataSource, input: Record<string, unknown>, extensions: Record<string, unknown>) {
  const { data, errors } = await terminate(ds, input);
  expect(data).toBeNull();
  expect(errors).toHaveLength(1);
  expect(errors?.[0]?.path).toEqual(['terminatePhysicalConnection']);
  expect(errors?.[0]?.extensions).toEqual(extensions);
  return errors?.[0];
}

describe('input validation (nothing reaches the data source)', () => {
  it.each([
    ['input.physicalConnectionId', { physicalConnectionId: 'pc-UPPER' }],
    ['input.physicalConnectionId', { physicalConnectionId: 'vbr-abc123' }],
    ['input.physicalConnectionId', { physicalConnectionId: 'pc-abc&Action=DeletePhysicalConnection' }],
    ['input.physicalConnectionId', { physicalConnectionId: '' }],
    ['input.regionId', { physicalConnectionId: PC, regionId: 'cn-hangzhou.evil.example' }],
    ['input.regionId', { physicalConnectionId: PC, regionId: '' }],
    ['input.regionId', { physicalConnectionId: PC, regionId: 'cn-hangzhou/../x' }],
    ['input.clientToken', { physicalConnectionId: PC, clientToken: '' }],
    ['input.clientToken', { physicalConnectionId: PC, clientToken: 'x'.repeat(65) }],
    ['input.clientToken', { physicalConnectionId: PC, clientToken: 'line\nbreak' }],
    ['input.clientToken', { physicalConnectionId: PC, clientToken: 'caf\u00e9' }],
  ])('%s: %j', async (field, input) => {
    const ds = source();
    const error = await expectError(ds, input, { code: 'BAD_USER_INPUT', retryable: false, field });
    expect(ds.calls).toEqual([]);
    expect(error?.message).not.toContain('\n');
  });

  it('accepts a 64-character printable token and passes it upstream unchanged', async () => {
    const token = `${'~'.repeat(32)}!${'A'.repeat(31)}`;
    const ds = source();
    const { data, errors } = await terminate(ds, { physicalConnectionId: PC, clientToken: token });
    expect(errors).toBeUndefined();
    expect(data?.terminatePhysicalConnection.clientToken).toBe(token);
    expect(ds.callsOf('terminatePhysicalConnection')[0]?.args).toEqual(['cn-hangzhou', PC, { clientToken: token }]);
  });
});

it('uses the context default region when regionId is omitted, and the given one otherwise', async () => {
  const ds = source('ap-southeast-1');
  const viaDefault = await terminate(ds, { physicalConnectionId: PC }, { defaultRegionId: 'ap-southeast-1' });
  expect(viaDefault.errors).toBeUndefined();
  expect(viaDefault.data?.terminatePhysicalConnection).toEqual({
    requestId: 'REQ-TERMINATE-1',
    clientToken: expect.any(String),
    physicalConnection: { id: PC, regionId: 'ap-southeast-1', status: 'TERMINATING' },
  });
  const elsewhere = await terminate(ds, { physicalConnectionId: PC, regionId: 'cn-hangzhou' });
  expect(elsewhere.errors?.[0]?.extensions?.['code']).toBe('PHYSICAL_CONNECTION_NOT_FOUND');
  expect(ds.callsOf('freshPhysicalConnection').map((call) => call.args[0])).toEqual([
    'ap-southeast-1',
    'ap-southeast-1',
    'cn-hangzhou',
  ]);
});

it('INTERNAL_SERVER_ERROR for anything unexpected: masked message, correlation id, redacted log', async () => {
  const ds = source().fail(
    'freshPhysicalConnection',
    new TypeError('boom at https://vpc.aliyuncs.com/?Action=X&Signature=c2VjcmV0c2ln&AccessKeyId=ak'),
  );
  const error = await expectError(ds, { physicalConnectionId: PC }, {
    code: 'INTERNAL_SERVER_ERROR',
    retryable: false,
    correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
  });
  expect(error?.message).toBe('Internal server error.');
  const correlationId = error?.extensions?.['correlationId'];
  const logged = harness.logger.entries.find(
    (entry) => entry.level === 'error' && (entry.obj as { correlationId?: unknown }).correlationId === correlationId,
  );
  expect(logged).toBeDefined();
  const text = JSON.stringify(logged);
  expect(text).toContain('boom');
  expect(text).not.toContain('c2VjcmV0c2ln');
  expect(ds.callsOf('terminatePhysicalConnection')).toEqual([]);
});
