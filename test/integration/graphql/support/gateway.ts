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
import { createVpcBackend, type VpcBackend, type VpcBackendOptions } from '../../../../src/datasources';
import { DEFAULT_ACCESS_KEY } from '../../../../src/emulator';
import type { GatewayContext, GatewayLogger } from '../../../../src/schema/context';
import { buildGatewaySchema } from '../../../../src/graphql/build-schema';
import { formatGatewayError } from '../../../../src/schema/format-error';
import { useEmulator, type EmulatorFixture } from '../../../support/emulator';
import { captureText } from '../../../support/log-capture';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg: string | undefined;
}

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

function errorsAsObjects(_key: string, value: unknown): unknown {
  return value instanceof Error ? { ...value, name: value.name, message: value.message, stack: value.stack } : value;
}

/** Short retries: the fault tests exhaust them, and the suite should not wait seconds for that. */
const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, budgetMs: 2_000 };

export function useGateway(options: { transitionMs?: number } = {}): GatewayFixture {
  const emu = useEmulator({ transitionMs: options.transitionMs ?? 300 });
  const logs: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (obj: object, msg?: string): void => {
      logs.push({ level, obj, msg });
      // Into the run's leak scan, serialized as a JSON logger would (errors with message and stack).
      captureText('log', 'executeOperation gateway', JSON.stringify({ level, msg, ...obj }, errorsAsObjects));
    };
  const logger: GatewayLogger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  const backends: VpcBackend[] = [];
  let server: ApolloServer<GatewayContext> | undefined;
  let main: VpcBackend | undefined;

  const makeBackend = (overrides: Partial<VpcBackendOptions> = {}): VpcBackend => {
    const backend = createVpcBackend({
      endpoint: emu.url,
      credentials: { accessKeyId: DEFAULT_ACCESS_KEY.accessKeyId, accessKeySecret: DEFAULT_ACCESS_KEY.accessKeySecret },
      retry: FAST_RETRY,
      ...overrides,
    });
    backends.push(backend);
    return backend;
  };

  beforeAll(async () => {
    main = makeBackend();
    server = new ApolloServer<GatewayContext>({
      schema: await buildGatewaySchema(),
      formatError: (formatted, error) => formatGatewayError(formatted, error, { stackTraces: false, schemaHints: true, logger }),
    });
    await server.start();
  });

  afterAll(async () => {
    await server?.stop();
    await Promise.all(backends.map((backend) => backend.close()));
  });

  return {
    emu,
    logs,
    backend: makeBackend,
    async run(document, variables, using) {
      if (server === undefined || main === undefined) throw new Error('useGateway: not started');
      const response = await server.executeOperation(
        { query: document, variables },
        {
          contextValue: {
            dataSource: (using ?? main).forRequest(),
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

/** Polls `read` until `done` holds or `timeoutMs` passes; returns the last value. */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
