import type { FastifyPluginAsync, FastifyPluginCallback } from 'fastify';

/**
 * Marks a plugin as non-encapsulated (what `fastify-plugin` does, via the `skip-override` symbol fastify documents),
 * so its decorators, hooks and error handler apply to the whole app.
 */
export function globalPlugin<T extends FastifyPluginAsync<never> | FastifyPluginCallback<never>>(plugin: T, name: string): T {
  Object.assign(plugin, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: name });
  return plugin;
}
