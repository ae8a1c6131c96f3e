/**
 * Starting another module of this project in a worker thread or a child process, whether the project runs from its
 * compiled `dist/` (plain node) or from TypeScript sources (tsx, vitest): the entry keeps the caller's extension, and a
 * `.ts` entry gets tsx's loader.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';

export interface EntryPoint {
  /** Absolute path of the module, `.ts` or `.js` like the caller. */
  file: string;
  typescript: boolean;
}

/** `relative` (no extension) resolved against the calling module's folder, with the calling module's extension. */
export function entryPointNextTo(callerUrl: string, relative: string): EntryPoint {
  const caller = fileURLToPath(callerUrl);
  const extension = path.extname(caller);
  return { file: path.resolve(path.dirname(caller), `${relative}${extension}`), typescript: extension === '.ts' };
}

const require = createRequire(import.meta.url);
const tsxPackageFile = (): string => require.resolve('tsx/package.json');

/** `--input-type` (a script given with -e) breaks a child or a worker started from a file. */
const isScriptFlag = (flag: string): boolean => flag.startsWith('--input-type');

/**
 * Node flags for a child process running `entry`: a `.ts` entry runs through tsx; a `.js` one gets this process's
 * own flags (`--enable-source-maps`, `--max-old-space-size`), less those that would break or block it (`--input-type`,
 * a debugger's `--inspect`).
 */
export function childProcessFlags(entry: EntryPoint): string[] {
  if (entry.typescript) return ['--import', pathToFileURL(require.resolve('tsx')).href];
  return process.execArgv.filter((flag) => !isScriptFlag(flag) && !flag.startsWith('--inspect'));
}

/** Starts `entry` in a worker thread with `workerData`. */
export function startWorker(entry: EntryPoint, workerData: unknown): Worker {
  // Workers inherit this process's flags. They are passed explicitly only to drop `--input-type`: explicit flags
  // that a worker cannot take (--max-old-space-size) throw.
  const inherited = process.execArgv.filter((flag) => !isScriptFlag(flag));
  const flags = inherited.length === process.execArgv.length ? {} : { execArgv: inherited };
  if (!entry.typescript) return new Worker(entry.file, { workerData, ...flags });
  return new Worker(typescriptWorkerBootstrap(entry), { eval: true, workerData, ...flags });
}

/**
 * Code for `new Worker(code, { eval: true })` that loads a `.ts` worker entry: a loader given by flag reaches a
 * worker's entry too late on Node 20, so the worker registers tsx's ESM hooks itself, then imports the entry.
 */
function typescriptWorkerBootstrap(entry: EntryPoint): string {
  const exportsSchema = z.object({ exports: z.object({ './esm/api': z.object({ import: z.object({ default: z.string() }) }) }) });
  const packageFile = tsxPackageFile();
  const api = path.join(path.dirname(packageFile), exportsSchema.parse(require(packageFile)).exports['./esm/api'].import.default);
  const entryUrl = pathToFileURL(entry.file).href;
  return `import(${JSON.stringify(pathToFileURL(api).href)}).then(({ register }) => { register(); return import(${JSON.stringify(entryUrl)}); });`;
}
