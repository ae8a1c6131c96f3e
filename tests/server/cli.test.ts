import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../indexer/index/build.js';
import { EXTRA_DOCUMENT, FIXTURES, listeningAddress, prepareCorpus, ROOT, type SearchResponse } from './helpers.js';

/** The command-line entry points as users run them: `npm run search` and `npm start`. */

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
let workDir: string;
let indexDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'server-cli-test-'));
  const corpusDir = await prepareCorpus(workDir);
  indexDir = path.join(workDir, 'index');
  await buildIndex({ corpusDir, outDir: indexDir, cacheDir: path.join(workDir, 'cache'), embedder: 'offline' });
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function searchCli(...args: string[]) {
  return spawnSync(TSX, [path.join(ROOT, 'server/search-cli.ts'), ...args, '--index-dir', indexDir], { cwd: ROOT, encoding: 'utf8' });
}

describe('npm run search', () => {
  it('prints the API response with --json', () => {
    const run = searchCli('телемедицина в Тверской области', '--json', '--k', '3');
    expect(run.status).toBe(0);
    const body = JSON.parse(run.stdout) as SearchResponse;
    expect(body.results).toHaveLength(3);
    expect(body.results.every((r) => r.regionId === 'tver')).toBe(true);
    expect(body.appliedFilters.regions[0]).toMatchObject({ regionId: 'tver', source: 'query' });
    expect(body.embedder.kind).toBe('offline');
  });

  it('prints only JSON on stdout when npm runs it with --json given to npm, and says why when npm printed its banner', () => {
    const npm = (...args: string[]) =>
      spawnSync('npm', ['run', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, INDEX_DIR: indexDir } });
    // `npm run search --json -- …`: npm's JSON mode moves its banner to stderr; the script honours the flag.
    const clean = npm('search', '--json', '--', 'дирижабли', '--k', '1');
    expect(clean.status).toBe(0);
    expect((JSON.parse(clean.stdout) as SearchResponse).results[0]!.regionId).toBe('pskov');
    // `npm run search -- … --json`: npm has printed its banner on stdout already; stderr says what to run instead.
    const banner = npm('search', '--', 'дирижабли', '--k', '1', '--json');
    expect(banner.status).toBe(0);
    expect(banner.stdout).toMatch(/^\s*> regstrat-search/);
    expect(banner.stderr).toContain('npm run search --json --');
  });

  it('takes --region as an id or a name in any case, and --document', () => {
    for (const region of ['pskov', 'Псковской области', 'в Пскове']) {
      const run = searchCli('дирижабли', '--region', region, '--json', '--k', '2');
      expect(run.status, run.stderr).toBe(0);
      expect((JSON.parse(run.stdout) as SearchResponse).appliedFilters.regions).toEqual([expect.objectContaining({ regionId: 'pskov' })]);
    }
    const byDocument = searchCli('цифровые сервисы', '--document', 'tver.txt', '--json', '--k', '3');
    expect(byDocument.status, byDocument.stderr).toBe(0);
    expect((JSON.parse(byDocument.stdout) as SearchResponse).results.every((r) => r.document.id === 'tver')).toBe(true);
  });

  it('prints readable results with citations, grouped with the regions that have nothing', () => {
    const run = searchCli('дирижабли', '--group', '--k', '1');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Псковская область');
    expect(run.stdout).toContain('Дирижабли санитарной авиации');
    expect(run.stdout).toContain('«Стратегия в области цифровой трансформации');
    expect(run.stdout).toContain('Тверская область — nothing relevant found');
  });

  it('exits 2 naming the bad option, 1 when there is no index', () => {
    const empty = searchCli('');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('query: must not be empty');
    const k = searchCli('школы', '--k', '0');
    expect(k.status).toBe(2);
    expect(k.stderr).toContain('--k');
    const region = searchCli('школы', '--region', 'atlantis');
    expect(region.status).toBe(2);
    expect(region.stderr).toContain('unknown region "atlantis"');
    const noIndex = spawnSync(TSX, [path.join(ROOT, 'server/search-cli.ts'), 'школы', '--index-dir', path.join(workDir, 'nothing')], { cwd: ROOT, encoding: 'utf8' });
    expect(noIndex.status).toBe(1);
    expect(noIndex.stderr).toContain('npm run index');
  });
});

describe('npm start', () => {
  it('builds the index when there is none, serves, and shuts down on SIGTERM', async () => {
    // A fresh folder with a one-document corpus and no index: the server must build it first.
    const dir = path.join(workDir, 'start');
    const corpusDir = path.join(dir, 'corpus');
    await mkdir(corpusDir, { recursive: true });
    await cp(path.join(FIXTURES, EXTRA_DOCUMENT.file), path.join(corpusDir, EXTRA_DOCUMENT.file));
    await writeFile(path.join(corpusDir, 'manifest.json'), JSON.stringify({ documents: [EXTRA_DOCUMENT] }));

    const child = spawn(TSX, [path.join(ROOT, 'server/cli.ts'), '--port', '0', '--corpus-dir', corpusDir, '--index-dir', path.join(dir, 'index'), '--embedder', 'offline'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { url, output: printed } = await listeningAddress(child);
    const output = printed();
    expect(output).toContain('no index yet');
    // Built by the indexer CLI in a child process: its summary reaches the server's log.
    expect(output).toMatch(/"indexer":"Документов: 1, регионов: 1/);

    const health = (await (await fetch(`${url}/health`)).json()) as { index: { documents: number; passages: number } };
    expect(health.index.documents).toBe(1);
    expect(health.index.passages).toBeGreaterThan(0);
    // Structured logs: JSON lines from pino.
    const firstLine = output.split('\n').find((l) => l.startsWith('{'))!;
    expect(JSON.parse(firstLine)).toHaveProperty('level');

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits 1 saying why when the first build finds nothing to index', async () => {
    const dir = path.join(workDir, 'start-empty');
    await mkdir(path.join(dir, 'corpus'), { recursive: true });
    const run = spawnSync(TSX, [path.join(ROOT, 'server/cli.ts'), '--port', '0', '--corpus-dir', path.join(dir, 'corpus'), '--index-dir', path.join(dir, 'index'), '--embedder', 'offline'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Server failed to start: Building the index failed \(nothing to index\): Error: Nothing to index in/);
  });
});
