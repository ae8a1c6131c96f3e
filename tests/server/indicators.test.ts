import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorResult, IndicatorsResponse } from '../../retrieval/methods/indicators.js';
import type { TargetsTable } from '../../retrieval/methods/ask-targets.js';
import { getJson, postJson, q, startTestServer, type AskResponse, type ErrorBody, type TestServer } from './helpers.js';

/** `GET /api/indicators` end to end: real index of the bundled corpus (+ a test region), real server, fetch. */

let server: TestServer;
let base: string;

beforeAll(async () => {
  server = await startTestServer();
  base = server.baseUrl;
}, 120_000);

afterAll(async () => {
  await server?.close();
});

const BUNDLED_REGIONS = ['karachay-cherkessia', 'khabarovsk', 'luhansk', 'tver', 'tyumen'];
const EPGU = 'доля массовых социально значимых услуг в электронном виде';
const find = (params: Record<string, string | number>) => getJson<IndicatorsResponse>(base, `/api/indicators?${q(params)}`);

describe('GET /api/indicators', () => {
  it('lays every region\'s targets for the template indicator side by side, each value cited and tied to its passage', async () => {
    const { status, body } = await find({ q: EPGU });
    expect(status).toBe(200);
    expect(body.embedder.id).toBeTruthy();
    const rows = body.indicators.filter((r) => /^Доля массовых социально значимых/u.test(r.name));
    const group = rows.find((r) => r.regionId === 'tyumen')!.groupId;
    const inGroup = body.indicators.filter((r) => r.groupId === group);
    expect(new Set(inGroup.map((r) => r.regionId))).toEqual(new Set(BUNDLED_REGIONS));
    const tyumen = inGroup.find((r) => r.regionId === 'tyumen')!;
    expect(tyumen.values).toEqual([
      { year: 2022, value: 55, raw: '55' },
      { year: 2023, value: 75, raw: '75' },
      { year: 2024, value: 95, raw: '95' },
    ]);
    expect(inGroup.find((r) => r.regionId === 'luhansk')!.values.map((v) => v.raw)).toEqual(['0', '40', '80']);
    for (const r of inGroup) {
      expect(r.citation).toContain(r.region);
      expect(r.citation).toContain('Показатели развития отрасли');
      if (r.page !== null) expect(r.citation).toContain(`с. ${r.page}`);
      const passage = await getJson<{ passage: { id: string; text: string } }>(base, `/api/passages/${r.passageId}`);
      expect(passage.status).toBe(200);
      expect(passage.body.passage.text).toContain(r.values.map((v) => v.raw).join(' '));
    }
    // The test region has no targets table: reported missing, not padded.
    expect(body.missingRegions.map((r) => r.regionId)).toEqual(['pskov']);
  });

  it('finds indicators by a question written as users write it', async () => {
    const { body } = await find({ q: 'Какие целевые показатели по доле электронных медицинских карт ставят регионы?' });
    const names = body.indicators.slice(0, 12).map((r) => r.name);
    expect(names.some((n) => /интегрированные электронные медицинские карты/u.test(n))).toBe(true);
    expect(body.indicators.every((r) => r.sector === 'health')).toBe(true);
  });

  it('finds indicators by meaning: the offline model\'s synonyms and concepts count like words', async () => {
    const { body } = await find({ q: 'видеокамеры в автобусах', k: 1 });
    expect(body.indicators.length).toBeGreaterThan(0);
    for (const r of body.indicators) expect(r.name).toMatch(/видеонаблюдения/u);
  });

  it('filters by region, sector and year (values cut to that year)', async () => {
    const { body } = await find({ q: EPGU, region: 'Тверская область', sector: 'government', year: 2024 });
    expect(body.indicators.length).toBeGreaterThan(0);
    for (const r of body.indicators) {
      expect(r.regionId).toBe('tver');
      expect(r.sector).toBe('government');
      expect(r.values.map((v) => v.year)).toEqual([2024]);
    }
    expect(body.missingRegions).toEqual([]);
  });

  it('returns k indicator groups with all their rows', async () => {
    const { body } = await find({ q: EPGU, k: 2 });
    expect(new Set(body.indicators.map((r) => r.groupId)).size).toBe(2);
  });

  it('says so when nothing matches', async () => {
    const { body } = await find({ q: 'футбольный чемпионат мира' });
    expect(body.indicators).toEqual([]);
    expect(body.missingRegions).toHaveLength(6);
  });

  it('GET /api/indicators/:id returns one row; an unknown id is a 404 naming id', async () => {
    const { body } = await find({ q: EPGU, k: 1 });
    const first = body.indicators[0]!;
    const one = await getJson<{ indicator: IndicatorResult }>(base, `/api/indicators/${first.id}`);
    expect(one.status).toBe(200);
    expect(one.body.indicator).toMatchObject({ id: first.id, name: first.name, groupId: first.groupId, citation: first.citation });
    const missing = await getJson<ErrorBody>(base, '/api/indicators/no-such-row');
    expect(missing.status).toBe(404);
    expect(missing.body.field).toBe('id');
  });

  it('is in the OpenAPI document with its parameters', async () => {
    const { body } = await getJson<{ paths: Record<string, Record<string, { parameters?: { name: string }[] }>> }>(base, '/openapi.json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/indicators', '/api/indicators/{id}']));
    expect(body.paths['/api/indicators']!.get!.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['q', 'region', 'sector', 'year', 'k']));
  });

  it.each([
    ['missing q', {}, 'q'],
    ['blank q', { q: '  ' }, 'q'],
    ['year not a number', { q: 'школы', year: 'скоро' }, 'year'],
    ['year out of range', { q: 'школы', year: 3024 }, 'year'],
    ['k=0', { q: 'школы', k: 0 }, 'k'],
    ['k too large', { q: 'школы', k: 1000 }, 'k'],
    ['unknown region', { q: 'школы', region: 'atlantis' }, 'region'],
    ['unknown sector', { q: 'школы', sector: 'space' }, 'sector'],
    ['unknown parameter', { q: 'школы', yaer: 2024 }, 'yaer'],
  ])('%s → 400 naming the field', async (_name, params, field) => {
    const { status, body } = await getJson<ErrorBody>(base, `/api/indicators?${q(params as Record<string, string>)}`);
    expect(status).toBe(400);
    expect(body.field).toBe(field);
    expect(body.message).toContain(field);
  });
});

describe('POST /api/ask with a question about targets', () => {
  it('answers with the indicator rows as a cited table instead of table fragments', async () => {
    const { status, body } = await postJson<AskResponse & { indicators?: TargetsTable }>(base, '/api/ask', {
      question: 'Какие целевые значения доли массовых социально значимых услуг в электронном виде к 2024 году?',
    });
    expect(status).toBe(200);
    const table = body.indicators!;
    expect(table.year).toBe(2024);
    expect(table.years).toEqual([2022, 2023, 2024]);
    expect(new Set(table.indicators.map((r) => r.regionId))).toEqual(new Set(BUNDLED_REGIONS));
    expect(table.markdown).toMatch(/^\| Регион \| Показатель \| Ед\. изм\. \| 2022 \| 2023 \| 2024 \| Источник \|/u);
    expect(table.markdown).toMatch(/\| Тюменская область \| Доля массовых социально значимых[^|]*\|[^|]*\| 55 \| 75 \| 95 \| \[\d+\] \|/u);
    expect(table.markdown).toMatch(/\n\[1\] «Стратегия/u);
    // Regions answered by rows carry no fragments of the same tables.
    const rowPassages = new Set(server.index.indicators.map((r) => r.passageId));
    for (const region of body.answer) {
      if (BUNDLED_REGIONS.includes(region.regionId)) {
        expect(region.found).toBe(true);
        for (const p of region.points) expect(rowPassages.has(p.passageId)).toBe(false);
      }
    }
  });

  it('leaves other questions as they were', async () => {
    const { body } = await postJson<AskResponse & { indicators?: TargetsTable }>(base, '/api/ask', { question: 'Как регионы развивают телемедицину?' });
    expect(body.indicators).toBeUndefined();
  });
});
