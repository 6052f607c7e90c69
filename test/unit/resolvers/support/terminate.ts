/**
 * Shared by the terminate unit suites: the mutation document, a started harness and helpers that
 * assert the exact error a client sees.
 */
import { makePhysicalConnection } from './fixtures';
import { FakeDataSource } from './fake-data-source';
import { startHarness, type Harness } from './harness';

export const TERMINATE = /* GraphQL */ `
  mutation Terminate($input: TerminatePhysicalConnectionInput!) {
    terminatePhysicalConnection(input: $input) {
      requestId
      clientToken
      physicalConnection { id regionId status }
    }
  }
`;

export interface TerminateData {
  terminatePhysicalConnection: {
    requestId: string;
    clientToken: string;
    physicalConnection: { id: string; regionId: string; status: string };
  };
}

export const PC = 'pc-enabled01';

/** Starts Apollo in beforeAll and stops it in afterAll; call at the top of a suite. */
export function useTerminateHarness() {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.stop();
  });
  const started = (): Harness => {
    if (harness === undefined) throw new Error('harness not started');
    return harness;
  };

  const terminate = (ds: FakeDataSource, input: Record<string, unknown>, context = {}) =>
    started().run<TerminateData>(ds, TERMINATE, { input }, context);

  return {
    get harness() {
      return started();
    },
    terminate,
    source(overrides: Parameters<typeof makePhysicalConnection>[0] = { id: PC }): FakeDataSource {
      return new FakeDataSource([makePhysicalConnection(overrides)]);
    },
    /** The mutation fails as a whole with exactly these extensions; returns the error. */
    async expectError(ds: FakeDataSource, input: Record<string, unknown>, extensions: Record<string, unknown>) {
      const { data, errors } = await terminate(ds, input);
      expect(data).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors?.[0]?.path).toEqual(['terminatePhysicalConnection']);
      expect(errors?.[0]?.extensions).toEqual(extensions);
      return errors?.[0];
    },
  };
}
