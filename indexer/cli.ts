#!/usr/bin/env -S npx tsx
import cliProgress from 'cli-progress';
import { z } from 'zod';
import { helpOption, option, readCliOptions, usageText } from './cli-flags.js';
import { fetchModelForBuild } from './embed/e5/ensure-model.js';
import { buildIndex, NothingToIndexError, type BuildProgress } from './index/build.js';
import { DEFAULT_MODEL_ID, MAX_DEFAULT_PASSAGE_WORKERS } from './embed/transformers.js';

/**
 * `npm run index -- [--corpus corpus] [--out data/index] [--embedder auto|offline|transformers] [--models models]`
 * Exit codes: 0 every document indexed; 1 index built but some documents failed; 2 bad usage;
 * 3 nothing could be indexed (the previous index is untouched).
 */

const flagsSchema = z.object({
  corpus: option(z.string().min(1).default('corpus'), { value: '<dir>', help: 'documents to index (.txt, .pdf, optional manifest.json)' }),
  out: option(z.string().min(1).default('data/index'), { value: '<dir>', help: 'index location' }),
  cache: option(z.string().min(1).default('data/cache'), { value: '<dir>', help: 'embedding cache reused across rebuilds' }),
  embedder: option(z.enum(['auto', 'offline', 'transformers'], { message: '--embedder must be auto, offline or transformers' }).default('auto'), {
    value: '<name>',
    help: 'auto (fetches e5 into --models when missing) | offline | transformers',
  }),
  models: option(z.string().min(1).default('models'), { value: '<dir>', help: 'transformers.js models folder' }),
  'model-id': option(z.string().min(1).optional(), { value: '<id>', help: `model for the transformers embedder (default ${DEFAULT_MODEL_ID})` }),
  workers: option(z.coerce.number({ message: '--workers must be a number' }).int('--workers must be a whole number').min(0, '--workers must be 0 or more').optional(), {
    value: '<n>',
    help: `threads embedding passages with a neural model, each with its own copy (default: one per core, at most ${MAX_DEFAULT_PASSAGE_WORKERS}; 0 = the main thread)`,
  }),
  quiet: option(z.boolean().default(false), { help: 'no progress bar' }),
  help: helpOption(),
});
const USAGE = usageText('npm run index --', flagsSchema);

function progressReporter(quiet: boolean): { onProgress: (e: BuildProgress) => void; stop: () => void } {
  if (quiet || !process.stderr.isTTY) {
    let lastPhase = '';
    return {
      onProgress: (e) => {
        if (e.phase !== lastPhase) process.stderr.write(`… ${e.phase}\n`);
        lastPhase = e.phase;
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: ' {phase} [{bar}] {value}/{total} {detail}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let phase = '';
  return {
    onProgress: (e) => {
      if (e.phase === 'write') {
        bar.update({ phase: 'запись  ', detail: '' });
        return;
      }
      const label = e.phase === 'read' ? 'чтение  ' : e.phase === 'words' ? 'слова   ' : 'векторы ';
      if (e.phase !== phase) {
        if (phase) bar.stop();
        bar.start(e.total, e.done, { phase: label, detail: '' });
        phase = e.phase;
      }
      bar.update(e.done, { detail: e.phase === 'read' ? e.file : e.phase === 'words' ? 'слов корпуса (для вопросов на других языках)' : 'фрагментов' });
    },
    stop: () => bar.stop(),
  };
}

async function main(): Promise<number> {
  const read = readCliOptions(flagsSchema, process.argv.slice(2), USAGE);
  if (typeof read === 'number') return read;
  const flags = read.options;

  await fetchModelForBuild(flags.embedder, flags.models, (line) => process.stderr.write(`${line}\n`));
  const progress = progressReporter(flags.quiet);
  try {
    const result = await buildIndex({
      corpusDir: flags.corpus,
      outDir: flags.out,
      cacheDir: flags.cache,
      embedder: flags.embedder,
      modelsDir: flags.models,
      ...(flags['model-id'] ? { modelId: flags['model-id'] } : {}),
      ...(flags.workers !== undefined ? { passageWorkers: flags.workers } : {}),
      onProgress: progress.onProgress,
    });
    progress.stop();
    printSummary(result.manifest);
    for (const f of result.failures) process.stderr.write(`✗ ${f.file}: ${f.reason}\n`);
    return result.failures.length > 0 ? 1 : 0;
  } catch (err) {
    progress.stop();
    process.stderr.write(`Error: ${(err as Error).message}\n`);
    return err instanceof NothingToIndexError ? 3 : 1;
  }
}

function printSummary(manifest: Awaited<ReturnType<typeof buildIndex>>['manifest']): void {
  const rows = manifest.documents.map((d) => ({
    регион: d.region,
    документ: d.file,
    фрагментов: d.passages,
    разделов: d.sections.length,
    страниц: d.pageCount ?? '—',
    предупреждений: d.warnings.length,
  }));
  process.stdout.write('\n');
  console.table(rows);
  const { counts, embedder } = manifest;
  process.stdout.write(
    [
      `Документов: ${counts.documents}, регионов: ${counts.regions}, фрагментов: ${counts.passages} (векторы из кэша: ${counts.embeddingsReused})`,
      `Векторизатор: ${embedder.id} — ${embedder.description} (${embedder.reason})`,
      `Время: ${(manifest.buildMs / 1000).toFixed(1)} с`,
      '',
    ].join('\n'),
  );
  // Every warning, one line each (they did not stop indexing, but the user should know: README → Adding documents).
  const warnings = manifest.documents.flatMap((d) => d.warnings.map((w) => `⚠ ${d.file}: ${w.message}`));
  if (warnings.length > 0) process.stdout.write(`Предупреждения (${warnings.length}):\n${warnings.join('\n')}\n`);
}

process.exitCode = await main();
