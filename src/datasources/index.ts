/**
 * Public entry of the data source: `createVpcBackend` builds the process-wide parts (pools,
 * credentials, signer, typed API) once; `forRequest` hands each GraphQL request its own
 * `VpcDataSourceApi` (fresh DataLoaders, the request's cancellation signal).
 */
import { createCredentialSource } from './credentials';
import type { VpcDataSourceApi } from './types';
import { resolveSettings, type VpcBackendOptions } from './options';
import { ReadCoalescer } from './read-coalescer';
import { Transport } from './transport';
import { VpcApi } from './vpc-api';
import { VpcClient, defaultNonce } from './vpc-client';
import { VpcDataSource } from './vpc-data-source';

export interface VpcBackend {
  /**
   * The 17 typed operations (process-wide, no per-request cache). Reads share identical
   * concurrent calls (and the optional TTL cache) unless called with `{ fresh: true }`.
   */
  api: VpcApi;
  /** Cheap: new DataLoaders per call. */
  forRequest(options?: { signal?: AbortSignal }): VpcDataSourceApi;
  /** Resolves credentials once (readiness); throws an `UpstreamError` (kind AUTH) with a clear message. */
  checkCredentials(): Promise<void>;
  /** Closes every pool; idempotent. */
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
  const client = new VpcClient({
    settings,
    transport,
    credentials,
    knownSecrets,
    hooks,
    now: options.now ?? Date.now,
    nonce: options.nonce ?? defaultNonce,
    random: options.random ?? Math.random,
  });
  const api = new VpcApi(client, hooks, new ReadCoalescer(settings.readSharing, options.now ?? Date.now));
  let closing: Promise<void> | null = null;

  return {
    api,
    forRequest: (requestOptions = {}) => new VpcDataSource(api, requestOptions.signal),
    checkCredentials: async () => {
      await credentials.get();
    },
    close: () => (closing ??= transport.close()),
  };
}

export { BadInputError, UpstreamError } from './errors';
export type { UpstreamErrorKind, UpstreamErrorInit } from './errors';
export type { VpcBackendOptions, VpcBackendHooks, UpstreamCallEvent, RetryEvent, UnexpectedValueEvent, SharedReadEvent } from './options';
export type { VpcDataSourceApi } from './types';
export { VpcApi } from './vpc-api';
export * from './vpc-api-types';
