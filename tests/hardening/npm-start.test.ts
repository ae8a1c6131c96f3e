import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTRA_DOCUMENT, FIXTURES, listeningAddress } from '../server/helpers.js';
import { buildTestIndex, ROOT, type TestIndex } from './helpers.js';

/**
 * `npm start` as a supervisor or a container stop sees it: SIGTERM goes to the PID of npm itself, and must reach
 * the server, which finishes the request in flight and exits; npm exits after it and nothing is left running.
 */

let built: TestIndex;
let npm: ChildProcessWithoutNullStreams | undefined;
let serverPid: number | undefined;

beforeAll(async () => {
  built = await buildTestIndex('npm-start');
});

afterAll(async () => {
  if (npm && npm.exitCode === null && npm.signalCode === null) npm.kill('SIGKILL');
  if (serverPid && alive(serverPid)) process.kill(serverPid, 'SIGKILL');
  await built?.cleanup();
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  it('runs the compiled server with plain node and shuts it down gracefully on SIGTERM to npm', async () => {
    npm = spawn('npm', ['start', '--', '--port', '0', '--index-dir', built.indexDir, '--watch-index', 'false'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const lines: Record<string, unknown>[] = [];
    let buffer = '';
    let stderr = '';
    const waiters: (() => void)[] = [];
    npm.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      for (const w of waiters.splice(0)) w();
    });
    npm.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => npm!.once('exit', (code) => resolve(code)));
    let done = false;
    void exited.then(() => ((done = true), waiters.splice(0).forEach((w) => w())));
    const seen = async (match: (l: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> => {
      for (;;) {
        const found = lines.find(match);
        if (found) return found;
        if (done) throw new Error(`npm start exited early: ${stderr}`);
        await new Promise<void>((r) => waiters.push(r));
      }
    };

    const listening = await seen((l) => String(l.msg).startsWith('Server listening at'));
    serverPid = Number(listening.pid);
    expect(serverPid).not.toBe(npm.pid);
    // Plain node on the compiled output: no TypeScript loader in the serving process.
    const { readFileSync } = await import('node:fs');
    const cmdline = readFileSync(`/proc/${serverPid}/cmdline`, 'utf8').split('\0');
    expect(cmdline).toContain('dist/server/cli.js');
    expect(cmdline.join(' ')).not.toMatch(/tsx/);
    const port = Number(new URL(String(listening.msg).replace('Server listening at ', '')).port);

    // A request in flight for certain: headers and half of the body sent.
    const body = Buffer.from(JSON.stringify({ question: 'Как регионы развивают телемедицину?', perRegion: 3 }));
    const half = Math.floor(body.length / 2);
    const socket = net.connect(port, '127.0.0.1');
    let response = '';
    socket.on('data', (c: Buffer) => (response += c.toString()));
    const socketClosed = new Promise((r) => socket.once('close', r));
    socket.write(`POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    socket.write(body.subarray(0, half));
    await seen((l) => l.msg === 'incoming request');

    process.kill(npm.pid!, 'SIGTERM');
    await seen((l) => String(l.msg).startsWith('shutting down'));
    socket.end(body.subarray(half));
    await socketClosed;
    expect(response).toMatch(/^HTTP\/1\.1 200/);

    await exited;
    expect(lines.some((l) => l.msg === 'shut down cleanly')).toBe(true);
    // npm waited for the server before exiting: it is gone, not orphaned and still serving.
    expect(alive(serverPid)).toBe(false);
  });

  it('builds the index on a first start with the compiled indexer in a child process, then serves', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'regstrat-first-start-'));
    const corpusDir = path.join(dir, 'corpus');
    await mkdir(corpusDir);
    await cp(path.join(FIXTURES, EXTRA_DOCUMENT.file), path.join(corpusDir, EXTRA_DOCUMENT.file));
    await writeFile(path.join(corpusDir, 'manifest.json'), JSON.stringify({ documents: [EXTRA_DOCUMENT] }));
    const args = ['start', '--', '--port', '0', '--corpus-dir', corpusDir, '--index-dir', path.join(dir, 'index'), '--embedder', 'offline', '--watch-index', 'false'];
    const first = spawn('npm', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const { url, output } = await listeningAddress(first);
      const logs = output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
      // The compiled indexer CLI ran: only it prints this summary, and it reached the server's log.
      const summary = logs.find((l) => String(l.indexer).startsWith('Документов: 1'));
      expect(summary).toBeDefined();
      expect(logs.find((l) => l.msg === 'index built')).toBeDefined();
      const health = (await (await fetch(`${url}/health`)).json()) as { index: { documents: number } };
      expect(health.index.documents).toBe(1);
      const exited = new Promise<number | null>((resolve) => first.once('exit', resolve));
      first.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (first.exitCode === null && first.signalCode === null) first.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });
});
