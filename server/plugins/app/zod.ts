import type { FastifyInstance, FastifyTypeProvider } from 'fastify';
import { z } from 'zod';
import { globalPlugin } from '../global.js';

/**
 * zod as fastify's schema language: route schemas are zod objects, validated (and coerced, defaulted) by zod, and
 * converted to JSON Schema with `z.toJSONSchema` for the OpenAPI document. Responses are serialised with plain
 * JSON.stringify: their zod schemas only document the shape.
 */

export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

function isZod(value: unknown): value is z.ZodType {
  return value instanceof z.ZodType;
}

export const zodValidation = globalPlugin(async (app: FastifyInstance) => {
  app.setValidatorCompiler(({ schema }) => {
    if (!isZod(schema)) throw new Error('Route schemas must be zod schemas');
    return (data: unknown) => {
      const result = schema.safeParse(data);
      return result.success ? { value: result.data } : { error: result.error };
    };
  });
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
}, 'zod-validation');

/** For @fastify/swagger's `transform`: every zod part of a route schema becomes JSON Schema. */
export function zodToOpenApi({ schema, url }: { schema: Record<string, unknown>; url: string }): { schema: Record<string, unknown>; url: string } {
  if (!schema) return { schema, url };
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'response' && value && typeof value === 'object') {
      converted.response = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([code, s]) => [code, isZod(s) ? toJsonSchema(s, 'output') : s]),
      );
    } else {
      converted[key] = isZod(value) ? toJsonSchema(value, 'input') : value;
    }
  }
  return { schema: converted, url };
}

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, target: 'openapi-3.0', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}
