import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './error-handler.js';
import { RAW_ERROR_HEADERS } from './raw-headers.js';

/**
 * Requests Node rejects before fastify sees them (headers too large, malformed HTTP, a client too slow to send
 * its request) get the same `{ error, message, field }` body and security headers as everything else, then the
 * connection closes. A request whose headers arrived but whose body stalls is timed out here too (408): Node
 * reports it as ERR_HTTP_REQUEST_TIMEOUT while a response object exists but has sent nothing yet.
 */
export function clientErrorHandler(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message, field] = describe(err.code);
  this.log.debug({ code: err.code, status }, 'client error'); // no request data: it never parsed
  // A response already under way cannot be replaced by another one on the same connection.
  const inFlight = (socket as Socket & { _httpMessage?: http.ServerResponse })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    const body = JSON.stringify(errorBody(status, message, field));
    const headers = Object.entries({ ...RAW_ERROR_HEADERS, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n${headers}\r\n${body}`);
  }
  socket.destroy();
}

function describe(code: string | undefined): [number, string, string | undefined] {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'The request took too long to arrive; send it again in one go.', undefined];
    case 'HPE_HEADER_OVERFLOW':
      return [431, 'The URL or headers are too large; shorten the query (q is limited to 1000 characters).', 'query'];
    default:
      return [400, 'The request is not valid HTTP.', undefined];
  }
}
