import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';
import type { ServerConfig } from './config.js';

/**
 * What the server logs: JSON lines (pino) with method, path (never the query string), status, response time and
 * a request id. Query text, request bodies (questions), headers (tokens, cookies, user agents) and client
 * addresses are personal or secret and never logged.
 */

interface RawRequest {
  id: string;
  method: string;
  url: string;
  routeOptions?: { url?: string };
}

/** `/api/search?q=...` → `/api/search`: the query string holds what the user typed. */
export function pathOnly(url: string): string {
  return url.split('?')[0]!.slice(0, 200);
}

export function loggerOptions(config: Pick<ServerConfig, 'logLevel'>, stream?: DestinationStream): FastifyServerOptions['logger'] {
  const options: LoggerOptions = {
    level: config.logLevel,
    serializers: {
      req: (req: RawRequest) => ({ id: req.id, method: req.method, path: pathOnly(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
  return stream ? { ...options, stream } : options;
}
