/**
 * The Apollo Server of `/graphql`: the schema with the gateway's limits, error formatting and
 * plugins (scopes, metrics, audit, no-store, persisted queries refused).
 * Invariants: no landing page, batching, APQ or cache hints; stack traces only with the posture's
 * `stackTraces`; Apollo never handles signals (shutdown.ts does).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { GatewayLogger } from '../../schema/context';
import { formatGatewayError } from '../../schema/format-error';
import { scopePlugin } from '../auth/guards';
import type { GatewayConfig } from '../config';
import type { GatewayMetrics } from '../metrics';
import { CSRF_PREFLIGHT_HEADERS } from '../plugins/cors';
import type { ServerContext } from '../plugins/request-state';
import type { Posture } from '../posture';
import { auditRecordPlugin } from './audit-record';
import { knownOperationTypesRule, limitValidationRules, parseOptions } from './validation-rules';

/** Lets Apollo's `formatError` (which gets no context) log with the request's id and logger. */
export const requestScope = new AsyncLocalStorage<{ requestId: string; logger: GatewayLogger }>();

/** What Apollo's cache-control plugin answers for a schema without cache hints, without its per-field cost. */
const noStore: ApolloServerPlugin<ServerContext> = {
  requestDidStart: async () => ({
    willSendResponse: async ({ response }) => {
      response.http.headers.set('cache-control', 'no-store');
    },
  }),
};

/**
 * APQ is off: a request carrying `extensions.persistedQuery` gets 400 (Apollo answers 200, and
 * under application/graphql-response+json a request error must be 4xx). With trusted documents
 * configured no such request reaches Apollo: trusted-documents.ts resolves or refuses it first.
 */
const persistedQueryRefusal: ApolloServerPlugin<ServerContext> = {
  requestDidStart: async () => ({
    willSendResponse: async ({ response }) => {
      if (response.body.kind !== 'single') return;
      const errors = response.body.singleResult.errors ?? [];
      if (errors.some((error) => error.extensions?.['code'] === 'PERSISTED_QUERY_NOT_SUPPORTED')) response.http.status = 400;
    },
  }),
};

export interface ApolloOptions {
  schema: GraphQLSchema;
  posture: Posture;
  limits: GatewayConfig['limits'];
  logger: Logger;
  metrics: GatewayMetrics;
}

export function createApollo({ schema, posture, limits, logger, metrics }: ApolloOptions): ApolloServer<ServerContext> {
  return new ApolloServer<ServerContext>({
    schema,
    introspection: posture.introspection,
    csrfPrevention: { requestHeaders: CSRF_PREFLIGHT_HEADERS },
    allowBatchedHttpRequests: false,
    persistedQueries: false,
    includeStacktraceInErrorResponses: posture.stackTraces,
    // Not `hideSchemaDetailsFromClientErrors`: it covers validation errors only; formatGatewayError
    // drops hints from variable coercion errors too.
    maxRecursiveSelections: true,
    stopOnTerminationSignals: false,
    validationRules: [...limitValidationRules(limits), knownOperationTypesRule],
    parseOptions: parseOptions(limits),
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
      persistedQueryRefusal,
      metrics.apolloPlugin(),
      scopePlugin(),
      auditRecordPlugin(),
    ],
  });
}
