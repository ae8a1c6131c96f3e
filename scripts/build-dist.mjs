#!/usr/bin/env node
/**
 * Compiles the server, the retrieval core and the indexer (TypeScript, ESM) to `dist/` with esbuild, one JavaScript file per source
 * file in the same layout, so `npm start` runs plain `node dist/server/cli.js`: no TypeScript loader in the
 * serving process, no compilation at run time. Files the code reads next to itself (the thesaurus) are copied.
 * Types are not checked here (that is `npm run typecheck`); this takes well under a second.
 */
import { cp, readdir, rm } from 'node:fs/promises';
import process from 'node:process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist');
const SOURCES = ['indexer', 'retrieval', 'server'];
/** Folders of data files read at run time relative to the module that reads them. */
const ASSETS = ['indexer/nlp/data'];

async function tsFiles(dir) {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

const started = Date.now();
await rm(outdir, { recursive: true, force: true });
const entryPoints = (await Promise.all(SOURCES.map(tsFiles))).flat();
await build({
  entryPoints,
  outdir,
  outbase: root,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
for (const dir of ASSETS) await cp(path.join(root, dir), path.join(outdir, dir), { recursive: true });
process.stdout.write(`dist/ ← ${entryPoints.length} modules in ${Date.now() - started} ms\n`);
