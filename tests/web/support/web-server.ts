/**
 * Starts the real server for browser tests: builds a real index (offline embedder) from the bundled corpus plus the
 * markup fixture (tests/fixtures/web), builds the web bundle from the current sources, and listens on a free port.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildIndex } from '../../../indexer/index/build.js';
import { loadIndex } from '../../../indexer/index/load.js';
import { buildApp } from '../../../server/app.js';
import { buildWeb, WEB_DIST, WEB_PUBLIC } from '../../../web/build.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURE_DIR = path.join(root, 'tests/fixtures/web');
/** The fixture region (made up): its text holds HTML/script markup. */
export const FIXTURE_REGION = 'Испытательная область';

export interface WebServer {
  baseUrl: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * @param options.withMarkupFixture add the fixture region (default true); false serves exactly the bundled corpus
 *   (for the README screenshot).
 * @param options.addDocuments writes more documents into the corpus copy before the build.
 */
export async function startWebServer(
  options: { withMarkupFixture?: boolean; addDocuments?: (corpusDir: string) => Promise<void> } = {},
): Promise<WebServer> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'regstrat-web-e2e-'));
  const corpusDir = path.join(tmp, 'corpus');
  await cp(path.join(root, 'corpus'), corpusDir, { recursive: true });
  await options.addDocuments?.(corpusDir);
  if (options.withMarkupFixture ?? true) {
    await cp(path.join(FIXTURE_DIR, 'markup-test.txt'), path.join(corpusDir, 'markup-test.txt'));
    const manifest = JSON.parse(await readFile(path.join(corpusDir, 'manifest.json'), 'utf8')) as { documents: unknown[] };
    manifest.documents.push(JSON.parse(await readFile(path.join(FIXTURE_DIR, 'manifest-entry.json'), 'utf8')));
    await writeFile(path.join(corpusDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  }

  const [built] = await Promise.all([
    buildIndex({ corpusDir, outDir: path.join(tmp, 'index'), cacheDir: path.join(tmp, 'cache'), embedder: 'offline' }),
    buildWeb(),
  ]);
  if (built.failures.length > 0) {
    throw new Error(`index build failed for ${built.failures.map((f) => `${f.file}: ${f.reason}`).join('; ')}`);
  }
  const index = await loadIndex(built.indexDir);
  const app = await buildApp({
    index,
    // Browser tests send many requests from one client: lift the rate limit, keep logs quiet.
    config: { webDirs: [WEB_DIST, WEB_PUBLIC], rateLimitMax: 100_000, logLevel: 'warn' },
    logger: false,
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    baseUrl: address,
    app,
    close: async () => {
      await app.close();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}
