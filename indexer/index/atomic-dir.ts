import { statSync } from 'node:fs';
import { lstat, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { INDEX_FILES } from './schemas.js';

/**
 * The index directory `<out>` is a symlink to `<out>.builds/<build-id>`. A build writes a fresh build folder
 * and then replaces the symlink with one `rename`, which POSIX makes atomic: readers see either the old index or
 * the new one, and a build killed at any point leaves the previous index untouched.
 */

export function buildsDir(outDir: string): string {
  return `${path.resolve(outDir)}.builds`;
}

let buildSeq = 0;

/** Creates an empty folder for a new build, next to the previous ones; names sort oldest first. */
export async function createBuildDir(outDir: string): Promise<string> {
  const root = buildsDir(outDir);
  await mkdir(root, { recursive: true });
  // Two builds in the same millisecond (tests) still get distinct folders.
  const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${String(buildSeq++).padStart(4, '0')}`;
  const dir = path.join(root, id);
  await mkdir(dir);
  return dir;
}

/**
 * Points `<out>` at `buildDir` atomically, then prunes: the `keep` newest complete builds stay (default 2: this one
 * and the previous one), incomplete leftovers go. Call it holding the build lock (see build-lock.ts).
 */
export async function publishBuild(outDir: string, buildDir: string, keep = 2): Promise<void> {
  const out = path.resolve(outDir);
  const existing = await lstat(out).catch(() => null);
  if (existing && !existing.isSymbolicLink()) {
    throw new Error(
      `${out} exists and is not an index link made by this indexer; move it away or choose another --out.`,
    );
  }
  const tmpLink = `${out}.link-${process.pid}`;
  await rm(tmpLink, { force: true });
  await symlink(path.relative(path.dirname(out), buildDir), tmpLink);
  await rename(tmpLink, out);
  await pruneBuilds(outDir, keep);
}

/**
 * Keeps the `keep` newest complete builds (the one just published among them) and removes the rest. A build
 * folder without a manifest is a build that died before finishing (the manifest is written last): it is removed,
 * never counted, so leftovers of killed builds can never push the last complete build out. The caller holds the
 * build lock, so no other build is writing one of these folders.
 */
async function pruneBuilds(outDir: string, keep: number): Promise<void> {
  const root = buildsDir(outDir);
  const current = path.basename(await readlink(path.resolve(outDir)));
  const names = (await readdir(root)).sort(); // ISO-timestamped names: oldest first
  const complete = names.map((n) => isCompleteIndex(path.join(root, n)));
  const incomplete = names.filter((n, i) => !complete[i] && n !== current);
  const older = names.filter((n, i) => complete[i] && n !== current);
  const surplus = older.slice(0, Math.max(0, older.length - (Math.max(1, keep) - 1)));
  await Promise.all([...incomplete, ...surplus].map((n) => rm(path.join(root, n), { recursive: true, force: true })));
}

/**
 * Whether `dir` (a build folder, or the index link to one) holds a complete index: the manifest is written last, so
 * a folder without one is a build that never finished.
 */
export function isCompleteIndex(dir: string): boolean {
  return statSync(path.join(dir, INDEX_FILES.manifest), { throwIfNoEntry: false })?.isFile() ?? false;
}

/** Removes a build folder that never got published (a failed build). */
export async function discardBuild(buildDir: string): Promise<void> {
  await rm(buildDir, { recursive: true, force: true });
}
