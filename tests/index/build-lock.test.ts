import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildsDir, createBuildDir, publishBuild } from '../../indexer/index/atomic-dir.js';
import { acquireBuildLock, BuildLockedError, lockFileOf } from '../../indexer/index/build-lock.js';
import { INDEX_FILES } from '../../indexer/index/schemas.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'build-lock-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const repo = path.resolve(import.meta.dirname, '../..');
const lockModule = path.join(repo, 'indexer/index/build-lock.ts');

/**
 * A process B that takes the lock, started by a parent A that then blocks its only thread and so never reaps B:
 * once B is SIGKILLed it stays a zombie for as long as A lives — what a build under a wrapper (tsx, npm) becomes
 * when the whole group is killed and nobody reaps it yet.
 */
async function zombieHolder(outDir: string): Promise<{ pid: number; kill: () => Promise<void>; end: () => Promise<void> }> {
  const holderScript = `const { acquireBuildLock } = await import(${JSON.stringify(lockModule)});
await acquireBuildLock(${JSON.stringify(outDir)}, { waitMs: 0 });
process.stdout.write('locked\\n');
setInterval(() => {}, 1000);`;
  const parentScript = `const { spawn } = require('node:child_process');
const b = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', ${JSON.stringify(holderScript)}], { stdio: ['ignore', 'pipe', 'inherit'] });
b.stdout.on('data', (d) => {
  if (!String(d).includes('locked')) return;
  process.stdout.write('holder ' + b.pid + '\\n');
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});`;
  const parent = spawn(process.execPath, ['-e', parentScript], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
  const parentExited = new Promise((r) => parent.once('exit', r));
  const pid = await new Promise<number>((resolve, reject) => {
    parent.once('exit', (code) => reject(new Error(`holder's parent exited with ${code}`)));
    parent.stdout.on('data', (d: Buffer) => {
      const m = /holder (\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    });
  });
  return {
    pid,
    // Waits for a state, not for a time: B is dead once the kernel shows it as a zombie whose threads have all
    // exited (the leader turns Z first while its other threads are still closing the process's files).
    kill: async () => {
      process.kill(pid, 'SIGKILL');
      while (!(procState(pid) === 'Z' && readdirSync(`/proc/${pid}/task`).length === 1)) await sleep(5);
    },
    end: async () => void (parent.kill('SIGKILL'), await parentExited),
  };
}

function procState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

describe('build lock', () => {
  it('lets one build hold it at a time and names the holder', async () => {
    const out = path.join(work, 'a', 'index');
    const release = await acquireBuildLock(out, { waitMs: 0 });
    await expect(acquireBuildLock(out, { waitMs: 0 })).rejects.toThrow(BuildLockedError);
    await expect(acquireBuildLock(out, { waitMs: 0 })).rejects.toThrow(`Another index build (pid ${process.pid}) is writing ${out}`);
    await release();
    const again = await acquireBuildLock(out, { waitMs: 0 });
    expect(await readFile(lockFileOf(out), 'utf8')).toBe(String(process.pid));
    await again();
  });

  it('waits for a build that finishes within waitMs', async () => {
    const out = path.join(work, 'b', 'index');
    const release = await acquireBuildLock(out, { waitMs: 0 });
    const waiting = acquireBuildLock(out, { waitMs: 10_000, pollMs: 10 });
    await release();
    await (await waiting)();
  });

  it('is free at once when its holder was SIGKILLed, even while the dead holder is an unreaped zombie', async () => {
    const out = path.join(work, 'c', 'index');
    for (let i = 0; i < 3; i++) {
      const holder = await zombieHolder(out);
      try {
        await expect(acquireBuildLock(out, { waitMs: 0 })).rejects.toThrow(`(pid ${holder.pid})`);
        await holder.kill();
        expect(procState(holder.pid)).toBe('Z'); // its PID still answers kill(pid, 0)
        expect(await readFile(lockFileOf(out), 'utf8')).toBe(String(holder.pid));
        await (await acquireBuildLock(out, { waitMs: 0 }))();
      } finally {
        await holder.end();
      }
    }
  });
});

describe('pruning builds', () => {
  async function completeBuild(out: string): Promise<string> {
    const dir = await createBuildDir(out);
    await writeFile(path.join(dir, INDEX_FILES.manifest), '{}');
    return dir;
  }

  it('never lets incomplete leftovers push out the last complete build', async () => {
    const out = path.join(work, 'prune', 'index');
    const old = await completeBuild(out);
    await publishBuild(out, old);
    const previous = await completeBuild(out);
    await publishBuild(out, previous);
    // Two killed builds left folders without a manifest, newer than every complete build.
    const dead = [await createBuildDir(out), await createBuildDir(out)];
    await writeFile(path.join(dead[1]!, INDEX_FILES.passages), '[]');
    const next = await completeBuild(out);
    await publishBuild(out, next);
    expect((await readdir(buildsDir(out))).sort()).toEqual([path.basename(previous), path.basename(next)].sort());
  });

  it('keeps the one being served even when it is not the newest', async () => {
    const out = path.join(work, 'prune2', 'index');
    const a = await completeBuild(out);
    await completeBuild(out);
    await completeBuild(out);
    await publishBuild(out, a, 1);
    expect(await readdir(buildsDir(out))).toEqual([path.basename(a)]);
  });

  it('refuses to replace a real folder at the index location', async () => {
    const out = path.join(work, 'plain', 'index');
    await mkdir(out, { recursive: true });
    const dir = await completeBuild(out);
    await expect(publishBuild(out, dir)).rejects.toThrow(/not an index link/);
  });
});
