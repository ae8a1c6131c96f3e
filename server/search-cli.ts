import path from 'node:path';
import { parseArgs } from 'node:util';
import { IndexLoadError, loadIndex } from '../indexer/index/load.js';
import { searchQuerySchema, toSearchParams } from './schemas/search.js';
import { RetrievalInputError } from '../retrieval/errors.js';
import { search, type SearchResponse } from '../retrieval/methods/search.js';
import type { PassageResult } from '../retrieval/results.js';
import { SearchIndex } from '../retrieval/search-index.js';

/**
 * `npm run search -- "запрос" [--mode hybrid|keyword|semantic] [--region tver] [--sector health] [--k 10]
 * [--group] [--json] [--index-dir data/index]`: the same search as GET /api/search, printed for a terminal
 * (matches in bold when it is one) or as the API's JSON.
 */

const HELP = `Usage: npm run search -- "запрос" [options]

  --mode <hybrid|keyword|semantic>  retrieval mode (default hybrid)
  --region <id|name>                region filter: id (novgorod) or name in any case («Новгородской области»);
                                    repeat or comma-separate for several
  --document <id>                   only these documents (ids or file names; several documents of a region are
                                    searched together unless one is named)
  --sector <sector>                 sector filter (education, health, urban, transport, government, social, general)
  --k <n>                           results, per region with --group (default 10, max 100)
  --group                           group results by region, listing regions with nothing relevant
  --no-detect-regions               do not turn region names in the query into a filter
  --json                            print the API response as JSON (only JSON on stdout). Through npm, give the
                                    flag to npm, before \`--\`: \`npm run search --json -- "q" --k 3 | jq\`, or run
                                    \`npm run -s search -- "q" --json\` (npm prints its banner on stdout otherwise)
  --index-dir <dir>                 index directory (default data/index, env INDEX_DIR)
  --models-dir <dir>                transformers.js models folder (default models, env MODELS_DIR)
`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        mode: { type: 'string' },
        region: { type: 'string', multiple: true },
        document: { type: 'string', multiple: true },
        sector: { type: 'string', multiple: true },
        k: { type: 'string' },
        group: { type: 'boolean' },
        'no-detect-regions': { type: 'boolean' },
        json: { type: 'boolean' },
        'index-dir': { type: 'string' },
        'models-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const parsed = searchQuerySchema.safeParse({
    q: positionals.join(' '),
    k: values.k,
    mode: values.mode,
    region: values.region,
    document: values.document,
    sector: values.sector,
    groupBy: values.group ? 'region' : undefined,
    detectRegions: values['no-detect-regions'] ? 'false' : 'true',
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? 'query');
    const flag = field === 'q' ? 'query' : `--${field === 'groupBy' ? 'group' : field}`;
    process.stderr.write(`Invalid ${flag}: ${issue.message}\n\n${HELP}`);
    return 2;
  }
  const q = parsed.data;
  const json = values.json === true || npmJsonMode();
  if (json) warnAboutNpmBanner();

  const indexDir = path.resolve(values['index-dir'] ?? process.env.INDEX_DIR ?? 'data/index');
  let index: SearchIndex;
  try {
    const modelsDir = path.resolve(values['models-dir'] ?? process.env.MODELS_DIR ?? 'models');
    index = new SearchIndex(await loadIndex(indexDir, { modelsDir }));
  } catch (err) {
    if (err instanceof IndexLoadError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }

  let response: SearchResponse;
  try {
    response = await search(index, toSearchParams(q));
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
