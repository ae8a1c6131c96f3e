#!/usr/bin/env node
/**
 * Part of `npm run lint`: fails when modules import each other in a circle. Reads every TypeScript module of the
 * product and its tests (imports and `export … from`; `import type` / `export type` declarations are left out, as
 * the compiler erases them: a circle of types alone loads fine), resolves relative specifiers to files, and reports
 * each strongly connected group of modules. Which layer may import which is eslint's `no-restricted-imports` (eslint.config.js).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FOLDERS = ['indexer', 'retrieval', 'server', 'web/src', 'web/build.ts', 'bench', 'tests'];

function modulesUnder(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (full.endsWith('.ts')) return [full];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Relative specifiers of a module's import and re-export declarations that remain at run time. */
function importsOf(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specifiers = [];
  for (const statement of source.statements) {
    const typeOnly = ts.isImportDeclaration(statement) ? statement.importClause?.isTypeOnly === true : ts.isExportDeclaration(statement) && statement.isTypeOnly;
    if (typeOnly) continue;
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers.filter((s) => s.startsWith('.'));
}

function resolve(from, specifier) {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return undefined;
}

const files = FOLDERS.flatMap(modulesUnder);
const graph = new Map(files.map((f) => [f, importsOf(f).map((s) => resolve(f, s)).filter((t) => t !== undefined)]));

// Tarjan's strongly connected components: every component of more than one module (or a self-import) is a cycle.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function visit(v) {
  index.set(v, counter);
  low.set(v, counter);
  counter += 1;
  stack.push(v);
  onStack.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!graph.has(w)) continue;
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) === index.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component);
  }
}
for (const f of files) if (!index.has(f)) visit(f);

if (cycles.length > 0) {
  for (const c of cycles) process.stderr.write(`circular imports: ${c.map((f) => path.relative(root, f)).sort().join(' ↔ ')}\n`);
  process.exit(1);
}
process.stdout.write(`no circular imports among ${files.length} modules\n`);
