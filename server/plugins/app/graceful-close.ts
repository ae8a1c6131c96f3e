import type { FastifyInstance } from 'fastify';
import { globalPlugin } from '../global.js';

/**
 * Closing the server answers the requests clients have already sent. Node's `server.close()` drops idle keep-alive
 * connections at once, and a connection whose next request is still unread in the socket buffer counts as idle:
 * that request would get ECONNRESET. So idle connections are closed only after a grace period, during which any
 * request already on its way is read and answered (fastify adds `Connection: close` while closing, so each such
 * connection ends after its answer); then Node's own `closeIdleConnections` drops what is still idle.
 */

export interface GracefulCloseOptions {
  /** How long idle keep-alive connections stay open after close begins, to read requests already sent. Default 250 ms. */
  idleGraceMs?: number;
}

export const gracefulClosePlugin = globalPlugin(async (app: FastifyInstance, options: GracefulCloseOptions) => {
  const server = app.server;
  const closeIdleNow = server.closeIdleConnections.bind(server);
  const grace = options.idleGraceMs ?? 250;
  // http.Server.close() calls this first thing (Node ≥ 19); the instance property shadows the prototype's.
  server.closeIdleConnections = () => {
    setTimeout(closeIdleNow, grace).unref();
  };
}, 'graceful-close');
