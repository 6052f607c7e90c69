/**
 * The suite-owned Redis of test/support/redis-server.ts: a real server on a free port that a test
 * can stop (an outage) and start again on the same port.
 */
import { connect } from 'node:net';
import { RedisServer } from '../../support/redis-server';

function ping(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      socket.destroy();
      resolve(chunk.toString('latin1').trim());
    });
  });
}

describe('the suite-owned redis-server', () => {
  let server: RedisServer;

  beforeAll(async () => {
    server = await RedisServer.start();
  });

  afterAll(async () => {
    await server.stop();
  });

  it('answers on its own loopback port, not 6379', async () => {
    expect(server.port).not.toBe(6379);
    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    await expect(ping(server.port)).resolves.toBe('+PONG');
  });

  it('can be stopped (connections refused) and started again on the same port', async () => {
    await server.stop();
    expect(server.running).toBe(false);
    await expect(ping(server.port)).resolves.toBe('ECONNREFUSED');
    await server.start();
    await expect(ping(server.port)).resolves.toBe('+PONG');
  });
});
