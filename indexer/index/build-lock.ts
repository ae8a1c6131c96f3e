import { open, mkdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { tryLock } from 'fs-native-extensions';

/**
 * One build at a time per output directory, with a lock the kernel holds for us: an exclusive advisory lock on
 * `<out>.lock` (an open-file-description lock on Linux). The kernel drops it when the holder's descriptor closes,
 * and a process that dies in any way — SIGKILL included — has its descriptors closed before it even becomes a
 * zombie. So there is no PID to check, nothing that goes stale, and a dead build can never block the next one,
 * however late its parent reaps it. The file itself stays (deleting a lock file races with a process opening it);
 * it only holds the holder's PID for the message.
 */

export interface BuildLockOptions {
  /**
   * How long to wait for a build that is running to finish before giving up. Default 2000 ms: long enough to
   * cover a killed holder that is still closing its files, short enough to tell a user about a live build at once.
   */
  waitMs?: number;
  /** Pause between attempts while waiting. Default 50 ms. */
  pollMs?: number;
}

export class BuildLockedError extends Error {}

export function lockFileOf(outDir: string): string {
  return `${path.resolve(outDir)}.lock`;
}

/** Takes the build lock of `outDir`; resolves to its release function. Throws BuildLockedError when a build holds it. */
export async function acquireBuildLock(outDir: string, options: BuildLockOptions = {}): Promise<() => Promise<void>> {
  const file = lockFileOf(outDir);
  await mkdir(path.dirname(file), { recursive: true });
  // 'a+' creates the file when missing and never truncates what the holder wrote.
  const handle = await open(file, 'a+');
  const deadline = Date.now() + (options.waitMs ?? 2000);
  try {
    while (!tryLock(handle.fd)) {
      if (Date.now() >= deadline) {
        const holder = (await handle.readFile('utf8').catch(() => '')).trim();
        throw new BuildLockedError(
          `Another index build${/^\d+$/.test(holder) ? ` (pid ${holder})` : ''} is writing ${outDir}; wait for it to finish.`,
        );
      }
      await sleep(options.pollMs ?? 50);
    }
    await writeHolder(handle);
  } catch (err) {
    await handle.close();
    throw err;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    // Closing the descriptor releases the lock.
    await handle.close();
  };
}

async function writeHolder(handle: FileHandle): Promise<void> {
  await handle.truncate(0);
  await handle.write(String(process.pid), 0);
}
