import http from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { RetrievalInputError } from '../../../retrieval/errors.js';
import { HttpError } from '../../errors.js';
import { globalPlugin } from '../global.js';
import { RouteMethods } from './route-methods.js';

/**
 * One error format for every failure: `{ error, message, field }`. Validation errors name the field; parser errors
 * (malformed JSON, wrong content type, oversized body) blame `body`; anything unexpected is logged with its stack
 * and answered with a generic 500 message — stacks and internals never reach the client.
 */


export interface ErrorBody {
  error: string;
  message: string;
  field?: string;
}

export function errorBody(statusCode: number, message: string, field?: string): ErrorBody {
  return { error: http.STATUS_CODES[statusCode] ?? 'Error', message, ...(field ? { field } : {}) };
}

type ValidationContext = 'body' | 'querystring' | 'params' | 'headers';

function describeZodError(error: z.ZodError, context: ValidationContext | undefined): { field: string; message: string } {
  const issue = error.issues[0];
  const part = context ?? 'body';
  if (!issue) return { field: part, message: `${part}: invalid` };
  if (issue.code === 'unrecognized_keys') {
    // Name the key the client sent (bounded: keys come from the request).
    const key = String(issue.keys[0] ?? part).slice(0, 100);
    return { field: key, message: `${key}: ${issue.message}` };
  }
  // The top-level parameter is the field (`region`, not `region.3`): that is what the client can fix.
  const field = issue.path.length > 0 ? String(issue.path[0]) : part;
  // A body that is not an object at all ("[]", "\"x\"") has an empty path.
  return { field, message: `${field}: ${issue.message}` };
}

export const errorHandler = globalPlugin(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError & { validationContext?: ValidationContext }, request, reply) => {
    if (err instanceof z.ZodError) {
      const { field, message } = describeZodError(err, err.validationContext);
      return reply.code(400).send(errorBody(400, message, field));
    }
    if (err instanceof HttpError) return reply.code(err.statusCode).send(errorBody(err.statusCode, err.message, err.field));
    if (err instanceof RetrievalInputError) {
      const where =
        err.reason === 'unknown-region' ? ' GET /api/regions lists them.' : err.reason === 'unknown-document' ? " GET /api/regions lists each region's documents." : '';
      return reply.code(400).send(errorBody(400, `${err.message}${where}`, err.field));
    }

    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err }, 'request failed');
      return reply.code(500).send(errorBody(500, 'The server failed to answer this request. It has been logged; try again or report it.'));
    }
    if (err.code?.startsWith('FST_ERR_CTP_') || status === 413 || status === 415) {
      const why = err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415
        ? 'send the body as application/json'
        : status === 413
          ? 'the body is too large'
          : `the body is not valid JSON (${err.message.replace(/\s+/g, ' ').slice(0, 120)})`;
      return reply.code(status).send(errorBody(status, `body: ${why}`, 'body'));
    }
    if (err.validation) {
      const field = err.validationContext ?? 'request';
      return reply.code(400).send(errorBody(400, `${field}: ${err.message}`, field));
    }
    return reply.code(status).send(errorBody(status, err.message));
  });

  // Routes registered after this plugin (all of them) are recorded, so a wrong method is told apart from a wrong path.
  const routes = new RouteMethods();
  app.addHook('onRoute', (route) => routes.add(route.method, route.url));

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!.slice(0, 200);
    const allowed = routes.allowed(path);
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      const use = allowed.filter((m) => m !== 'HEAD').join(' or ') || allowed.join(' or ');
      return reply
        .code(405)
        .header('allow', allowed.join(', '))
        .send(errorBody(405, `method: ${request.method} is not allowed on ${path}; use ${use}. See /docs for the API.`, 'method'));
    }
    return reply.code(404).send(errorBody(404, `Nothing at ${request.method} ${path}. See /docs for the API.`));
  });
}, 'error-handler');
