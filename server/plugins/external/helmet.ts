import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { globalPlugin } from '../global.js';

/**
 * Security headers. The CSP allows only the server's own scripts, styles, images and API: the web UI ships no
 * inline scripts or styles and loads nothing from other origins. (/docs relaxes it for swagger-ui only.)
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Served over plain HTTP on loopback by default; upgrading would break that.
  upgradeInsecureRequests: null,
};

export const helmetPlugin = globalPlugin(async (app: FastifyInstance) => {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    crossOriginEmbedderPolicy: false,
    // Never framed (clickjacking): the CSP's frame-ancestors plus the header older browsers read.
    frameguard: { action: 'deny' },
    // Queries are in URLs: do not leak them to other sites through the Referer header.
    referrerPolicy: { policy: 'no-referrer' },
  });
}, 'helmet');
