/**
 * The data source's public entry: `createVpcBackend` builds the process-wide parts once (pools,
 * credentials, read sharing, typed API); `forRequest` hands each GraphQL request its own
 * `VpcDataSourceApi`. Layout and layering: docs/datasource.md#layout.
 *
 * Invariant: writes in flight outlive their request; `close()` waits for them before closing the pools.
 */
import { InFlight } from '../shared/in-flight';
import { createLocalBudget, DEFAULT_UPSTREAM_QUOTA, systemClock } from './budget';
import { createCredentialSource } from './wire/credentials';
import type { VpcDataSourceApi } from './types';
import { resolveSettings, type VpcBackendOptions } from './options';
import { ReadOperations } from './operations/read-operations';
import { VpcApi } from './operations/vpc-api';
import { Writer } from './operations/writer';
import { ReadCoalescer } from './operations/read-coalescer';
import { Transport } from './wire/transport';
import { UpstreamClient, defaultNonce } from './wire/upstream-client';
import { VpcDataSource } from './data-source';

export interface VpcBackend {
  /**
   * The 21 typed operations (process-wide, no per-request cache). Reads share identical
   * concurrent calls (and the optional TTL cache) unless called with `{ fresh: true }`.
   */
  api: VpcApi;
  /** Cheap: new DataLoaders per call. */
  forRequest(options?: { signal?: AbortSignal }): VpcDataSourceApi;
  /** Resolves credentials once (readiness); throws an `UpstreamError` (kind AUTH) with a clear message. */
  checkCredentials(): Promise<void>;
  /**
   * Ends the writes still in flight (a shutdown out of time): each fails as `Request.Cancelled`,
   * whether the upstream acted on it unknown (its error carries the token to retry it with).
   */
  stopWrites(): void;
  /**
   * Waits for the writes in flight (each bounded by its attempt deadline and retry budget, or
   * `stopWrites`), then closes every pool; idempotent.
   */
  close(): Promise<void>;
}

export function createVpcBackend(options: VpcBackendOptions = {}): VpcBackend {
  const settings = resolveSettings(options);
  const knownSecrets = new Set<string>();
  const credentials = createCredentialSource(
    {
      ...(options.credentials ? { credentials: options.credentials } : {}),
      ...(options.credentialProvider ? { credentialProvider: options.credentialProvider } : {}),
    },
    knownSecrets,
  );
  const transport = new Transport({
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    connectionsPerOrigin: settings.connectionsPerOrigin,
    connectTimeoutMs: settings.timeouts.connectMs,
    maxResponseBytes: settings.maxResponseBytes,
  });
  const hooks = options.hooks ?? {};
  const writes = new InFlight();
  const stopWrites = new AbortController();
  const now = options.now ?? Date.now;
  const budget =
    options.budget === 'off' ? null : (options.budget ?? createLocalBudget(DEFAULT_UPSTREAM_QUOTA, { clock: { ...systemClock, now } }));
  const client = new UpstreamClient({
    settings,
    transport,
    credentials,
    knownSecrets,
    hooks,
    now,
    nonce: options.nonce ?? defaultNonce,
    random: options.random ?? Math.random,
    writes,
    stopWrites: stopWrites.signal,
    budget,
  });
  const sharing = new ReadCoalescer<unknown>(settings.readSharing, now);
  const reads = new ReadOperations(client, hooks, sharing);
  const api = new VpcApi(reads, new Writer(client, sharing));
  let closing: Promise<void> | null = null;

  return {
    api,
    forRequest: (requestOptions = {}) => new VpcDataSource(reads, api, requestOptions.signal),
    checkCredentials: async () => {
      await credentials.get();
    },
    stopWrites: () => stopWrites.abort(),
    close: () => (closing ??= writes.settled().then(() => transport.close())),
  };
}

export { BadInputError, UpstreamError } from './errors';
export type { UpstreamErrorKind, UpstreamErrorInit } from './errors';
export type { VpcBackendOptions, VpcBackendHooks, UpstreamCallEvent, RetryEvent, UnexpectedValueEvent, SharedReadEvent } from './options';
export type { VpcDataSourceApi } from './types';
export type { BudgetPriority, BudgetRequest, BudgetOutcome, UpstreamBudget, Quota } from './budget';
export { VpcApi } from './operations/vpc-api';
export * from './operations/requests';
export { parseEndpointOverride } from './wire/endpoints';
/** The argument rules the data source applies (resolvers run them first to name the GraphQL argument). */
export * as validation from './operations/validation';
