/**
 * Builds the gateway's HTTP application: Fastify with Apollo Server 5 at `/graphql`, and the
 * runtime's concerns as hooks and plugins (src/server/plugins, one concern per file).
 *
 * Order of the GraphQL request path, each step refusing before the next costs anything:
 * receive timeout and body limit (Fastify) -> Host header (400/421) -> method (405) -> CORS ->
 * playground page for browsers -> authentication (401) -> document shape (directives, repeated fields) ->
 * Apollo: CSRF, batching, parse with token limit, validation limits, scope check (403) ->
 * execution with a per-request data source whose signal aborts when the client goes away.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { VpcBackend } from '../datasources';
import type { GatewayLogger } from '../resolvers/context';
import { formatGatewayError } from '../schema/format-error';
import type { GatewayConfig } from './config';
import type { Posture } from './posture';
import { sendGraphQLErrors } from './graphql-response';
import { auditPlugin, recordWrites } from './graphql/audit-record';
import { registerAuditLog } from './plugins/audit';
import type { Authenticator } from './auth/authenticator';
import { authPreHandler, scopePlugin } from './auth/guards';
import { csrfPrevention, registerCors } from './plugins/csrf-cors';
import { documentGuard } from './graphql/document-guard';
import { knownOperationTypesRule, limitValidationRules, parseOptions } from './graphql/validation-rules';
import { registerHealthRoutes } from './plugins/health';
import type { Readiness } from './readiness';
import { registerHostCheck } from './plugins/host-check';
import { persistedQueryRefusal, registerMethodNotAllowed } from './plugins/http-semantics';
import { PROTOTYPE_KEY_CODE, registerJsonBodyParser } from './plugins/json-body';
import { registerRequestLogging } from './plugins/request-log';
import type { GatewayMetrics } from './metrics';
import { registerMetrics } from './plugins/metrics';
import { clientErrorHandler, genReqId, requestTimeoutOptions } from './server-options';
import { Playground, wantsPlayground } from './plugins/playground';
import type { PlaygroundAssets } from './playground-assets';
import { registerDrainHeaders } from './plugins/drain-headers';
import type { ServerContext } from './request-state';
import type { InFlight } from '../shared/in-flight';
import { redactSecrets } from '../shared/redact';

export const GRAPHQL_PATH = '/graphql';

export interface AppOptions {
  config: GatewayConfig;
  /** What this gateway shows clients (posture.ts), decided from the config and the upstream. */
  posture: Posture;
  schema: GraphQLSchema;
  backend: Pick<VpcBackend, 'forRequest'>;
  logger: Logger;
  metrics: GatewayMetrics;
  readiness: Readiness;
  authenticator: Authenticator;
  /** null: bundle not built; the playground route then explains how to build it. */
  playgroundAssets: PlaygroundAssets | null;
  /**
   * Every GraphQL operation until it ends: one whose client hung up still runs while its write is
   * in flight, and the shutdown waits for it (shutdown.ts).
   */
  operations: InFlight;
}

/** Lets Apollo's `formatError` (which gets no context) log with the request's id and logger. */
const requestScope = new AsyncLocalStorage<{ requestId: string; logger: GatewayLogger }>();

const NO_SCOPES: ReadonlySet<string> = new Set();

/** What Apollo's cache-control plugin answers for a schema without cache hints, without its per-field cost. */
const noStore: ApolloServerPlugin<ServerContext> = {
  requestDidStart: async () => ({
    willSendResponse: async ({ response }) => {
      response.http.headers.set('cache-control', 'no-store');
    },
  }),
};

/**
 * Fastify's own 4xx (body limit, bad JSON, media type) in the GraphQL error shape; 5xx masked. An
 * unknown 4xx keeps its message, scrubbed like the 5xx log line: it may quote the request.
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply, bodyLimit: number): FastifyReply {
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status >= 500) {
    request.log.error({ err: { name: error.name, code: error.code, message: redactSecrets(error.message) } }, 'unhandled error');
    return sendGraphQLErrors(request, reply, 500, [
      { message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: false, correlationId: request.id } },
    ]);
  }
  const byFastifyCode: Record<string, { code: string; message: string }> = {
    FST_ERR_CTP_BODY_TOO_LARGE: {
      code: 'PAYLOAD_TOO_LARGE',
      message: `The request body is larger than ${bodyLimit} bytes (GATEWAY_BODY_LIMIT_BYTES).`,
    },
    FST_ERR_CTP_INVALID_MEDIA_TYPE: {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Unsupported Content-Type: send application/json.',
    },
    FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'BAD_REQUEST', message: 'The JSON request body is empty.' },
    FST_ERR_CTP_INVALID_JSON_BODY: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
    [PROTOTYPE_KEY_CODE]: {
      code: 'BAD_REQUEST',
      message: 'The request body contains a "__proto__" or "constructor.prototype" key, refused as prototype poisoning.',
    },
  };
  const known = byFastifyCode[error.code];
  const isJsonSyntax = error instanceof SyntaxError;
  const { code, message } = known ?? {
    code: 'BAD_REQUEST',
    message: isJsonSyntax ? 'The request body is not valid JSON.' : redactSecrets(error.message.slice(0, 300)),
  };
  return sendGraphQLErrors(request, reply, status, [{ message, extensions: { code, retryable: false } }]);
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, posture, logger, metrics, readiness, authenticator } = options;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId,
    requestIdHeader: false,
    bodyLimit: config.http.bodyLimitBytes,
    ...requestTimeoutOptions(config.http.requestTimeoutMs),
    clientErrorHandler: clientErrorHandler(config.http.requestTimeoutMs, (status) => metrics.countClientError(status)),
    trustProxy: config.http.trustProxy,
    // While closing: new requests get 503, idle keep-alive sockets close, in-flight ones finish.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });

  registerRequestLogging(app);
  registerMetrics(app, metrics, GRAPHQL_PATH);
  registerHostCheck(app, Array.isArray(config.http.allowedHosts) ? config.http.allowedHosts : null);
  registerAuditLog(app, GRAPHQL_PATH, config.limits.maxTokens);
  registerDrainHeaders(app, readiness);
  registerJsonBodyParser(app);
  app.setErrorHandler((error: FastifyError, request, reply) => handleError(error, request, reply, config.http.bodyLimitBytes));
  await registerCors(app, config.http.corsOrigins);
  registerHealthRoutes(app, readiness);

  const playground = posture.playground
    ? new Playground(options.playgroundAssets, { graphqlPath: GRAPHQL_PATH, jwt: authenticator.mode === 'jwt' })
    : null;
  playground?.register(app);

  const apollo = new ApolloServer<ServerContext>({
    schema: options.schema,
    introspection: posture.introspection,
    csrfPrevention: csrfPrevention(),
    allowBatchedHttpRequests: false,
    persistedQueries: false,
    includeStacktraceInErrorResponses: posture.stackTraces,
    // Not `hideSchemaDetailsFromClientErrors`: it covers validation errors only; formatGatewayError
    // drops hints from variable coercion errors too.
    maxRecursiveSelections: true,
    // The runtime owns signals (shutdown.ts): Apollo must not stop itself behind its back.
    stopOnTerminationSignals: false,
    validationRules: [...limitValidationRules(config.limits), knownOperationTypesRule],
    parseOptions: parseOptions(config.limits),
    logger: logger.child({ component: 'apollo' }),
    formatError: (formatted, error) => {
      const scope = requestScope.getStore();
      return formatGatewayError(formatted, error, {
        stackTraces: posture.stackTraces,
        schemaHints: posture.schemaHints,
        logger: scope?.logger ?? logger,
        ...(scope === undefined ? {} : { correlationId: scope.requestId }),
      });
    },
    // No cache hints exist in this schema: Apollo's cache-control plugin would wrap every field
    // resolver (willResolveField) only to conclude `no-store`, which `noStore` sends directly.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      noStore,
      persistedQueryRefusal(),
      metrics.apolloPlugin(),
      scopePlugin(),
      auditPlugin(),
    ],
  });
  await apollo.start();
  app.addHook('onClose', async () => {
    await apollo.stop();
  });

  const apolloHandler = fastifyApolloHandler<ServerContext>(apollo, {
    context: async (request) => {
      const state = request.gateway;
      return {
        dataSource: recordWrites(options.backend.forRequest({ signal: state.abort.signal }), state.writes),
        defaultRegionId: config.upstream.defaultRegionId,
        requestId: request.id,
        logger: request.log,
        auth: state.auth ?? { subject: null, scopes: NO_SCOPES },
        http: state,
      };
    },
  });

  // `Reply: string` is the route shape the Apollo handler is typed for.
  app.route<{ Reply: string }>({
    method: ['GET', 'POST'],
    url: GRAPHQL_PATH,
    preHandler: [
      async (request, reply) => {
        if (playground === null || !wantsPlayground(request)) return;
        request.gateway.servedPlayground = true;
        return playground.sendPage(reply);
      },
      authPreHandler(authenticator),
      documentGuard(config.limits),
    ],
    handler: (request, reply) => {
      const operation = requestScope.run({ requestId: request.id, logger: request.log }, () => apolloHandler.call(app, request, reply));
      // An async function, typed as possibly synchronous: Promise.resolve hands its promise back as is.
      return options.operations.track(Promise.resolve(operation));
    },
  });
  registerMethodNotAllowed(app, GRAPHQL_PATH);

  return app;
}
