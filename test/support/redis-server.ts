/**
 * A real `redis-server` for a test suite, on a free loopback port, nothing persisted, stopped (and
 * waited for) in afterAll. Never the machine's own Redis on 6379: suites must not share state.
 *
 *   const redis = useRedisServer();               // beforeAll starts, afterAll stops
 *   it('...', () => { const url = redis.url; });  // redis://127.0.0.1:<port>
 *   await redis.server.stop(); await redis.server.start();   // an outage, then the same port again
 *   useRedisServer({ password: 'pw' })             // requirepass; `url` carries it (redis://:pw@...)
 *
 * Needs the `redis-server` binary (preinstalled on the project's machines; `.ci/run` installs it
 * with apt-get where missing).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const READY_TIMEOUT_MS = 10_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `PING` over a raw socket answers `+PONG` (no client library needed here). */
async function pong(port: number, password: string | null): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let data = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write(password === null ? 'PING\r\n' : `AUTH ${password}\r\nPING\r\n`));
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      const replies = data.split('\r\n').filter((line) => line !== '');
      if (replies.length >= (password === null ? 1 : 2)) done(replies.at(-1) === '+PONG');
    });
  });
}

export class RedisServer {
  private child: ChildProcess | null = null;
  private stderr = '';

  private constructor(
    readonly port: number,
    /** Required by the server (`requirepass`) when set. */
    readonly password: string | null,
  ) {}

  /** Starts a server on a free port (a new one is picked if the first is taken meanwhile). */
  static async start(options: { password?: string } = {}): Promise<RedisServer> {
    let lastError: unknown;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const server = new RedisServer(await freePort(), options.password ?? null);
      try {
        await server.start();
        return server;
      } catch (error) {
        lastError = error;
        await server.stop();
      }
    }
    throw lastError;
  }

  get url(): string {
    return this.password === null ? `redis://127.0.0.1:${this.port}` : `redis://:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** (Re)starts on this server's port; the data of a previous run is gone (nothing persisted). */
  async start(): Promise<void> {
    if (this.child !== null) return;
    const child = spawn(
      'redis-server',
      [
        '--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--loglevel', 'warning',
        ...(this.password === null ? [] : ['--requirepass', this.password]),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.child = child;
    this.stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-2000);
    });
    const exited = new Promise<never>((_, reject) => {
      child.once('error', (error) => reject(new Error(`redis-server could not start: ${error.message}`)));
      child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code}: ${this.stderr}`)));
    });
    exited.catch(() => undefined);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const ready = await Promise.race([pong(this.port, this.password), exited]);
      if (ready) return;
      await sleep(50);
    }
    throw new Error(`redis-server on port ${this.port} did not answer within ${READY_TIMEOUT_MS} ms: ${this.stderr}`);
  }

  /** Stops the server and waits for the process to exit (connections of clients drop). */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const escalate = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(escalate);
  }
}

/** beforeAll/afterAll around a suite; `server` and `url` are valid inside tests. */
export function useRedisServer(options: { password?: string } = {}): { readonly server: RedisServer; readonly url: string } {
  let server: RedisServer | null = null;
  beforeAll(async () => {
    server = await RedisServer.start(options);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get server(): RedisServer {
      if (server === null) throw new Error('useRedisServer: only inside tests (after beforeAll)');
      return server;
    },
    get url(): string {
      if (server === null) throw new Error('useRedisServer: only inside tests (after beforeAll)');
      return server.url;
    },
  };
}
