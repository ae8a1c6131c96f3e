import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { REPO_ROOT } from './paths.js';

/**
 * Child processes of the benchmark: one-shot workers that print a JSON result, and servers sampled for memory.
 * Everything runs as `node --import tsx <file>` (not the `tsx` wrapper, which would put another process between us
 * and the one whose memory we read).
 */

/** Hard cap for any one worker, so a hang cannot stall the whole run. */
const WORKER_TIMEOUT_MS = 20 * 60_000;

/** Runs `file` with a JSON argument; resolves with the JSON object the worker prints as its last stdout line. */
export function runWorker<T>(file: string, input: unknown, timeoutMs = WORKER_TIMEOUT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, JSON.stringify(input)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0) {
        reject(new Error(`${file} exited with ${code ?? signal}: ${stderr.trim().slice(-2000)}`));
        return;
      }
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${file} printed no JSON result (stdout: ${stdout.slice(-500)}; stderr: ${stderr.slice(-1000)})`));
      }
    });
  });
}

/** A free loopback port (asked from the OS, then released for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process from /proc (MiB): current (`VmRSS`) and the kernel's peak (`VmHWM`). */
export function processMemory(pid: number): { rssMiB: number; peakRssMiB: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(/^(\w+):\s+(\d+)/m.exec(status.split('\n').find((l) => l.startsWith(key)) ?? '')?.[2] ?? NaN);
    return { rssMiB: Math.round(kib('VmRSS') / 102.4) / 10, peakRssMiB: Math.round(kib('VmHWM') / 102.4) / 10 };
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every `intervalMs` until stopped; returns the highest value seen. */
export function sampleRss(pid: number, intervalMs = 200): { stop: () => { maxRssMiB: number; samples: number } } {
  let max = 0;
  let samples = 0;
  const tick = () => {
    const mem = processMemory(pid);
    if (mem) {
      max = Math.max(max, mem.rssMiB);
      samples++;
    }
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      tick();
      return { maxRssMiB: max, samples };
    },
  };
}

export interface RunningServer {
  url: string;
  pid: number;
  child: ChildProcess;
  /** What was started, for the report. */
  command: string;
  stop: () => Promise<void>;
}

/**
 * Starts a server process (`node [--import tsx] <args>`: TypeScript sources through tsx unless
 * `typescript: false`) and waits until `GET /health` answers. The caller passes the port; logs go to a buffer that
 * is shown only if the server dies.
 */
export async function startServer(args: string[], port: number, env: NodeJS.ProcessEnv = {}, options: { typescript?: boolean } = {}): Promise<RunningServer> {
  const nodeArgs = [...(options.typescript === false ? [] : ['--import', 'tsx']), ...args];
  const child = spawn(process.execPath, nodeArgs, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let log = '';
  const keep = (d: Buffer) => (log = (log + d.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`server exited early (code ${code}): ${log.slice(-3000)}`))),
  );
  exited.catch(() => undefined);
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /health within 180 s: ${log.slice(-3000)}`);
    }
    const ok = await Promise.race([
      fetch(`${url}/health`).then((r) => r.ok, () => false),
      exited,
    ]);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid!,
    child,
    command: `node ${nodeArgs.join(' ')}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
