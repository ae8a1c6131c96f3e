import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type RunningServer } from '../../bench/lib/processes.js';
import { testPassage } from '../fixtures/passage.js';

/** The throughput section's peer: MiniSearch behind node:http, started as the bench starts it. */
describe('bench peer server', () => {
  let dir: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'peer-server-'));
    const passages = [
      testPassage('Развитие телемедицины в районных больницах.', 0, { sector: 'health', title: 'Здравоохранение' }),
      testPassage('Строительство дорог и мостов.', 1, { sector: 'transport', title: 'Транспорт' }),
    ];
    await writeFile(path.join(dir, 'passages.json'), JSON.stringify(passages));
    const port = await freePort();
    server = await startServer(['bench/workers/peer-server.ts', JSON.stringify({ indexDir: dir, port })], port);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('finds a passage by another form of its word (Russian stemming) and returns its text', async () => {
    const response = await fetch(`${server.url}/search?q=${encodeURIComponent('телемедицина')}&k=5`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: { id: string; text: string; score: number }[] };
    expect(body.results.map((r) => r.id)).toEqual(['p0']);
    expect(body.results[0]!.text).toContain('телемедицины');
  });

  it('answers 400 naming the field for an empty query or a bad k, 404 for another path', async () => {
    const empty = await fetch(`${server.url}/search?q=%20`);
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: string }).error).toMatch(/^q:/);
    const badK = await fetch(`${server.url}/search?q=дороги&k=0`);
    expect(badK.status).toBe(400);
    expect(((await badK.json()) as { error: string }).error).toMatch(/^k:/);
    expect((await fetch(`${server.url}/nothing`)).status).toBe(404);
  });
});
