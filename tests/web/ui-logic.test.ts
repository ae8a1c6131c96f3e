/**
 * The UI's pure logic (no browser): URL state, highlight segments, clipboard formats, heat-map counts, API shapes.
 * The end-to-end behaviour is covered in `ui.e2e.test.ts` against the real server.
 */
import { describe, expect, it } from 'vitest';
import type { Sector } from '../../indexer/types.js';
import { searchResponseSchema } from '../../server/schemas/search.js';
import { detectedRegions, type SearchResponse, type SearchResult } from '../../web/src/api/types.js';
import { escapeHtml, formatAll, formatQuote } from '../../web/src/copy/citation-formats.js';
import { DEFAULT_STATE, parseState, searchKey, serializeState } from '../../web/src/state/url-state.js';
import { embedderNote, plural, translationNote } from '../../web/src/ui/format.js';
import { segments } from '../../web/src/ui/highlight.js';
import { computeHeatmap, heatLevel, shortRegionName } from '../../web/src/views/heatmap.js';

describe('URL state', () => {
  it('round-trips every field and leaves defaults out', () => {
    const state = {
      ...DEFAULT_STATE,
      tab: 'ask' as const,
      q: 'телемедицина в районах',
      mode: 'keyword' as const,
      regions: ['tver', 'tyumen'],
      sectors: ['health' as const],
      detectRegions: false,
      passage: 'tver-0042',
    };
    const qs = serializeState(state);
    expect(qs).toContain('region=tver%2Ctyumen');
    expect(parseState(qs)).toEqual(state);
    expect(serializeState(DEFAULT_STATE)).toBe('');
  });

  it('accepts repeated params, drops unknown sectors and modes', () => {
    const state = parseState('?q=x&region=tver&region=tyumen,tver&sector=health,nonsense&mode=fast');
    expect(state.regions).toEqual(['tver', 'tyumen']);
    expect(state.sectors).toEqual(['health']);
    expect(state.mode).toBe('hybrid');
  });

  it('search key ignores filter order and the open passage', () => {
    const a = { ...DEFAULT_STATE, q: 'x', regions: ['a', 'b'] };
    expect(searchKey(a)).toBe(searchKey({ ...a, regions: ['b', 'a'], passage: 'p1' }));
    expect(searchKey(a)).not.toBe(searchKey({ ...a, mode: 'semantic' }));
  });
});

describe('highlight segments', () => {
  it('merges overlapping ranges and clips ranges outside the text', () => {
    expect(segments('цифровая школа', [[0, 4], [2, 8], [9, 99], [-5, 0]])).toEqual([
      { text: 'цифровая', marked: true },
      { text: ' ', marked: false },
      { text: 'школа', marked: true },
    ]);
  });

  it('keeps the text exactly when concatenated', () => {
    const text = '<b>не тег</b> & текст';
    const joined = segments(text, [[3, 5], [14, 20]]).map((s) => s.text).join('');
    expect(joined).toBe(text);
  });
});

describe('clipboard formats', () => {
  const quote = { text: 'Строка 1 <b>&\nСтрока 2', citation: '«Стратегия», Тверская область, раздел 4.2, с. 5' };

  it('plain text carries the exact corpus text and the citation', () => {
    const { plain } = formatQuote(quote);
    expect(plain).toContain(quote.text);
    expect(plain).toContain(quote.citation);
  });

  it('markdown quotes every line', () => {
    expect(formatQuote(quote).markdown).toBe('> Строка 1 <b>&\n> Строка 2\n>\n> — «Стратегия», Тверская область, раздел 4.2, с. 5');
  });

  it('HTML escapes the text and keeps line breaks', () => {
    const { html } = formatQuote(quote);
    expect(html).toContain('Строка 1 &#60;b&#62;&#38;<br>Строка 2');
    expect(html).toContain(escapeHtml(quote.citation));
    expect(html).not.toContain('<b>');
  });

  it('copy-all numbers quotes across groups and skips empty groups', () => {
    const all = formatAll('Поиск «x»', [
      { title: 'Тверская область', quotes: [quote, quote] },
      { title: 'Пусто', quotes: [] },
      { title: 'Тюменская область', quotes: [quote] },
    ]);
    expect(all.plain).toContain('3. «');
    expect(all.plain).not.toContain('Пусто');
    expect(all.html.match(/<blockquote/g)).toHaveLength(3);
  });
});

/** A search response as the server sends it (checked against its schema), with these groups. */
function searchResponse(fields: Partial<SearchResponse>): SearchResponse {
  return searchResponseSchema.parse({
    query: 'x',
    mode: 'hybrid',
    embedder: { id: 'offline-concept@1', kind: 'offline', description: '' },
    tookMs: 1,
    appliedFilters: { regions: [], documents: [], sectors: [], queryText: 'x', expansions: [], translations: [], detectRegions: true },
    results: [],
    ...fields,
  });
}

describe('heat-map', () => {
  let n = 0;
  const result = (regionId: string, sector: Sector, relevant = true): SearchResult => ({
    id: `${regionId}-${sector}-${n++}`,
    score: 0.5,
    region: regionId,
    regionId,
    document: { id: 'd', title: 'D' },
    section: { number: '', title: '', path: '' },
    sector,
    sectorLabel: sector,
    page: null,
    pageEnd: null,
    kind: 'text',
    text: 't',
    highlights: [],
    citation: '',
    relevance: relevant ? 1 : 0,
    relevant,
  });

  it('counts relevant passages per region and sector; missing regions count zero', () => {
    const response = searchResponse({
      groups: [
        { regionId: 'a', region: 'A', found: true, results: [result('a', 'health'), result('a', 'health'), result('a', 'urban'), result('a', 'urban', false)] },
        { regionId: 'b', region: 'B', found: false, results: [] },
      ],
      missingRegions: [{ regionId: 'b', region: 'B' }],
    });
    const data = computeHeatmap(response, [{ regionId: 'a', region: 'A' }, { regionId: 'b', region: 'B' }], ['health', 'urban']);
    expect(data.counts.get('a')?.get('health')).toBe(2);
    expect(data.counts.get('a')?.get('urban')).toBe(1);
    expect(data.counts.get('b')).toBeUndefined();
    expect(data.max).toBe(2);
    expect(data.total).toBe(3);
    expect(data.regions.map((r) => r.regionId)).toEqual(['a', 'b']);
  });

  it('maps counts to five levels', () => {
    expect([0, 1, 5, 10].map((n) => heatLevel(n, 10))).toEqual([0, 1, 2, 4]);
  });

  it('shortens region names for row labels', () => {
    expect(shortRegionName('Тверская область')).toBe('Тверская обл.');
    expect(shortRegionName('Луганская Народная Республика')).toBe('Луганская Нар. Респ.');
  });
});

describe('API shapes', () => {
  it('reads the regions the server recognised in the query, not the ones sent as parameters', () => {
    const response = searchResponse({
      appliedFilters: {
        regions: [
          { regionId: 'tver', region: 'Тверская область', source: 'query', matchedText: 'в Тверской области' },
          { regionId: 'tyumen', region: 'Тюменская область', source: 'parameter' },
        ],
        documents: [],
        sectors: [{ sector: 'health', label: 'Здравоохранение' }],
        queryText: 'x',
        expansions: [{ from: 'ЦОД', to: 'центр обработки данных' }],
        translations: [],
        detectRegions: true,
      },
    });
    expect(detectedRegions(response.appliedFilters.regions)).toEqual([{ regionId: 'tver', region: 'Тверская область', source: 'query', matchedText: 'в Тверской области' }]);
  });
});

describe('Russian wording', () => {
  it('plural forms', () => {
    const forms = ['фрагмент', 'фрагмента', 'фрагментов'] as const;
    expect([1, 2, 5, 11, 21, 22, 112].map((n) => plural(n, forms))).toEqual([
      'фрагмент', 'фрагмента', 'фрагментов', 'фрагментов', 'фрагмент', 'фрагмента', 'фрагментов',
    ]);
  });

  it('shows how a question in another language was translated, and nothing when it was not', () => {
    expect(translationNote([{ from: 'teachers', to: 'учителей, педагогов' }, { from: 'roads', to: 'дорог' }])).toBe(
      'Вопрос на другом языке: искали по словам стратегий — teachers → учителей, педагогов; roads → дорог.',
    );
    expect(translationNote([])).toBe('');
  });

  it('says which embedder answered', () => {
    expect(embedderNote('hybrid', { id: 'offline-concept@1', kind: 'offline', description: 'Offline concepts' })).toBe(
      'Смысловой поиск: офлайн-модель (без нейросети).',
    );
    expect(embedderNote('keyword', null)).toContain('не использовался');
    expect(embedderNote('semantic', { id: 'e5', kind: 'transformers', description: 'multilingual-e5-small' })).toContain('нейросеть');
  });
});
