import {
  createServer as createHttpServer,
  type RequestListener,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Socket } from 'node:net';
import type { SandboxCertificate } from './tls';

/** The first byte of a TLS ClientHello record. */
const TLS_HANDSHAKE = 0x16;

export interface DualProtocolListener {
  port: number;
  address: string;
  close(): Promise<void>;
}

/**
 * Serves one request handler over HTTP and HTTPS on the same port, choosing by the first byte
 * of each connection. kubectl needs HTTPS to send its token; plain HTTP keeps curl and
 * app-config simple.
 */
export async function listenDualProtocol(
  handler: RequestListener,
  certificate: SandboxCertificate,
  options: { port: number; host: string },
): Promise<DualProtocolListener> {
  const http = createHttpServer(handler);
  const https = createHttpsServer(
    { key: certificate.keyPem, cert: certificate.certPem },
    handler,
  );
  const sockets = new Set<Socket>();
  const server = createNetServer(socket => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.once('data', first => {
      socket.pause();
      socket.unshift(first);
      (first[0] === TLS_HANDSHAKE ? https : http).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const info = server.address();
  if (!info || typeof info === 'string')
    throw new Error('listener has no TCP address');
  return {
    port: info.port,
    address: info.family === 'IPv6' ? `[${info.address}]` : info.address,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>(resolve => server.close(() => resolve()));
    },
  };
}
