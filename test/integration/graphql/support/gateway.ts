/**
 * The GraphQL layer wired to real parts: the emulator over HTTP on 127.0.0.1, the real data source
 * (signed undici client, retries, DataLoaders), Apollo Server with `formatGatewayError`.
 * Operations run through `executeOperation` with a fresh per-request data source, as the runtime
 * does per HTTP request.
 *
 *   const gw = useGateway({ transitionMs: 300 });
 *   const { data, errors } = await gw.run(TerminatePhysicalConnectionDocument, { input });
 */
import { ApolloServer } from '@apollo/server';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { GraphQLFormattedError } from 'graphql';
import type { VpcBackend, VpcBackendOptions } from '../../../../src/datasources';
import { buildGatewaySchema } from '../../../../src/graphql/build-schema';
import type { GatewayContext } from '../../../../src/schema/context';
import { formatGatewayError } from '../../../../src/schema/format-error';
import type { EmulatorFixture } from '../../../support/emulator';
import { useEmulatorBackend, type EmulatorBackendOptions } from '../../../support/emulator-backend';
import { captureText } from '../../../support/log-capture';
import { recordingLogger, type LogEntry } from '../../../support/recording-logger';

export interface RunResult<TData> {
  data: TData | null | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
}

export interface GatewayFixture {
  readonly emu: EmulatorFixture;
  readonly logs: LogEntry[];
  /** A backend with other options against the same emulator; closed in afterAll. */
  backend(options?: Partial<VpcBackendOptions>): VpcBackend;
  run<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    using?: VpcBackend,
  ): Promise<RunResult<TData>>;
}

export function useGateway(options: EmulatorBackendOptions = {}): GatewayFixture {
  const upstream = useEmulatorBackend(options);
  const logger = recordingLogger('executeOperation gateway');
  let server: ApolloServer<GatewayContext> | undefined;

  beforeAll(async () => {
    server = new ApolloServer<GatewayContext>({
      schema: await buildGatewaySchema(),
      formatError: (formatted, error) => formatGatewayError(formatted, error, { stackTraces: false, schemaHints: true, logger }),
    });
    await server.start();
  });

  afterAll(async () => {
    await server?.stop();
  });

  return {
    emu: upstream.emu,
    logs: logger.entries,
    backend: upstream.backend,
    async run(document, variables, using) {
      if (server === undefined) throw new Error('useGateway: not started');
      const response = await server.executeOperation(
        { query: document, variables },
        {
          contextValue: {
            dataSource: (using ?? upstream.main).forRequest(),
            defaultRegionId: 'cn-hangzhou',
            requestId: 'req-integration',
            logger,
            auth: { subject: 'integration', scopes: new Set(['vpc:read', 'vpc:terminate']) },
          },
        },
      );
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      captureText('response', 'executeOperation gateway', JSON.stringify(response.body.singleResult));
      return { data: response.body.singleResult.data as never, errors: response.body.singleResult.errors };
    },
  };
}
