import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers, bottom up: indexer (corpus → index) → retrieval (the ranking core, HTTP-free) → server and web.
 * A layer imports only the layers below it; `npm run lint` also fails on circular imports
 * (scripts/check-import-cycles.mjs).
 */
const importsFrom = (layers) => `^(\\.\\./)+(${layers.join('|')})/`;
const layer = (files, forbidden, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: forbidden.map((regex) => ({ regex, message })) }] },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'web/dist/', 'models/', 'test-artifacts/', 'bench/tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  layer(['indexer/**/*.ts'], [importsFrom(['retrieval', 'server', 'web'])], 'indexer/ is the bottom layer: it imports neither retrieval/, server/ nor web/.'),
  layer(['retrieval/**/*.ts'], [importsFrom(['server', 'web']), '^(fastify|@fastify/)'], 'retrieval/ is HTTP-free: it imports indexer/ only, never server/, web/ or fastify.'),
  layer(
    ['server/**/*.ts'],
    [importsFrom(['web'])],
    'server/ does not import the web UI (it serves web/dist as static files).',
  ),
  layer(
    ['web/src/**/*.ts'],
    [importsFrom(['retrieval']), '^(\\.\\./)+server/(?!schemas/)'],
    'web/src runs in the browser: of the layers below it, it imports only the API schemas (server/schemas/) and shared constants of indexer/.',
  ),
);
