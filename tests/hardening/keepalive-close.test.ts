import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestIndex, listen, type TestIndex } from './helpers.js';

/**
 * Closing the server (what SIGTERM does) answers requests that clients have already sent on keep-alive
 * connections, even those the server has not read yet, instead of resetting the connections.
 */

let built: TestIndex;

beforeAll(async () => {
  built = await buildTestIndex('keepalive-close');
});

afterAll(async () => {
  await built?.cleanup();
});

/** A keep-alive connection that has had one answer, so the server holds it as idle. */
async function idleConnection(port: number): Promise<{ socket: net.Socket; next: (request: string) => Promise<string> }> {
  const socket = net.connect(port, '127.0.0.1');
  let text = '';
  let waiting: ((t: string) => void) | undefined;
  const complete = () => {
    const split = text.indexOf('\r\n\r\n');
    const length = Number(/content-length: (\d+)/i.exec(text.slice(0, split))?.[1] ?? NaN);
    return split >= 0 && Buffer.byteLength(text.slice(split + 4)) >= length;
  };
  socket.on('data', (c: Buffer) => {
    text += c.toString();
    if (waiting && complete()) waiting(text);
  });
  socket.on('close', () => waiting?.(text));
  socket.on('error', (err) => waiting?.(`error ${(err as NodeJS.ErrnoException).code}`));
  const next = (request: string) =>
    new Promise<string>((resolve) => {
      text = '';
      waiting = (t) => {
        waiting = undefined;
        resolve(t);
      };
      socket.write(request);
    });
  await new Promise((r) => socket.once('connect', r));
  expect(await next('GET /health HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 200/);
  return { socket, next };
}

describe('closing with keep-alive connections', () => {
  it('answers every request already sent, each with Connection: close, and resets none', async () => {
    const { app, port } = await listen(built.index, { indexDir: built.indexDir, watchIndex: false });
    const connections = await Promise.all(Array.from({ length: 32 }, () => idleConnection(port)));
    // Send on every idle connection and begin closing in the same tick: the server has read none of these yet.
    const answers = connections.map((c, i) =>
      c.next(`GET /api/search?q=${encodeURIComponent('школы')}&k=${(i % 5) + 1} HTTP/1.1\r\nHost: x\r\n\r\n`),
    );
    const closed = app.close();
    const texts = await Promise.all(answers);
    for (const text of texts) {
      expect(text).toMatch(/^HTTP\/1\.1 200/);
      expect(text).toMatch(/^connection: close/im);
    }
    await closed;
    // And the listener is gone: new connections are refused.
    const refused = await new Promise<string>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve('connected')));
      s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });
});
