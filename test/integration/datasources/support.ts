/**
 * The real data source against the real emulator over HTTP: a backend per signature version,
 * every upstream call and retry recorded from the hooks, closed in afterAll.
 */
import { createVpcBackend, type VpcBackend, type VpcBackendOptions } from '../../../src/datasources';
import type { RetryEvent, UnexpectedValueEvent, UpstreamCallEvent } from '../../../src/datasources/options';
import type { EmulatorFixture } from '../../support/emulator';

export const EMULATOR_KEY = { accessKeyId: 'LTAIEmulatorAccessKey', accessKeySecret: 'EmulatorAccessKeySecret' };

export interface RecordedBackend {
  backend: VpcBackend;
  calls: UpstreamCallEvent[];
  retries: RetryEvent[];
  unexpected: UnexpectedValueEvent[];
}

export function backendFor(emu: EmulatorFixture, options: Partial<VpcBackendOptions> = {}): RecordedBackend {
  const calls: UpstreamCallEvent[] = [];
  const retries: RetryEvent[] = [];
  const unexpected: UnexpectedValueEvent[] = [];
  const backend = createVpcBackend({
    endpoint: emu.url,
    credentials: EMULATOR_KEY,
    retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, budgetMs: 5_000 },
    hooks: { onUpstreamCall: (e) => calls.push(e), onRetry: (e) => retries.push(e), onUnexpectedValue: (e) => unexpected.push(e) },
    // Like the emulator's flow control (useEmulator), off unless a suite is about the quota.
    budget: 'off',
    ...options,
  });
  return { backend, calls, retries, unexpected };
}

