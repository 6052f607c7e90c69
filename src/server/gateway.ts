/**
 * Starts a whole gateway from a validated config: upstream mode, the embedded emulator when that
 * is the mode, what replicas share (Redis, the upstream budget), the VPC backend (its hooks
 * feeding metrics and logs), the schema, the HTTP app.
 * `main.ts` runs it for `npm start`; integration tests run it in process with port 0.
 * Invariant: everything it holds is process-local and disposable, or shared through Redis and
 * safe to lose (docs/runtime.md#several-replicas).
 */
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { createVpcBackend, type VpcBackend, type VpcBackendOptions } from '../datasources';
import { DEFAULT_ACCESS_KEY } from '../emulator/defaults';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator';
import { buildGatewaySchema } from '../graphql/build-schema';
import { InFlight } from '../shared/in-flight';
import { buildApp } from './app';
import { loadTrustedDocuments } from './graphql/trusted-manifest';
import { startCluster } from './cluster';
import { missingTokenBinding, type GatewayConfig } from './config';
import { createAuthenticator } from './auth/authenticator';
import { Readiness } from './readiness';
import { JwksLoader } from './auth/jwks-loader';
import { GatewayMetrics, shippedOperationNames } from './metrics';
import { defaultPlaygroundDir, loadPlaygroundAssets } from './playground-assets';
import { GRAPHQL_PATH } from './plugins/graphql';
import { PLAYGROUND_PATH } from './plugins/playground';
import { drain } from './shutdown';
import { finalizeAuthMode, finalizePosture, type Posture } from './posture';
import { selectUpstreamMode, systemProbe, type CredentialProbe, type UpstreamMode } from './upstream-mode';

export interface GatewayDependencies {
  logger: Logger;
  probe?: CredentialProbe;
  createBackend?: (options: VpcBackendOptions) => VpcBackend;
  buildSchema?: () => Promise<GraphQLSchema>;
  startEmulator?: (options: EmulatorOptions) => Promise<RunningEmulator>;
  playgroundDir?: string;
  /** The clock of the key-set cooldowns and the readiness rechecks (tests move it instead of waiting). */
  now?: () => number;
}

export interface RunningGateway {
  app: FastifyInstance;
  mode: UpstreamMode;
  authMode: 'none' | 'jwt';
  posture: Posture;
  /** Base URL, e.g. `http://127.0.0.1:4000` (loopback shown when bound to every interface). */
  url: string;
  graphqlUrl: string;
  playgroundUrl: string | null;
  emulatorUrl: string | null;
  /** The upstream budget, in one line (banner). */
  budget: string;
  readiness: Readiness;
  metrics: GatewayMetrics;
  /**
   * Graceful: readiness off, stop accepting, in-flight requests and writes finish (deadline), pools
   * close.
   */
  close(): Promise<{ forced: boolean }>;
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function backendOptions(config: GatewayConfig, mode: UpstreamMode, emulator: RunningEmulator | null): VpcBackendOptions {
  const { upstream } = config;
  return {
    signatureVersion: upstream.signatureVersion,
    ...(upstream.connectionsPerOrigin === undefined ? {} : { connectionsPerOrigin: upstream.connectionsPerOrigin }),
    timeouts: upstream.timeouts,
    retry: upstream.retry,
    ...(upstream.userAgent === undefined ? {} : { userAgent: upstream.userAgent }),
    readSharing: upstream.readSharing,
    ...(mode.kind === 'endpoint' ? { endpoint: mode.endpoint } : {}),
    ...(emulator === null
      ? {}
      : {
          endpoint: emulator.url,
          credentials: { accessKeyId: DEFAULT_ACCESS_KEY.accessKeyId, accessKeySecret: DEFAULT_ACCESS_KEY.accessKeySecret },
        }),
  };
}

export async function startGateway(config: GatewayConfig, deps: GatewayDependencies): Promise<RunningGateway> {
  const { logger } = deps;
  const mode = selectUpstreamMode(config, deps.probe ?? systemProbe(process.env));
  const authMode = finalizeAuthMode(config, mode.kind);
  const posture = finalizePosture(config, mode.kind);
  if (authMode === 'none' && mode.kind !== 'emulator') {
    logger.warn({ upstream: mode.kind }, 'GATEWAY_AUTH_MODE=none in front of a real VPC API: every caller can terminate circuits');
  }
  if (posture.stackTraces) logger.warn('GATEWAY_DEBUG_ERRORS=true: error responses carry stack traces (file paths, library names)');
  if (config.http.allowedHosts === null && mode.kind !== 'emulator') {
    logger.warn(
      { host: config.host },
      'GATEWAY_ALLOWED_HOSTS is unset on a non-loopback address: any Host header is answered (DNS rebinding); list the names clients use',
    );
  }
  const unbound = missingTokenBinding(config.auth);
  if (unbound.length > 0) {
    // Production refuses this at config time (config/auth.ts); elsewhere it is allowed, but said.
    logger.warn({ unset: unbound }, 'GATEWAY_JWKS_URL without an issuer or audience check: tokens issued for other applications are accepted');
  }

  const cleanups: (() => Promise<void>)[] = [];
  try {
    let emulator: RunningEmulator | null = null;
    if (mode.kind === 'emulator') {
      emulator = await (deps.startEmulator ?? startEmulator)({
        host: '127.0.0.1',
        port: 0,
        ...(config.emulator.transitionMs === undefined ? {} : { transitionMs: config.emulator.transitionMs }),
        ...(config.emulator.seedPath === undefined ? {} : { seed: config.emulator.seedPath }),
        ...(config.emulator.flowControl === undefined ? {} : { flowControl: config.emulator.flowControl }),
      });
      const running = emulator;
      cleanups.push(() => running.stop());
    }

    const metrics = new GatewayMetrics({ reservedOperations: shippedOperationNames() });
    const cluster = startCluster(config, { logger, metrics });
    cleanups.unshift(() => cluster.close());
    const hooks = metrics.backendHooks();
    const upstreamLog = logger.child({ component: 'upstream' });
    const backend = (deps.createBackend ?? createVpcBackend)({
      ...backendOptions(config, mode, emulator),
      budget: cluster.budget,
      hooks: {
        onUpstreamCall: (e) => {
          hooks.onUpstreamCall(e);
          // Checked first: this runs for every upstream call, and the copy is not free.
          if (upstreamLog.isLevelEnabled('debug')) upstreamLog.debug({ ...e }, 'upstream call');
        },
        onRetry: (e) => {
          hooks.onRetry(e);
          upstreamLog.info({ ...e }, 'upstream retry');
        },
        onUnexpectedValue: (e) => {
          hooks.onUnexpectedValue(e);
          upstreamLog.warn({ ...e }, 'unexpected upstream value');
        },
        onSharedRead: hooks.onSharedRead,
      },
    });
    cleanups.unshift(() => backend.close());

    const clock = deps.now === undefined ? {} : { now: deps.now };
    const jwks =
      authMode === 'jwt' && config.auth.jwksUrl !== null
        ? new JwksLoader({
            url: config.auth.jwksUrl,
            timeoutMs: config.auth.jwksTimeoutMs,
            logger: logger.child({ component: 'jwks' }),
            onFailure: (reason) => metrics.countJwksFailure(reason),
            ...clock,
          })
        : null;
    if (jwks !== null) cleanups.unshift(() => jwks.close());
    const readiness = new Readiness(() => backend.checkCredentials(), {
      onChange: (ready) => metrics.setReady(ready),
      logger: logger.child({ component: 'readiness' }),
      ...(jwks === null ? {} : { keySet: () => jwks.ensureLoaded() }),
      degraded: () => cluster.degradedReason(),
      ...clock,
    });
    const schema = await (deps.buildSchema ?? buildGatewaySchema)();
    const { manifests, only } = config.trustedDocuments;
    const trustedDocuments = manifests.length === 0 ? null : loadTrustedDocuments(manifests, schema, config.limits);
    if (trustedDocuments !== null) logger.info({ manifests, documents: trustedDocuments.size, only }, 'trusted documents loaded');
    const authenticator = createAuthenticator(authMode, config.auth, {
      logger,
      ...(jwks === null ? {} : { keyResolver: jwks.getKey }),
    });
    const playgroundAssets = posture.playground ? loadPlaygroundAssets(deps.playgroundDir ?? defaultPlaygroundDir()) : null;
    if (posture.playground && playgroundAssets === null) {
      logger.warn('playground bundle missing (dist/playground): run `npm run build`; /playground answers 503 until then');
    }

    const operations = new InFlight();
    const app = await buildApp({
      config,
      posture,
      schema,
      backend,
      logger,
      metrics,
      readiness,
      authenticator,
      playgroundAssets,
      operations,
      trustedDocuments,
    });
    cleanups.unshift(() => app.close());
    readiness.markSchemaReady();
    await app.listen({ host: config.host, port: config.port });
    void readiness.verify();

    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const url = `http://${displayHost(config.host)}:${port}`;
    let closing: Promise<{ forced: boolean }> | null = null;
    const gateway: RunningGateway = {
      app,
      mode,
      authMode,
      posture,
      url,
      graphqlUrl: `${url}${GRAPHQL_PATH}`,
      playgroundUrl: posture.playground ? `${url}${PLAYGROUND_PATH}` : null,
      emulatorUrl: emulator?.url ?? null,
      budget: cluster.description,
      readiness,
      metrics,
      close: () =>
        (closing ??= drain({
          app,
          readiness,
          logger,
          timeoutMs: config.shutdown.timeoutMs,
          drainDelayMs: config.shutdown.drainDelayMs,
          operations,
          stopWrites: () => backend.stopWrites(),
          release: [
            () => backend.close(),
            () => cluster.close(),
            ...(jwks === null ? [] : [() => jwks.close()]),
            ...(emulator === null ? [] : [emulator.stop]),
          ],
        })),
    };
    return gateway;
  } catch (error) {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    throw error;
  }
}
