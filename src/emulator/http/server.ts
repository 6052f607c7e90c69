/**
 * The HTTP front of the emulator: one `node:http` server, keep-alive, no per-request logging.
 * API requests go to api-handler.ts, `/_emulator/*` to control/endpoints.ts (never counted).
 * Invariant: `stop()` closes the listener, every open socket and every pending fault delay.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { handleControl, isControlPath, type ControlDeps } from '../control/endpoints';
import { isLoopbackHost } from '../../shared/host-names';
import { ApiHandler, type ApiDeps } from './api-handler';
import { Delays, FaultActs } from './fault-acts';
import { splitUrl } from './request';
import { dropConnection, newRequestId } from './respond';

export interface ServerDeps extends ControlDeps, ApiDeps {}

export interface ListeningServer {
  host: string;
  port: number;
  url: string;
  server: Server;
  stop(): Promise<void>;
}

function formatUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export function listen(deps: ServerDeps, host: string, port: number): Promise<ListeningServer> {
  const delays = new Delays();
  const api = new ApiHandler(deps, new FaultActs(delays));
  const loopbackOnly = isLoopbackHost(host);
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const { path, rawQuery } = splitUrl(req.url ?? '/');
    const work = isControlPath(path)
      ? handleControl(req, res, path, deps, newRequestId(), loopbackOnly)
      : api.handle(req, res, path, rawQuery);
    // Handlers answer every error themselves; this only guards against a bug leaving a socket open.
    work.catch(() => dropConnection(res));
  };
  const server: Server = createServer({ keepAlive: true, requestTimeout: 30_000 }, onRequest);
  server.keepAliveTimeout = 30_000;
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      let stopping: Promise<void> | undefined;
      resolve({
        host,
        server,
        port: address.port,
        url: formatUrl(host, address.port),
        stop: () => {
          stopping ??= new Promise<void>((done) => {
            delays.cancelAll();
            server.close(() => done());
            server.closeAllConnections();
            for (const socket of sockets) socket.destroy();
          });
          return stopping;
        },
      });
    });
  });
}
