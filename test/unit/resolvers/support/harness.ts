/**
 * Executes operations the way the runtime does: Apollo Server with the gateway schema and
 * `formatGatewayError`, a fresh context per operation. Returns what a client would see.
 */
import { ApolloServer } from '@apollo/server';
import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import type { VpcDataSourceApi } from '../../../../src/datasources/types';
import { buildGatewaySchema } from '../../../../src/graphql/build-schema';
import type { GatewayContext } from '../../../../src/schema/context';
import { formatGatewayError } from '../../../../src/schema/format-error';
import { recordingLogger, type RecordingLogger } from '../../../support/recording-logger';

export interface Harness {
  server: ApolloServer<GatewayContext>;
  logger: RecordingLogger;
  run<TData = Record<string, unknown>>(
    dataSource: VpcDataSourceApi,
    query: string | DocumentNode,
    variables?: Record<string, unknown>,
    contextOverrides?: Partial<GatewayContext>,
  ): Promise<{ data: TData | null | undefined; errors: readonly GraphQLFormattedError[] | undefined }>;
  stop(): Promise<void>;
}

export async function startHarness(options: { stackTraces?: boolean } = {}): Promise<Harness> {
  const logger = recordingLogger();
  const server = new ApolloServer<GatewayContext>({
    schema: await buildGatewaySchema(),
    includeStacktraceInErrorResponses: options.stackTraces ?? false,
    formatError: (formatted, error) =>
      formatGatewayError(formatted, error, { stackTraces: options.stackTraces ?? false, schemaHints: true, logger }),
  });
  await server.start();
  return {
    server,
    logger,
    async run(dataSource, query, variables, contextOverrides) {
      const response = await server.executeOperation(
        { query, ...(variables === undefined ? {} : { variables }) },
        {
          contextValue: {
            dataSource,
            defaultRegionId: 'cn-hangzhou',
            requestId: 'req-unit',
            logger,
            auth: { subject: 'tester', scopes: new Set(['vpc:read', 'vpc:terminate']) },
            ...contextOverrides,
          },
        },
      );
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      const { data, errors } = response.body.singleResult;
      return { data: data as never, errors };
    },
    stop: () => server.stop(),
  };
}
