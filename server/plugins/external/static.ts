import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The web UI at `/`: the bundle (`web/dist`) and the hand-written files (`web/public`). @fastify/static resolves
 * paths inside these roots only (no traversal) and serves no dotfiles. Missing folders are skipped, so the API
 * runs without a built UI.
 */
export async function staticPlugin(app: FastifyInstance, options: { roots: string[] }): Promise<void> {
  const roots = options.roots.map((r) => path.resolve(r)).filter((r) => existsSync(r));
  if (roots.length === 0) {
    app.log.warn({ roots: options.roots }, 'no web UI folders found; serving the API only (build the UI with npm run build:web)');
    return;
  }
  await app.register(fastifyStatic, { root: roots, prefix: '/', index: ['index.html'], dotfiles: 'deny', wildcard: true });
}
