/**
 * Apollo `formatError`: the last gate before an error reaches a client.
 *
 * - Gateway errors (`errors/`) pass through with their typed extensions.
 * - Data-source errors a resolver forgot to map are mapped here (defence in depth).
 * - Apollo's own request errors (parse, validation, variable coercion) pass through, without
 *   schema hints ("Did you mean ...?") unless the posture shows the schema anyway.
 * - Anything else is a bug or an unexpected library failure: its message could carry internals
 *   (URLs with signed query strings, hostnames), so the client gets INTERNAL_SERVER_ERROR with a
 *   correlation id, and the details go to the log only, redacted by the shared scrubber
 *   (`src/shared/redact.ts`, the same rules as the data source's upstream messages).
 */
import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { redactSecrets } from '../shared/redact';
import type { GatewayLogger } from './context';
import { GatewayError, type BaseExtensions } from './errors';
import { toGatewayError } from './map-error';

export interface FormatErrorOptions {
  /** Stack traces (file paths, library names) in responses: only when an operator asked for them. */
  stackTraces: boolean;
  /** "Did you mean ...?" suggestions, which disclose schema names (src/server/posture.ts). */
  schemaHints: boolean;
  logger?: GatewayLogger;
  /** Id to quote in INTERNAL_SERVER_ERROR; e.g. the request id. A fresh UUID when absent. */
  correlationId?: string;
}

/** Apollo/graphql-js codes for a malformed request: the client's fault, safe to show. */
const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'INTROSPECTION_DISABLED',
  'MAX_RECURSIVE_SELECTIONS_EXCEEDED',
]);

/** The chain `error -> originalError -> ...` (graphql-js wraps resolver errors once per location). */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    current = current instanceof GraphQLError ? current.originalError : undefined;
  }
  return chain;
}

function findGatewayError(error: unknown): GatewayError | null {
  for (const candidate of causes(error)) {
    const mapped = toGatewayError(candidate);
    if (mapped !== null) return mapped;
  }
  return null;
}

/** The root cause is a graphql/Apollo error, not something a resolver threw. */
function isRequestError(formatted: GraphQLFormattedError, error: unknown): boolean {
  const code = formatted.extensions?.['code'];
  if (typeof code !== 'string' || !REQUEST_ERROR_CODES.has(code)) return false;
  return causes(error).every((candidate) => candidate instanceof GraphQLError);
}

/**
 * graphql-js parses recursively, so a document nested deeper than the stack allows (`[[[[...`)
 * ends in a RangeError before the token limit stops it; Apollo files that as a parse failure. It
 * is the client's malformed document, not an internal error worth an error log line per request.
 */
function isParserStackOverflow(formatted: GraphQLFormattedError, error: unknown): boolean {
  return formatted.extensions?.['code'] === 'GRAPHQL_PARSE_FAILED' && causes(error).at(-1) instanceof RangeError;
}

/**
 * graphql-js appends at most one suggestion to a message, always last (` Did you mean "x"?`), in
 * validation errors and in the variable coercion errors Apollo reports as BAD_USER_INPUT.
 */
function withoutHint(message: string): string {
  const at = message.lastIndexOf(' Did you mean ');
  return at >= 0 && message.endsWith('?') ? message.slice(0, at) : message;
}

function located(formatted: GraphQLFormattedError): Pick<GraphQLFormattedError, 'locations' | 'path'> {
  return {
    ...(formatted.locations === undefined ? {} : { locations: formatted.locations }),
    ...(formatted.path === undefined ? {} : { path: formatted.path }),
  };
}

function describe(error: unknown): { name: string; message: string; stack?: string } {
  const root = causes(error).at(-1) ?? error;
  if (root instanceof Error) {
    return { name: root.name, message: redactSecrets(root.message), ...(root.stack ? { stack: redactSecrets(root.stack) } : {}) };
  }
  return { name: typeof root, message: redactSecrets(String(root)) };
}

export function formatGatewayError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: FormatErrorOptions,
): GraphQLFormattedError {
  const gatewayError = findGatewayError(error);
  if (gatewayError !== null) {
    const extensions: BaseExtensions & Record<string, unknown> = { ...gatewayError.extensions };
    if ('upstream' in extensions) {
      options.logger?.warn(
        { code: extensions.code, upstream: extensions['upstream'], path: formatted.path, cause: describe(error).message },
        'upstream error',
      );
    } else {
      options.logger?.debug({ code: extensions.code, path: formatted.path }, gatewayError.message);
    }
    return { message: gatewayError.message, ...located(formatted), extensions };
  }

  if (isRequestError(formatted, error)) {
    const { stacktrace: _dropped, ...rest } = formatted.extensions ?? {};
    const extensions = { ...(options.stackTraces ? formatted.extensions : rest), retryable: false };
    const message = options.schemaHints ? formatted.message : withoutHint(formatted.message);
    return { message, ...located(formatted), extensions };
  }

  if (isParserStackOverflow(formatted, error)) {
    return {
      message: 'Syntax Error: Document is nested too deeply. Parsing aborted.',
      ...located(formatted),
      extensions: { code: 'GRAPHQL_PARSE_FAILED', retryable: false },
    };
  }

  const correlationId = options.correlationId ?? randomUUID();
  options.logger?.error({ correlationId, path: formatted.path, err: describe(error) }, 'internal error');
  // A debugging operator sees the stack, whose first line is the raw message: redacted like the
  // log line, or a signed URL in a library's message would reach the response.
  const rawStack = options.stackTraces ? formatted.extensions?.['stacktrace'] : undefined;
  const stacktrace = Array.isArray(rawStack) ? rawStack.map((line) => redactSecrets(String(line))) : undefined;
  return {
    message: 'Internal server error.',
    ...located(formatted),
    extensions: {
      code: 'INTERNAL_SERVER_ERROR',
      retryable: false,
      correlationId,
      ...(stacktrace === undefined ? {} : { stacktrace }),
    },
  };
}
