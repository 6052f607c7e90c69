/**
 * The in-process emulator with real data-source backends pointed at it (signed undici client,
 * retries, loaders), for tests of the layers above the data source: services and the GraphQL API.
 *
 *   const eb = useEmulatorBackend({ transitionMs: 300 });   // beforeAll starts, afterAll closes
 *   const ds = eb.main.forRequest();                        // one data source per "request"
 */
import { createVpcBackend, type VpcBackend, type VpcBackendOptions } from '../../src/datasources';
import { DEFAULT_ACCESS_KEY, type EmulatorOptions } from '../../src/emulator';
import { useEmulator, type EmulatorFixture } from './emulator';

/** Short retries: the fault tests exhaust them, and a suite should not wait seconds for that. */
const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, budgetMs: 2_000 };

export interface EmulatorBackendFixture {
  readonly emu: EmulatorFixture;
  /** The default backend (only inside tests/hooks after beforeAll). */
  readonly main: VpcBackend;
  /** A backend with other options against the same emulator; closed in afterAll. */
  backend(options?: Partial<VpcBackendOptions>): VpcBackend;
}

/** `accessKeys`: the emulator's key pairs (other accounts' keys for cross-account tests); the default key when absent. */
export type EmulatorBackendOptions = { transitionMs?: number } & Pick<EmulatorOptions, 'accessKeys'>;

export function useEmulatorBackend(options: EmulatorBackendOptions = {}): EmulatorBackendFixture {
  const emu = useEmulator({ transitionMs: options.transitionMs ?? 300, ...(options.accessKeys ? { accessKeys: options.accessKeys } : {}) });
  const backends: VpcBackend[] = [];
  let main: VpcBackend | undefined;

  const backend = (overrides: Partial<VpcBackendOptions> = {}): VpcBackend => {
    const created = createVpcBackend({
      endpoint: emu.url,
      credentials: { accessKeyId: DEFAULT_ACCESS_KEY.accessKeyId, accessKeySecret: DEFAULT_ACCESS_KEY.accessKeySecret },
      retry: FAST_RETRY,
      // Like the emulator's flow control (useEmulator), off unless a suite is about the quota.
      budget: 'off',
      ...overrides,
    });
    backends.push(created);
    return created;
  };

  beforeAll(() => {
    main = backend();
  });

  afterAll(async () => {
    await Promise.all(backends.map((created) => created.close()));
  });

  return {
    emu,
    get main() {
      if (main === undefined) throw new Error('useEmulatorBackend: not started (use it inside tests/hooks)');
      return main;
    },
    backend,
  };
}

