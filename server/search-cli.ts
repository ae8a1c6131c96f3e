import path from 'node:path';
import { z } from 'zod';
import { helpOption, option, readCliOptions, usageText } from '../indexer/cli-flags.js';
import { IndexLoadError, loadIndex } from '../indexer/index/load.js';
import { SECTORS } from '../indexer/types.js';
import { RetrievalInputError } from '../retrieval/errors.js';
import { search, type SearchResponse } from '../retrieval/methods/search.js';
import { retrievalOverridesText, SEARCH_MODES } from '../retrieval/options.js';
import type { PassageResult } from '../retrieval/results.js';
import { SearchIndex } from '../retrieval/search-index.js';
import { MAX_K, searchQuerySchema, toSearchParams } from './schemas/search.js';

/**
 * `npm run search -- "запрос" [options]`: the same search as GET /api/search, printed for a terminal (matches in
 * bold when it is one) or as the API's JSON. Its options are declared once below; the query parameters among them
 * take the API's own schemas, so the CLI and GET /api/search accept the same values.
 */

const api = searchQuerySchema.shape;
const flagsSchema = z.object({
  mode: option(api.mode, { value: `<${SEARCH_MODES.join('|')}>`, help: 'retrieval mode' }),
  region: option(api.region, {
    value: '<id|name>',
    multiple: true,
    help: 'region filter: id (novgorod) or name in any case («Новгородской области»); repeat or comma-separate for several',
  }),
  document: option(api.document, {
    value: '<id>',
    multiple: true,
    help: 'only these documents (ids or file names; several documents of a region are searched together unless one is named)',
  }),
  sector: option(api.sector, { value: '<sector>', multiple: true, help: `sector filter (${SECTORS.join(', ')})` }),
  k: option(api.k, { value: '<n>', help: `results, per region with --group; at most ${MAX_K}` }),
  group: option(z.boolean().default(false), { help: 'group results by region, listing regions with nothing relevant' }),
  noDetectRegions: option(z.boolean().default(false), { help: 'do not turn region names in the query into a filter' }),
  json: option(z.boolean().default(false), {
    help: 'print the API response as JSON (only JSON on stdout). Through npm, give the flag to npm, before `--`: `npm run search --json -- "q" --k 3 | jq`, or run `npm run -s search -- "q" --json` (npm prints its banner on stdout otherwise)',
  }),
  indexDir: option(z.string().min(1).default('data/index'), { env: 'INDEX_DIR', value: '<dir>', help: 'index directory' }),
  modelsDir: option(z.string().min(1).default('models'), { env: 'MODELS_DIR', value: '<dir>', help: 'transformers.js models folder' }),
  retrieval: option(retrievalOverridesText.default({}), { value: '<json>', help: 'retrieval settings by name, e.g. \'{"alpha":0.4}\' (retrieval/options.ts)' }),
  help: helpOption(),
});
const HELP = usageText('npm run search --', flagsSchema, '"запрос"');

async function main(): Promise<number> {
  const read = readCliOptions(flagsSchema, process.argv.slice(2), HELP, { env: process.env, positionals: true });
  if (typeof read === 'number') return read;
  const { options: flags, positionals } = read;
  const q = api.q.safeParse(positionals.join(' '));
  if (!q.success) {
    process.stderr.write(`Error: query: ${q.error.issues[0]!.message}\n\n${HELP}`);
    return 2;
  }
  const params = toSearchParams({
    q: q.data,
    k: flags.k,
    mode: flags.mode,
    region: flags.region,
    document: flags.document,
    sector: flags.sector,
    groupBy: flags.group ? 'region' : undefined,
    detectRegions: !flags.noDetectRegions,
    fusion: undefined,
  });
  const json = flags.json || npmJsonMode();
  if (json) warnAboutNpmBanner();

  let index: SearchIndex;
  try {
    index = new SearchIndex(await loadIndex(path.resolve(flags.indexDir), { modelsDir: path.resolve(flags.modelsDir) }));
  } catch (err) {
    if (err instanceof IndexLoadError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }

  let response: SearchResponse;
  try {
    response = await search(index, { ...params, retrieval: flags.retrieval });
  } catch (err) {
    if (err instanceof RetrievalInputError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  process.stdout.write(json ? `${JSON.stringify(response, null, 2)}\n` : formatResponse(response, process.stdout.isTTY === true));
  return 0;
}

/**
 * `npm run search --json -- "q"` (the flag before `--`) is npm's own JSON mode: npm then prints its banner on
 * stderr, keeps the flag and tells the script through `npm_config_json`. Honouring it gives clean JSON on stdout.
 */
function npmJsonMode(): boolean {
  return launchedByNpm() && process.env.npm_config_json === 'true';
}

/** Whether npm runs this script itself (`npm run search`), not a parent npm script such as `npm test`. */
function launchedByNpm(): boolean {
  return process.env.npm_lifecycle_script?.includes('search-cli') === true;
}

/**
 * Run by npm neither silent nor in JSON mode, npm has already printed its banner on stdout before this process
 * started: nothing here can take it back, so say on stderr how to get JSON a parser accepts.
 */
function warnAboutNpmBanner(): void {
  const env = process.env;
  if (!launchedByNpm() || env.npm_config_loglevel === 'silent' || env.npm_config_json === 'true') return;
  if (process.stdout.isTTY) return;
  process.stderr.write(
    'npm printed its banner on stdout before this JSON. For JSON alone, give npm the flag: `npm run search --json -- "…"`, or run `npm run -s search -- "…" --json`.\n',
  );
}

function formatResponse(r: SearchResponse, color: boolean): string {
  const lines: string[] = [];
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
  lines.push(dim(`«${r.query}» · mode ${r.mode} · embedder ${r.embedder.id} (${r.embedder.kind}) · ${r.tookMs} ms`));
  const f = r.appliedFilters;
  if (f.regions.length) lines.push(dim(`regions: ${f.regions.map((x) => `${x.region}${x.source === 'query' ? ` (from "${x.matchedText}"; --no-detect-regions to drop)` : ''}`).join(', ')}`));
  if (f.sectors.length) lines.push(dim(`sectors: ${f.sectors.map((s) => s.label).join(', ')}`));
  if (f.expansions.length) lines.push(dim(`expanded: ${f.expansions.map((e) => `${e.from} → ${e.to}`).join('; ')}`));
  lines.push('');
  const printResult = (p: PassageResult, n: number) => {
    lines.push(`${bold(`${n}.`)} [${p.score.toFixed(3)}${p.relevant ? '' : ', low relevance'}] ${bold(p.region)} — ${p.section.path || '(no section)'} · ${p.sectorLabel}${p.page !== null ? ` · с. ${p.page}` : ''}`);
    lines.push(`   ${marked(p, bold).replace(/\s*\n\s*/g, ' ')}`);
    lines.push(dim(`   ${p.citation} · id ${p.id}`));
    lines.push('');
  };
  if (r.groups) {
    for (const g of r.groups) {
      lines.push(bold(`■ ${g.region}${g.found ? '' : ' — nothing relevant found'}`));
      g.results.forEach((p, i) => printResult(p, i + 1));
      if (!g.found) lines.push('');
    }
  } else {
    if (r.results.length === 0) lines.push('Nothing found.');
    r.results.forEach((p, i) => printResult(p, i + 1));
  }
  return `${lines.join('\n')}\n`;
}

function marked(p: PassageResult, bold: (s: string) => string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of p.highlights) {
    out += p.text.slice(at, start) + bold(p.text.slice(start, end));
    at = end;
  }
  return out + p.text.slice(at);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`Search failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
