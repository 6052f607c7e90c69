/**
 * Errors no route answered itself (Fastify's own 4xx: body limit, bad JSON, media type; any 5xx)
 * in the GraphQL error shape.
 * Invariants: a 5xx is `Internal server error.` with the request id as correlationId, its details
 * logged scrubbed; an unknown 4xx message is scrubbed before it is echoed (it may quote the request).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { redactSecrets } from '../../shared/redact';
import { sendGraphQLErrors } from '../graphql-response';
import { PROTOTYPE_KEY_CODE } from './json-body';

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
    // Fastify's own answer echoes the path.
    FST_ERR_BAD_URL: { code: 'BAD_REQUEST', message: 'The request URL is malformed (invalid percent-encoding).' },
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

async function errorHandler(app: FastifyInstance, { bodyLimit }: { bodyLimit: number }): Promise<void> {
  app.setErrorHandler((error: FastifyError, request, reply) => handleError(error, request, reply, bodyLimit));
}

/** Routes take the error handler in force when they are added: register this before any route. */
export const errorHandlerPlugin = fp(errorHandler, { name: 'gateway-error-handler', fastify: '5.x' });
