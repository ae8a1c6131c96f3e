import { lstat, mkdir, readdir, readlink, rename, rm, symlink, open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * The index directory `<out>` is a symlink to `<out>.builds/<build-id>`. A build writes a fresh build folder
 * and then replaces the symlink with one `rename`, which POSIX makes atomic: readers see either the old index or
 * the new one, and a build killed at any point leaves the previous index untouched.
 */

export function buildsDir(outDir: string): string {
  return `${path.resolve(outDir)}.builds`;
}

/** Creates an empty folder for a new build, next to the previous ones. */
export async function createBuildDir(outDir: string): Promise<string> {
  const root = buildsDir(outDir);
  await mkdir(root, { recursive: true });
  const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
  const dir = path.join(root, id);
  await mkdir(dir);
  return dir;
}

/** Points `<out>` at `buildDir` atomically, then removes builds older than the previous one. */
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

async function pruneBuilds(outDir: string, keep: number): Promise<void> {
  const root = buildsDir(outDir);
  const current = path.basename(await readlink(path.resolve(outDir)));
  const names = (await readdir(root)).sort();
  const old = names.filter((n) => n !== current).slice(0, Math.max(0, names.length - keep));
  await Promise.all(old.map((n) => rm(path.join(root, n), { recursive: true, force: true })));
}

/** Removes a build folder that never got published (a failed build). */
export async function discardBuild(buildDir: string): Promise<void> {
  await rm(buildDir, { recursive: true, force: true });
}

/**
 * One build at a time per output directory. A lock left by a dead process (killed build) is taken over.
 * Returns the release function.
 */
export async function acquireBuildLock(outDir: string): Promise<() => Promise<void>> {
  const lockFile = `${path.resolve(outDir)}.lock`;
  await mkdir(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(lockFile).catch(() => undefined);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new Error(`Another index build (pid ${pid}) is writing ${outDir}; wait for it to finish.`, { cause: err });
      }
      await unlink(lockFile).catch(() => undefined);
    }
  }
  throw new Error(`Could not lock ${lockFile}; remove it if no build is running.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
