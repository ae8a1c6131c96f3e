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
        for (const w of waiters.splice(0)) {
          if (w.match(parsed)) w.resolve();
          else waiters.push(w);
        }
      }
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    // 'close' comes after the child's stdout has been read to its end: only then is every log line in `lines`.
    const outputRead = new Promise<void>((resolve) => child!.once('close', () => resolve()));
    const seen = (match: (l: Record<string, unknown>) => boolean) =>
      lines.some(match) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ match, resolve }));

    await Promise.race([seen((l) => typeof l.msg === 'string' && l.msg.startsWith('Server listening at')), exited.then((c) => { throw new Error(`server exited ${c}: ${stderr}`); })]);
    const url = String(lines.find((l) => String(l.msg).startsWith('Server listening at'))!.msg).replace('Server listening at ', '');
    const port = Number(new URL(url).port);

    const incoming = () => lines.filter((l) => l.msg === 'incoming request').length;
    const until = async (condition: () => boolean | Promise<boolean>) => {
      while (!(await condition())) await new Promise((r) => setTimeout(r, 20));
    };

    // 1. A request in flight for certain: headers and half of the body sent, the rest held back.
    const body = JSON.stringify({ question: 'Как регионы развивают телемедицину и электронную медицинскую карту?', perRegion: 10 });
    const bytes = Buffer.from(body);
    const half = Math.floor(bytes.length / 2);
    const slow = net.connect(port, '127.0.0.1');
    let slowResponse = '';
    slow.on('data', (c: Buffer) => (slowResponse += c.toString()));
    const slowClosed = new Promise<void>((resolve) => slow.once('close', () => resolve()));
    slow.write(`POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\n\r\n`);
    slow.write(bytes.subarray(0, half));
    await until(() => incoming() === 1);

    // 2. A batch of slow requests (each answer ranks passages for every region) queued behind it.
    const questions = ['Какие меры цифровизации образования и школ?', 'Как развивают умный общественный транспорт?', 'Как переводят государственные услуги в электронный вид?'];
    const batch = Array.from({ length: 12 }, (_, i) =>
      fetch(`${url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: questions[i % questions.length], perRegion: 10 }),
      }).then(
        async (res) => ({ status: res.status, body: await res.text() }),
        (err: Error) => ({ status: 0, body: String((err.cause as NodeJS.ErrnoException | undefined)?.code ?? err.message) }),
      ),
    );
    await until(() => incoming() >= 2);

    // 3. SIGTERM: the listener closes while the slow request is still open.
    child.kill('SIGTERM');
    await seen((l) => String(l.msg).startsWith('shutting down'));
    await until(() => connectRefused(port));

    // 4. The in-flight request completes after the signal and gets its whole answer.
    slow.end(bytes.subarray(half));
    await slowClosed;
    expect(slowResponse).toMatch(/^HTTP\/1\.1 200/);
    const answer = JSON.parse(slowResponse.slice(slowResponse.indexOf('\r\n\r\n') + 4)) as { answer: unknown[]; passages: unknown[] };
    expect(answer.answer.length).toBeGreaterThan(0);
    expect(answer.passages.length).toBeGreaterThan(0);

    // Batch requests the server had received are answered completely; ones still waiting to be accepted are
    // refused at the connection level (the client may retry elsewhere) — never a 5xx or a cut-off body.
    const responses = await Promise.all(batch);
    const answered = responses.filter((r) => r.status !== 0);
    for (const r of answered) {
      expect(r.status).toBe(200);
      expect((JSON.parse(r.body) as { answer: unknown[] }).answer.length).toBeGreaterThan(0);
    }
    for (const r of responses.filter((x) => x.status === 0)) expect(r.body).toMatch(/ECONNRESET|ECONNREFUSED|UND_ERR_SOCKET|other side closed/);
    expect(answered.length).toBeGreaterThanOrEqual(1);

    expect(await exited).toBe(0);
    await outputRead;
    // Every answered request was logged as completed (the slow one too) before the process exited.
    expect(lines.filter((l) => l.msg === 'request completed').length).toBe(answered.length + 1);
    expect(lines.some((l) => l.msg === 'shut down cleanly')).toBe(true);
  });
});
