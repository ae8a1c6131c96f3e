/**
 * Every document warning is visible: `npm run index` prints it in its summary, the index manifest keeps it,
 * `/health` and `/api/regions` return it, and the web UI shows it beside the region it concerns. Real CLI process,
 * real index, real server on a port, Debian's Chromium.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIndex } from '../../indexer/index/load.js';
import { indexManifestSchema } from '../../indexer/index/schemas.js';
import { buildApp } from '../../server/app.js';
import { buildWeb, WEB_DIST, WEB_PUBLIC } from '../../web/build.js';
import { randomBytes } from '../indexer/text-quality-samples.js';
import { launchBrowser, openPage, settled } from './support/browser.js';

const ROOT = path.resolve('.');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
/** Russian prose that names no region: the region can only come from the file name. */
const NO_REGION_TEXT = [
  'Стратегия цифровой трансформации определяет цели и задачи развития информационных технологий.',
  'Жители получают государственные услуги в электронном виде, а врачи ведут электронные медицинские карты.',
  'Школы подключены к высокоскоростному интернету, учителя используют электронные журналы.',
].join('\n');

let work: string;
let indexDir: string;
let run: ReturnType<typeof spawnSync>;
let app: FastifyInstance;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'warnings-e2e-'));
  const corpus = path.join(work, 'corpus');
  await mkdir(corpus);
  await copyFile('corpus/luhansk.txt', path.join(corpus, 'luhansk.txt'));
  const manifest = JSON.parse(await readFile('corpus/manifest.json', 'utf8')) as { documents: Array<{ file: string }> };
  await writeFile(path.join(corpus, 'manifest.json'), JSON.stringify({ documents: manifest.documents.filter((d) => d.file === 'luhansk.txt') }));
  await writeFile(path.join(corpus, 'vpr_plan.txt'), `${NO_REGION_TEXT}\n`.repeat(4));
  await writeFile(path.join(corpus, 'musor.txt'), randomBytes(6000, 0x20, 0xff, 5));
  indexDir = path.join(work, 'index');
  run = spawnSync(
    TSX,
    ['indexer/cli.ts', '--corpus', corpus, '--out', indexDir, '--cache', path.join(work, 'cache'), '--embedder', 'offline', '--quiet'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const [index] = await Promise.all([loadIndex(indexDir), buildWeb()]);
  app = await buildApp({ index, config: { webDirs: [WEB_DIST, WEB_PUBLIC], logLevel: 'warn' }, logger: false });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('document warnings', () => {
  it('npm run index prints every warning in its summary and the refused file with its reason', () => {
    expect(run.status, String(run.stderr)).toBe(1); // one document refused
    expect(run.stdout).toMatch(/Предупреждения \(1\):\n⚠ vpr_plan\.txt: no manifest entry and no region name found in the text: using "Vpr plan" from the file name/);
    expect(run.stderr).toMatch(/✗ musor\.txt: text is not prose/);
  });

  it('the index manifest keeps them per document', async () => {
    const manifest = indexManifestSchema.parse(JSON.parse(await readFile(path.join(indexDir, 'manifest.json'), 'utf8')));
    const byFile = Object.fromEntries(manifest.documents.map((d) => [d.file, d.warnings]));
    expect(byFile['luhansk.txt']).toEqual([]);
    expect(byFile['vpr_plan.txt']!.map((w) => w.code)).toEqual(['region-from-file-name']);
    expect(manifest.failures.map((f) => f.file)).toEqual(['musor.txt']);
  });

  it('/health and /api/regions return them', async () => {
    const health = (await (await fetch(`${baseUrl}/health`)).json()) as { index: { warnings: Array<{ file: string; code: string; documentId: string }> } };
    expect(health.index.warnings).toEqual([
      expect.objectContaining({ file: 'vpr_plan.txt', documentId: 'vpr-plan', code: 'region-from-file-name' }),
    ]);
    const regions = (await (await fetch(`${baseUrl}/api/regions`)).json()) as {
      regions: Array<{ region: string; documents: Array<{ warnings: Array<{ code: string; message: string }> }> }>;
    };
    const vpr = regions.regions.find((r) => r.region === 'Vpr plan')!;
    expect(vpr.documents[0]!.warnings[0]).toMatchObject({ code: 'region-from-file-name', message: expect.stringContaining('file name') });
    const luhansk = regions.regions.find((r) => r.region === 'Луганская Народная Республика')!;
    expect(luhansk.documents[0]!.warnings).toEqual([]);
  });

  it('the web UI shows the warning beside the region it concerns', async () => {
    const t = await openPage(browser, baseUrl);
    try {
      await t.page.goto('/');
      await settled(t.page);
      const labels = await t.page.locator('#region-options label').allInnerTexts();
      const vpr = labels.find((l) => l.startsWith('Vpr plan'))!;
      expect(vpr).toContain('⚠ Регион «Vpr plan» определён по имени файла');
      const luhansk = labels.find((l) => l.startsWith('Луганская'))!;
      expect(luhansk).not.toContain('⚠');
      expect(t.problems).toEqual([]);
    } finally {
      await t.context.close();
    }
  });
});
