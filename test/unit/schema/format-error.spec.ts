/** formatGatewayError: what passes through, what is masked, what is logged. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { BadInputError, UpstreamError } from '../../../src/datasources/errors';
import {
  ForbiddenError,
  GATEWAY_ERROR_CODES,
  InternalServerError,
  UnauthenticatedError,
  VbrsAttachedError,
} from '../../../src/schema/errors';
import { formatGatewayError } from '../../../src/schema/format-error';
import { recordingLogger } from '../../support/recording-logger';

/** The safe posture (the default everywhere but the embedded emulator), and an operator debugging. */
const SAFE = { stackTraces: false, schemaHints: false };
const DEBUG = { stackTraces: true, schemaHints: true };

const located = { locations: [{ line: 1, column: 3 }], path: ['terminatePhysicalConnection'] };

/** What graphql-js hands Apollo for an error thrown in a resolver. */
function resolverError(thrown: unknown): GraphQLError {
  return new GraphQLError(thrown instanceof Error ? thrown.message : String(thrown), {
    path: located.path,
    originalError: thrown instanceof Error ? thrown : undefined,
  });
}

function apolloFormatted(error: GraphQLError, extra: Record<string, unknown> = {}): GraphQLFormattedError {
  return { ...error.toJSON(), ...located, extensions: { code: 'INTERNAL_SERVER_ERROR', ...error.extensions, ...extra } };
}

describe('gateway errors pass through with their typed extensions', () => {
  it('keeps message, location, path and the whole extensions object', () => {
    const thrown = new VbrsAttachedError('pc-a1', ['vbr-1']);
    const wrapped = resolverError(thrown);
    const logger = recordingLogger();
    const result = formatGatewayError(apolloFormatted(wrapped, { stacktrace: ['x'] }), wrapped, {
      ...SAFE,
      logger,
    });
    expect(result).toEqual({
      message: 'Physical connection pc-a1 still has 1 VBR(s) attached (vbr-1); delete them first.',
      ...located,
      extensions: { code: 'VBRS_ATTACHED', retryable: false, physicalConnectionId: 'pc-a1', vbrIds: ['vbr-1'] },
    });
    expect(logger.entries.map((entry) => entry.level)).toEqual(['debug']);
  });

  it('defines UNAUTHENTICATED and FORBIDDEN for the runtime', () => {
    for (const [error, extensions] of [
      [new UnauthenticatedError(), { code: 'UNAUTHENTICATED', retryable: false }],
      [new ForbiddenError('needs vpc:terminate', 'vpc:terminate'), { code: 'FORBIDDEN', retryable: false, requiredScope: 'vpc:terminate' }],
      [new ForbiddenError(), { code: 'FORBIDDEN', retryable: false, requiredScope: null }],
    ] as const) {
      // Thrown outside execution (e.g. from the context function): no path, no wrapper.
      const result = formatGatewayError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error, SAFE);
      expect(result).toEqual({ message: error.message, extensions });
    }
  });

  it('maps data-source errors a resolver did not map (defence in depth)', () => {
    const badInput = resolverError(new BadInputError('regionId', 'bad region'));
    expect(formatGatewayError(apolloFormatted(badInput), badInput, SAFE).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      retryable: false,
      field: 'regionId',
    });
    const upstream = resolverError(
      new UpstreamError({
        kind: 'UNAVAILABLE',
        code: 'ServiceUnavailable',
        httpStatus: 503,
        requestId: 'R1',
        hostId: null,
        action: 'DescribePhysicalConnections',
        message: 'The request has failed due to a temporary failure of the server.',
        retryable: true,
      }),
    );
    const logger = recordingLogger();
    expect(formatGatewayError(apolloFormatted(upstream), upstream, { ...SAFE, logger }).extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      retryable: true,
      upstream: { code: 'ServiceUnavailable', httpStatus: 503, requestId: 'R1' },
    });
    expect(logger.entries[0]?.level).toBe('warn');
  });

  it('every code of the vocabulary is documented in the README', () => {
    const docs = readFileSync(resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    for (const code of GATEWAY_ERROR_CODES) expect(docs).toContain(`\`${code}\``);
  });
});

describe('Apollo request errors', () => {
  it('pass through with retryable false, and a stack trace only when asked for', () => {
    const validation = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted: GraphQLFormattedError = {
      message: validation.message,
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['GraphQLError: ...', '  at validate'] },
    };
    expect(formatGatewayError(formatted, validation, SAFE)).toEqual({
      message: validation.message,
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', retryable: false },
    });
    expect(formatGatewayError(formatted, validation, DEBUG).extensions).toHaveProperty('stacktrace');
  });

  it.each([
    [
      'GRAPHQL_VALIDATION_FAILED',
      'Cannot query field "region" on type "Query". Did you mean "regions"?',
      'Cannot query field "region" on type "Query".',
    ],
    [
      'BAD_USER_INPUT',
      'Variable "$input" got invalid value { physicalConnectionIdd: "pc-1" }; Field "physicalConnectionIdd" is not defined by type "TerminatePhysicalConnectionInput". Did you mean "physicalConnectionId"?',
      'Variable "$input" got invalid value { physicalConnectionIdd: "pc-1" }; Field "physicalConnectionIdd" is not defined by type "TerminatePhysicalConnectionInput".',
    ],
    [
      'BAD_USER_INPUT',
      'Variable "$s" got invalid value "Did you mean x?"; Value "Did you mean x?" does not exist in "PhysicalConnectionStatus" enum. Did you mean the enum value "ENABLED"?',
      'Variable "$s" got invalid value "Did you mean x?"; Value "Did you mean x?" does not exist in "PhysicalConnectionStatus" enum.',
    ],
  ])('%s: the schema hint goes unless hints are on (%#)', (code, message, hintless) => {
    const error = new GraphQLError(message, { extensions: { code } });
    const formatted: GraphQLFormattedError = { message, extensions: { code } };
    expect(formatGatewayError(formatted, error, SAFE).message).toBe(hintless);
    expect(formatGatewayError(formatted, error, { ...SAFE, schemaHints: true }).message).toBe(message);
  });

  it('a message without a hint is left alone', () => {
    const message = 'Syntax Error: Expected Name, found "?".';
    const error = new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(formatGatewayError({ message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, error, SAFE).message).toBe(message);
  });

  it('a resolver throwing a plain Error with an allow-listed code is still masked', () => {
    const sneaky = Object.assign(new Error('db password is hunter2'), { extensions: { code: 'BAD_USER_INPUT' } });
    const wrapped = resolverError(sneaky);
    const result = formatGatewayError(apolloFormatted(wrapped, { code: 'BAD_USER_INPUT' }), wrapped, SAFE);
    expect(result.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});

describe('anything else is masked as INTERNAL_SERVER_ERROR', () => {
  it('hides the message and stack, adds a correlation id, logs the redacted details', () => {
    const boom = new Error('connect ECONNREFUSED https://vpc.aliyuncs.com/?Signature=abcDEF123&AccessKeyId=x');
    const wrapped = resolverError(boom);
    const logger = recordingLogger();
    const result = formatGatewayError(apolloFormatted(wrapped, { stacktrace: ['Error: connect', 'at x'] }), wrapped, {
      ...SAFE,
      logger,
      correlationId: 'req-42',
    });
    expect(result).toEqual({
      message: 'Internal server error.',
      ...located,
      extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: false, correlationId: 'req-42' },
    });
    expect(logger.entries).toHaveLength(1);
    const [entry] = logger.entries;
    expect(entry?.level).toBe('error');
    expect(entry?.obj).toMatchObject({ correlationId: 'req-42', err: { name: 'Error' } });
    const logged = JSON.stringify(entry);
    expect(logged).toContain('ECONNREFUSED');
    expect(logged).not.toContain('abcDEF123');
  });

  it('generates a fresh correlation id per error when none is given', () => {
    const wrapped = resolverError(new Error('x'));
    const first = formatGatewayError(apolloFormatted(wrapped), wrapped, SAFE);
    const second = formatGatewayError(apolloFormatted(wrapped), wrapped, SAFE);
    expect(first.extensions?.['correlationId']).toEqual(expect.any(String));
    expect(first.extensions?.['correlationId']).not.toBe(second.extensions?.['correlationId']);
  });

  it('non-null violations and non-Error throws are internal too; the stack shows only when asked for', () => {
    const violation = new GraphQLError('Cannot return null for non-nullable field Query.regions.', { path: ['regions'] });
    expect(formatGatewayError(apolloFormatted(violation), violation, SAFE).extensions?.['code']).toBe(
      'INTERNAL_SERVER_ERROR',
    );
    const weird = resolverError('a string was thrown');
    const dev = formatGatewayError(apolloFormatted(weird, { stacktrace: ['trace'] }), weird, DEBUG);
    expect(dev.message).toBe('Internal server error.');
    expect(dev.extensions?.['stacktrace']).toEqual(['trace']);
  });

  it('an explicit InternalServerError keeps its correlation id', () => {
    const error = new InternalServerError('corr-1');
    expect(formatGatewayError({ message: error.message }, error, SAFE).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      retryable: false,
      correlationId: 'corr-1',
    });
  });
});

describe('internal error text goes through the shared scrubber (src/shared/redact.ts)', () => {
  const HEX_HMAC = '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0';
  const BASE64_SIGNATURE = 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=';

  it.each([
    ['a bare hex HMAC', `upstream said ${HEX_HMAC} does not match`, HEX_HMAC],
    ['a bare base64 signature', `request signed ${BASE64_SIGNATURE} was refused`, BASE64_SIGNATURE],
  ])('%s is masked in the log line and in the debugging stack trace', (_what, message, secret) => {
    const boom = new Error(message);
    const wrapped = resolverError(boom);
    const logger = recordingLogger();
    const stack = (boom.stack ?? '').split('\n');
    const result = formatGatewayError(apolloFormatted(wrapped, { stacktrace: stack }), wrapped, {
      ...DEBUG,
      logger,
      correlationId: 'req-7',
    });
    expect(result.extensions?.['stacktrace']).toEqual(expect.arrayContaining([expect.stringContaining('[REDACTED]')]));
    expect(JSON.stringify(result)).not.toContain(secret);
    const logged = JSON.stringify(logger.entries);
    expect(logged).toContain('[REDACTED]');
    expect(logged).not.toContain(secret);
    // The rest of the message survives, so the log line is still useful.
    expect(logged).toContain(message.split(' ')[0]);
  });

  it('an upstream error logged as a warning has its cause scrubbed too', () => {
    const upstream = resolverError(
      new UpstreamError({
        kind: 'AUTH',
        code: 'SignatureDoesNotMatch',
        httpStatus: 400,
        requestId: 'R2',
        hostId: null,
        action: 'DescribeRegions',
        message: `Specified signature ${HEX_HMAC} is not matched. server string to sign is:GET&%2F&AccessKeyId%3Dx`,
        retryable: false,
      }),
    );
    const logger = recordingLogger();
    formatGatewayError(apolloFormatted(upstream), upstream, { ...SAFE, logger });
    const logged = JSON.stringify(logger.entries);
    expect(logged).toContain('SignatureDoesNotMatch');
    expect(logged).not.toMatch(new RegExp(`${HEX_HMAC}|string to sign|AccessKeyId`, 'i'));
  });
});
