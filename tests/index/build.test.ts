import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, readlink, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, type BuildResult } from '../../indexer/index/build.js';
import { loadIndex, IndexLoadError } from '../../indexer/index/load.js';
import { INDEX_FILES } from '../../indexer/index/schemas.js';
import { dropVectorLabel } from '../fixtures/damaged-vectors.js';

const repo = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(repo, 'node_modules/.bin/tsx');
const cli = path.join(repo, 'indexer/cli.ts');
const buildUntil = path.join(import.meta.dirname, 'fixtures/build-until.ts');

let work: string;
let first: BuildResult;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'index-test-'));
  first = await buildIndex({
    corpusDir: path.join(repo, 'corpus'),
    outDir: path.join(work, 'index'),
    cacheDir: path.join(work, 'cache'),
    embedder: 'offline',
  });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/**
 * Runs a build that freezes at `stopAt` (see fixtures/build-until.ts), SIGKILLs it there and waits until this
 * process has reaped it: no timing involved, the child is gone when this resolves.
 */
function killAt(
  stopAt: string,
  dirs: { corpusDir: string; outDir: string; cacheDir: string },
): Promise<{ stdout: string; stderr: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const payload = JSON.stringify({ ...dirs, stopAt });
    const child = spawn(process.execPath, ['--import', 'tsx', buildUntil, payload], { cwd: repo });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('stopped at')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (_code, signal) => resolve({ stdout, stderr, signal }));
  });
}

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [cli, '--quiet', ...args], { cwd: repo });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('index build', () => {
  it('indexes all five bundled regions with an offline embedder and records it', async () => {
    const { manifest } = first;
    expect(manifest.counts.documents).toBe(5);
    expect(manifest.counts.regions).toBe(5);
    expect(manifest.embedder.kind).toBe('offline');
    expect(manifest.embedder.reason).toMatch(/offline/);
    expect(manifest.failures).toEqual([]);
    for (const doc of manifest.documents) {
      expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(doc.passages).toBeGreaterThan(50);
      expect(doc.sections.length).toBeGreaterThan(10);
    }
    // The concept model and its vectors, and the corpus's words for cross-lingual questions, sit beside a neural
    // embedder only; an offline index has none of them.
    const neuralOnly: string[] = [INDEX_FILES.conceptEmbedder, INDEX_FILES.conceptVectors, INDEX_FILES.vocabulary];
    for (const name of Object.values(INDEX_FILES)) {
      if (neuralOnly.includes(name)) expect(manifest.files[name]).toBeUndefined();
      else expect(manifest.files[name] ?? name === INDEX_FILES.manifest).toBeTruthy();
    }
  });

  it('loads back with every passage labelled, vectors and keywords aligned', async () => {
    const index = await loadIndex(path.join(work, 'index'));
    expect(index.passages.length).toBe(first.manifest.counts.passages);
    expect(index.vectors.getCurrentCount()).toBe(index.passages.length);
    for (const p of index.passages) {
      expect(p.region).not.toBe('');
      expect(p.section.path).not.toBe('');
      expect(p.sector).toBeTruthy();
    }
    const layout = ['tyumen', 'khabarovsk', 'luhansk'];
    for (const p of index.passages.filter((x) => layout.includes(x.regionId))) expect(p.page).toBeGreaterThan(0);

    // The keyword index refers to passages by array position.
    const hit = index.keyword.search('телемедицинских')[0];
    expect(hit).toBeDefined();
    expect(index.passages[Number(hit!.ref)]!.text.toLowerCase()).toContain('телемедицин');

    // The query embedder lives in the index: a question lands on a passage of its topic.
    const query = await index.embedder.embedQuery('запись к врачу через интернет');
    const nearest = index.vectors.searchKnn(Array.from(query), 5).neighbors.map((l) => index.passages[l]!);
    expect(nearest.some((p) => p.sector === 'health')).toBe(true);
  });

  it('reuses every embedding and keeps passage ids on an unchanged rebuild', async () => {
    const before = await loadIndex(path.join(work, 'index'));
    const again = await buildIndex({
      corpusDir: path.join(repo, 'corpus'),
      outDir: path.join(work, 'index'),
      cacheDir: path.join(work, 'cache'),
      embedder: 'offline',
    });
    expect(again.manifest.counts.embeddingsReused).toBe(again.manifest.counts.passages);
    const after = await loadIndex(path.join(work, 'index'));
    expect(after.dir).not.toBe(before.dir);
    expect(after.passages.map((p) => p.id)).toEqual(before.passages.map((p) => p.id));
    expect(new Set(after.passages.map((p) => p.id)).size).toBe(after.passages.length);
  });

  it('refuses a corrupt index with a message that says what to do', async () => {
    const copy = path.join(work, 'corrupt');
    await cp(await loadIndex(path.join(work, 'index')).then((i) => i.dir), copy, { recursive: true });
    const file = path.join(copy, INDEX_FILES.passages);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('цифров', 'ЦИФРОВ'));
    await expect(loadIndex(copy)).rejects.toThrow(IndexLoadError);
    await expect(loadIndex(copy)).rejects.toThrow(/checksum.*npm run index/);
    await expect(loadIndex(path.join(work, 'nowhere'))).rejects.toThrow(/No index at .*npm run index/);
  });

  it('refuses vectors with a label missing even when their checksum matches', async () => {
    const copy = path.join(work, 'label-missing');
    await cp(await loadIndex(path.join(work, 'index')).then((i) => i.dir), copy, { recursive: true });
    await dropVectorLabel(copy, 7);
    await expect(loadIndex(copy)).rejects.toThrow(IndexLoadError);
    await expect(loadIndex(copy)).rejects.toThrow(/corrupt: vectors\.hnsw lacks label 7\..*npm run index/);
  });
});

describe('index CLI', () => {
  it('a build killed at any stage leaves the previous index serving and never blocks the next build (10 kills in a row)', async () => {
    // One document keeps ten builds affordable; the stages are the same as with five.
    const corpus = path.join(work, 'kill-corpus');
    await mkdir(corpus, { recursive: true });
    await cp(path.join(repo, 'corpus/luhansk.txt'), path.join(corpus, 'luhansk.txt'));
    const out = path.join(work, 'kill-index');
    const cache = path.join(work, 'kill-cache');
    const previous = await buildIndex({ corpusDir: corpus, outDir: out, cacheDir: cache, embedder: 'offline' });
    const target = await readlink(out);
    const builds = `${out}.builds`;
    const stages = ['read', 'embed', `write:${INDEX_FILES.vectors}`, `write:${INDEX_FILES.manifest}`, `write:${INDEX_FILES.keyword}`];
    for (let i = 0; i < 10; i++) {
      // Each build starts the moment the previous one has been killed and takes the lock without waiting, so a
      // dead build judged alive would fail it at once.
      const stopAt = stages[i % stages.length]!;
      const killed = await killAt(stopAt, { corpusDir: corpus, outDir: out, cacheDir: i === 1 ? path.join(work, 'kill-cold-cache') : cache });
      expect(killed.stdout, killed.stderr).toBe(`stopped at ${stopAt}\n`);
      expect(killed.signal).toBe('SIGKILL');
      expect(await readlink(out)).toBe(target);
      const index = await loadIndex(out);
      expect(index.passages.length).toBe(previous.manifest.counts.passages);
    }
    // Killed writes left build folders without a manifest behind.
    expect((await readdir(builds)).length).toBeGreaterThan(2);

    const next = await runCli(['--embedder', 'offline', '--corpus', corpus, '--out', out, '--cache', cache]);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toMatch(/фрагментов: \d+/);
    // Pruning removed the leftovers and kept the previous complete build next to the new one.
    const left = await readdir(builds);
    expect(left).toContain(path.basename(target));
    expect(left).toHaveLength(2);
    for (const name of left) expect(await readFile(path.join(builds, name, INDEX_FILES.manifest), 'utf8')).toMatch(/formatVersion/);
  }, 600_000);

  it('rejects bad flags with exit code 2 and names the flag', async () => {
    const bad = await runCli(['--embedder', 'magic']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--embedder must be auto, offline or transformers/);
    const unknown = await runCli(['--colour', 'red']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/colour/);
    const workers = await runCli(['--workers=-1']);
    expect(workers.code).toBe(2);
    expect(workers.stderr).toMatch(/--workers must be 0 or more/);
    const notNumber = await runCli(['--workers', 'many']);
    expect(notNumber.code).toBe(2);
    expect(notNumber.stderr).toMatch(/--workers must be a number/);
  });

  it('exits 3 and keeps nothing when no document can be indexed', async () => {
    const empty = path.join(work, 'empty-corpus');
    await mkdir(empty, { recursive: true });
    await writeFile(path.join(empty, 'blank.txt'), '');
    const res = await runCli(['--embedder', 'offline', '--corpus', empty, '--out', path.join(work, 'empty-index'), '--cache', path.join(work, 'cache')]);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/Nothing to index.*blank\.txt/);
    await expect(loadIndex(path.join(work, 'empty-index'))).rejects.toThrow(/No index/);
  });

  it('indexes the good documents, names the failing one and exits 1', async () => {
    const mixed = path.join(work, 'mixed-corpus');
    await mkdir(mixed, { recursive: true });
    await cp(path.join(repo, 'corpus/luhansk.txt'), path.join(mixed, 'luhansk.txt'));
    await writeFile(path.join(mixed, 'broken.pdf'), '%PDF-1.4 this is not really a pdf');
    const res = await runCli(['--embedder', 'offline', '--corpus', mixed, '--out', path.join(work, 'mixed-index'), '--cache', path.join(work, 'cache')]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/broken\.pdf: /);
    const index = await loadIndex(path.join(work, 'mixed-index'));
    expect(new Set(index.passages.map((p) => p.regionId))).toEqual(new Set(['luhansk']));
    expect(index.manifest.failures.map((f) => f.file)).toEqual(['broken.pdf']);
  });
});
