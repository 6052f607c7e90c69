import Fastify, { type FastifyError } from 'fastify';
import { handleError } from '../../../../src/server/plugins/error-handler';

describe('handleError', () => {
  it('scrubs an unknown 4xx message before echoing it, as the 5xx log line is', async () => {
    const app = Fastify();
    app.setErrorHandler((error: FastifyError, request, reply) => handleError(error, request, reply, 1024));
    app.get('/', async () => {
      throw Object.assign(new Error('rejected Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl with signature=0123456789abcdef0123456789abcdef01234567'), {
        statusCode: 400,
        code: 'FST_ERR_SOMETHING_NEW',
      });
    });
    const res = await app.inject('/');
    expect(res.statusCode).toBe(400);
    const [error] = res.json<{ errors: { message: string; extensions: { code: string } }[] }>().errors;
    expect(error).toEqual({
      message: 'rejected Bearer [REDACTED] with signature=[REDACTED]',
      extensions: { code: 'BAD_REQUEST', retryable: false },
    });
    await app.close();
  });
});
