/**
 * The circuit services against the in-process emulator through a real data source, and the means
 * to inject what the emulator cannot produce (a bug, a lagging read) by wrapping that data source.
 */
import type { VpcDataSourceApi } from '../../../../src/datasources/types';
import { DEMO_IDS } from '../../../../src/emulator/domain';
import type { GatewayContext } from '../../../../src/schema/context';
import { GatewayError } from '../../../../src/schema/errors';
import { terminateService, type TerminateInput } from '../../../../src/services/circuits/terminate.service';
import { useEmulatorBackend, type EmulatorBackendFixture } from '../../../support/emulator-backend';
import { recordingLogger, type RecordingLogger } from '../../../support/recording-logger';

export const [READY] = DEMO_IDS.enabledReadyToTerminate;
export const REGION = 'cn-hangzhou';
export const UPSTREAM_REQUEST_ID = expect.stringMatching(/^[0-9A-F-]{36}$/) as unknown as string;

export type TestContext = GatewayContext & { logger: RecordingLogger };

export interface CircuitServiceFixture {
  readonly upstream: EmulatorBackendFixture;
  /** A request context: a fresh data source (or the given one) and a recording logger. */
  context(dataSource?: VpcDataSourceApi): TestContext;
  callsByAction(): Promise<Record<string, number>>;
}

/** Starts the emulator and a backend; resets the emulator before each test. */
export function useCircuitService(): CircuitServiceFixture {
  // Long enough that a circuit is still TERMINATING when the read after the write runs.
  const upstream = useEmulatorBackend({ transitionMs: 1_000 });
  beforeEach(() => upstream.emu.control.reset());
  return {
    upstream,
    context: (dataSource = upstream.main.forRequest()) => ({
      dataSource,
      defaultRegionId: REGION,
      requestId: 'req-service',
      logger: recordingLogger('lifecycle service'),
      auth: { subject: 'tester', scopes: new Set(['vpc:terminate']) },
    }),
    callsByAction: async () => (await upstream.emu.control.calls()).byAction,
  };
}

export function input(physicalConnectionId: string, clientToken: string | null = null): TerminateInput {
  return { regionId: REGION, physicalConnectionId, clientToken };
}

/** The gateway error the terminate service refuses with (fails the test if it accepts or throws anything else). */
export async function refusal(ctx: TestContext, terminate: TerminateInput): Promise<GatewayError> {
  const outcome: unknown = await terminateService.execute(ctx, terminate).then(
    () => 'accepted',
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(GatewayError);
  return outcome as GatewayError;
}

/** `ds` with some methods replaced. */
export function tampered(ds: VpcDataSourceApi, overrides: Partial<VpcDataSourceApi>): VpcDataSourceApi {
  return new Proxy(ds, {
    get(target, key) {
      const override = (overrides as Record<PropertyKey, unknown>)[key];
      if (override !== undefined) return override;
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
