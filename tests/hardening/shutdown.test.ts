import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestIndex, ROOT, type TestIndex } from './helpers.js';

/**
 * Graceful shutdown of the real `npm start` process: on SIGTERM the listener closes, the requests in flight are
 * answered completely, and the process exits 0. `node --import tsx` (not the tsx binary, which forks a child)
 * so the signal reaches the server itself.
 */

let built: TestIndex;
let child: ChildProcessWithoutNullStreams | undefined;

beforeAll(async () => {
  built = await buildTestIndex('shutdown');
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await built?.cleanup();
});

function connectRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

describe('SIGTERM', () => {
  it('finishes the requests in flight, refuses new connections, and exits 0', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--port', '0', '--index-dir', built.indexDir, '--watch-index', 'false', '--log-level', 'info'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const lines: Record<string, unknown>[] = [];
    const waiters: { match: (l: Record<string, unknown>) => boolean; resolve: () => void }[] = [];
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!line.startsWith('{')) continue;
        const parsed = JSON.parse(line) as Record<string, unknown>;
        lines.push(parsed);
        for (const w of waiters.splice(0)) (w.match(parsed) ? w.resolve() : waiters.push(w));
      }
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    const seen = (match: (l: Record<string, unknown>) => boolean) =>
      lines.some(match) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ match, resolve }));

    await Promise.race([seen((l) => typeof l.msg === 'string' && l.msg.startsWith('Server listening at')), exited.then((c) => { throw new Error(`server exited ${c}: ${stderr}`); })]);
    const url = String(lines.find((l) => String(l.msg).startsWith('Server listening at'))!.msg).replace('Server listening at ', '');
    const port = Number(new URL(url).port);

    // A batch of slow requests (each answer ranks passages for every region), all sent before the signal.
    const questions = ['Как регионы развивают телемедицину и электронную медицинскую карту?', 'Какие меры цифровизации образования и школ?', 'Как развивают умный общественный транспорт?', 'Как переводят государственные услуги в электронный вид?'];
    const batch = Array.from({ length: 24 }, (_, i) =>
      fetch(`${url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: questions[i % questions.length], perRegion: 10 }),
      }).then(async (res) => ({ status: res.status, body: await res.text() })),
    );
    await seen((l) => l.msg === 'incoming request');
    child.kill('SIGTERM');

    const responses = await Promise.all(batch);
    for (const r of responses) {
      expect(r.status).toBe(200);
      const body = JSON.parse(r.body) as { answer: unknown[]; passages: unknown[] };
      expect(body.answer.length).toBeGreaterThan(0);
      expect(body.passages.length).toBeGreaterThan(0);
    }
    // The signal landed while requests were still being answered.
    const shuttingAt = lines.findIndex((l) => String(l.msg).startsWith('shutting down'));
    expect(shuttingAt).toBeGreaterThan(-1);
    expect(lines.slice(shuttingAt).filter((l) => l.msg === 'request completed').length).toBeGreaterThan(0);

    expect(await connectRefused(port)).toBe(true);
    expect(await exited).toBe(0);
    expect(lines.some((l) => l.msg === 'shut down cleanly')).toBe(true);
  });
});
