import { spawn } from 'node:child_process';
import { cp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuildDir, publishBuild } from '../../indexer/index/atomic-dir.js';
import { dropVectorLabel } from '../fixtures/damaged-vectors.js';
import { ADMIN_TOKEN, type SearchResponse } from '../server/helpers.js';
import { buildTestIndex, CORPUS_DIR, listen, LogCapture, ROOT, SHARED_CACHE_DIR, type RunningApp, type TestIndex } from './helpers.js';

/**
 * Index hot-swap on a running server: `npm run index` publishes a new build and the server switches to it by
 * itself (file watch), or on POST /api/admin/reload, without failing a single request in flight. A corrupt or
 * incompatible build published the same way is refused with a logged reason and the old index keeps serving.
 */

let built: TestIndex;
let server: RunningApp;
const logs = new LogCapture();
let passageIds: string[] = [];

interface Health {
  index: { builtAt: string; passages: number };
}
const health = async (): Promise<Health> => (await (await fetch(`${server.baseUrl}/health`)).json()) as Health;

beforeAll(async () => {
  built = await buildTestIndex('hot-swap');
  server = await listen(built.index, { indexDir: built.indexDir, adminToken: ADMIN_TOKEN, watchIndex: true, watchDebounceMs: 200, logLevel: 'info' }, logs);
  const found = (await (await fetch(`${server.baseUrl}/api/search?q=${encodeURIComponent('образование школы')}&k=20`)).json()) as SearchResponse;
  passageIds = found.results.map((r) => r.id);
});

afterAll(async () => {
  await server?.app.close();
  await built?.cleanup();
});

/**
 * `clients` loops, each sending search / ask / similar back to back until stopped; records every outcome.
 * Similar uses ids from the first index: passage ids are stable across rebuilds of the same corpus.
 */
function traffic(clients: number) {
  const outcomes: { status: number | string; what: string }[] = [];
  let running = true;
  const queries = ['телемедицина', 'цифровые компетенции учителей', 'общественный транспорт', 'госуслуги в электронном виде', 'умный город'];
  const one = async (i: number) => {
    const q = encodeURIComponent(queries[i % queries.length]!);
    switch (i % 4) {
      case 0:
        return fetch(`${server.baseUrl}/api/search?q=${q}&k=20&groupBy=region`);
      case 1:
        return fetch(`${server.baseUrl}/api/search?q=${q}&mode=semantic&k=20`);
      case 2:
        return fetch(`${server.baseUrl}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: decodeURIComponent(q) }) });
      default:
        return fetch(`${server.baseUrl}/api/passages/${encodeURIComponent(passageIds[i % passageIds.length]!)}/similar?k=10`);
    }
  };
  const loops = Array.from({ length: clients }, async (_, c) => {
    for (let i = c; running; i += clients) {
      const what = ['search-grouped', 'search-semantic', 'ask', 'similar'][i % 4]!;
      try {
        const res = await one(i);
        const body = await res.text();
        // A complete answer: parseable JSON of the expected shape.
        const parsed = JSON.parse(body) as Record<string, unknown>;
        const complete = 'results' in parsed || 'answer' in parsed;
        outcomes.push({ status: complete ? res.status : `${res.status} incomplete`, what });
      } catch (err) {
        outcomes.push({ status: (err as Error).message, what });
      }
    }
  });
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

function runIndexer(): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'indexer/cli.ts', '--corpus', CORPUS_DIR, '--out', built.indexDir, '--cache', SHARED_CACHE_DIR, '--embedder', 'offline', '--quiet'],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr.resume();
    child.once('exit', resolve);
  });
}

const reloadedBy = (trigger: string, dir?: string) => (l: Record<string, unknown>) =>
  typeof l.msg === 'string' && l.msg.startsWith('index reloaded') && l.trigger === trigger && (dir === undefined || l.dir === dir);
const refusedBy = (trigger: string, after: number) => (l: Record<string, unknown>) =>
  typeof l.msg === 'string' && l.msg.startsWith('index refused') && l.trigger === trigger && (l.time as number) > after;

describe('hot swap', () => {
  it('switches to the index npm run index publishes, by itself, while every request in flight succeeds', async () => {
    const before = await health();
    const load = traffic(4);
    expect(await runIndexer()).toBe(0);
    const newDir = await realpath(built.indexDir);
    await logs.waitFor(reloadedBy('watch', newDir));
    // Keep the traffic going a little on the new index too.
    const seen = load.outcomes.length;
    while (load.outcomes.length < seen + 20) await new Promise((r) => setTimeout(r, 20));
    const outcomes = await load.stop();

    const failed = outcomes.filter((o) => o.status !== 200);
    expect(failed, JSON.stringify(failed.slice(0, 5))).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(20);
    const manifest = JSON.parse(await readFile(path.join(built.indexDir, 'manifest.json'), 'utf8')) as { builtAt: string };
    const after = await health();
    expect(after.index.builtAt).toBe(manifest.builtAt);
    expect(after.index.builtAt).not.toBe(before.index.builtAt);
    expect(after.index.passages).toBe(before.index.passages);
  });

  it('reloads on POST /api/admin/reload under load without failing a request', async () => {
    const load = traffic(4);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${server.baseUrl}/api/admin/reload`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { reloaded: boolean }).reloaded).toBe(true);
    }
    const outcomes = await load.stop();
    expect(outcomes.filter((o) => o.status !== 200)).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(4);
  });
});

describe('refusing a bad index published through the link', () => {
  /** Copies the build being served into a new build folder, damages it, and publishes it like the indexer does. */
  async function publishDamaged(damage: (dir: string) => Promise<void>): Promise<string> {
    const serving = server.app.indexHolder.current.loaded.dir;
    const dir = await createBuildDir(built.indexDir);
    await cp(serving, dir, { recursive: true });
    await damage(dir);
    await publishBuild(built.indexDir, dir, 10);
    return dir;
  }
  const editManifest = (edit: (m: Record<string, unknown>) => void) => async (dir: string) => {
    const file = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    edit(manifest);
    await writeFile(file, JSON.stringify(manifest));
  };

  it.each([
    {
      what: 'a file that fails its checksum',
      damage: async (dir: string) => {
        const file = path.join(dir, 'passages.json');
        const text = await readFile(file, 'utf8');
        await writeFile(file, text.replace('цифров', 'ЦИФРОВ'));
      },
      reason: /passages\.json does not match its checksum/,
    },
    { what: 'another format version', damage: editManifest((m) => (m.formatVersion = 99)), reason: /format version 99, this server reads 1/ },
    {
      what: 'vectors of the wrong dimension for its embedder',
      damage: editManifest((m) => ((m.embedder as { dimension: number }).dimension = 7)),
      reason: /7-dimensional vectors/,
    },
    { what: 'a missing file', damage: (dir: string) => rm(path.join(dir, 'keyword.json')), reason: /keyword\.json is missing/ },
    {
      what: 'vectors with a label missing whose checksum matches',
      damage: (dir: string) => dropVectorLabel(dir, 3),
      reason: /vectors\.hnsw lacks label 3/,
    },
  ])('refuses $what, logs why, and keeps serving the old index', async ({ damage, reason }) => {
    const before = await health();
    const servingDir = server.app.indexHolder.current.loaded.dir;
    const started = Date.now();
    const load = traffic(4);
    await publishDamaged(damage);

    const refused = await logs.waitFor(refusedBy('watch', started));
    expect(refused.level).toBe(50); // error
    expect(refused.msg).toMatch(reason);
    expect(refused.msg).toContain(`Still serving the index built at ${before.index.builtAt}`);
    expect(refused.msg).toContain('npm run index');

    // The admin endpoint refuses it the same way, with the reason in the response.
    const admin = await fetch(`${server.baseUrl}/api/admin/reload`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(admin.status).toBe(409);
    expect(((await admin.json()) as { message: string }).message).toMatch(reason);

    const outcomes = await load.stop();
    expect(outcomes.filter((o) => o.status !== 200)).toEqual([]);
    expect((await health()).index.builtAt).toBe(before.index.builtAt);
    expect(server.app.indexHolder.current.loaded.dir).toBe(servingDir);
    const search = await fetch(`${server.baseUrl}/api/search?q=${encodeURIComponent('телемедицина')}`);
    expect(search.status).toBe(200);

    // Put the good build back behind the link (what re-running npm run index would do).
    await publishBuild(built.indexDir, servingDir, 10);
  });
});
