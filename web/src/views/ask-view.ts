/**
 * Ask tab: the extractive answer of POST /api/ask — per region the sentences that best answer the question,
 * each with a numbered citation that opens its passage; regions without an answer say so.
 */
import { ask } from '../api/client.js';
import { detectedRegions, type AskRegionAnswer, type AskResponse } from '../api/types.js';
import { formatAll, type ClipboardPayload } from '../copy/citation-formats.js';
import type { ViewState } from '../state/url-state.js';
import { button, byId, h, replaceChildren, setPhase } from '../ui/dom.js';
import { errorBox } from '../ui/error-box.js';
import { embedderNote, regionsLocative, shortQuery, translationNote } from '../ui/format.js';
import { askTargetsSection } from './ask-targets.js';

export const EXAMPLE_QUESTIONS = [
  'Как регионы развивают телемедицину?',
  'Какие цифровые сервисы планируются в школах?',
  'Что делается для цифровизации общественного транспорта?',
];

export interface AskViewDeps {
  openPassage(id: string): void;
  navigate(patch: Partial<ViewState>): void;
  copy(payload: ClipboardPayload): void;
}

export class AskView {
  private readonly status = byId('status');
  private readonly results = byId('results');
  private readonly area = byId('results-area');
  private readonly heatmapBox = byId('heatmap');
  private controller: AbortController | null = null;

  constructor(private readonly deps: AskViewDeps) {}

  /** Stops a request in flight (the user switched tabs). */
  abort(): void {
    this.controller?.abort();
  }

  showIntro(): void {
    this.controller?.abort();
    this.heatmapBox.hidden = true;
    setPhase(this.area, 'intro');
    replaceChildren(this.status);
    replaceChildren(
      this.results,
      h(
        'section',
        { class: 'intro' },
        h('h2', null, 'Спросите, что делают регионы'),
        h('p', null, 'Ответ собирается из предложений самих стратегий: для каждого региона — самые подходящие, с нумерованными ссылками на источник. Если в стратегии региона ответа нет, так и будет написано.'),
        h(
          'ul',
          { class: 'examples' },
          EXAMPLE_QUESTIONS.map((q) => h('li', null, button(q, () => this.deps.navigate({ q, passage: null }), { class: 'btn btn-chip' }))),
        ),
      ),
    );
  }

  async run(state: ViewState): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    setPhase(this.area, 'loading');
    // The heat-map belongs to search results; the answer has its own per-region layout.
    this.heatmapBox.hidden = true;
    replaceChildren(this.status, h('p', { class: 'loading' }, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), `Ищем ответ на вопрос «${shortQuery(state.q)}»…`));
    replaceChildren(this.results);
    try {
      const response = await ask({ question: state.q, regions: state.regions, documents: state.documents, sectors: state.sectors, detectRegions: state.detectRegions }, controller.signal);
      if (controller.signal.aborted) return;
      this.render(state, response);
      setPhase(this.area, 'done');
    } catch (err) {
      if (controller.signal.aborted) return;
      setPhase(this.area, 'error');
      replaceChildren(this.status, errorBox('Не удалось ответить на вопрос', err, () => void this.run(state)));
    }
  }

  private render(state: ViewState, response: AskResponse): void {
    // Citations are numbered once per answer, in order of first appearance.
    const numbers = new Map<string, number>();
    const citations: { n: number; passageId: string; citation: string; region: string }[] = [];
    for (const region of response.answer) {
      for (const p of region.points) {
        if (!numbers.has(p.passageId)) {
          numbers.set(p.passageId, numbers.size + 1);
          citations.push({ n: numbers.size, passageId: p.passageId, citation: p.citation, region: region.region });
        }
      }
    }
    const found = response.answer.filter((a) => a.found && a.points.length > 0);
    const detected = detectedRegions(response.appliedFilters.regions);
    const notFound = response.answer.filter((a) => !a.found || a.points.length === 0);

    replaceChildren(
      this.status,
      h(
        'div',
        { class: 'status-line' },
        h(
          'p',
          { class: 'status-summary' },
          `Ответ найден в ${found.length} ${regionsLocative(found.length)} из ${response.answer.length}`,
          response.tookMs > 0 && ` · ${Math.round(response.tookMs)} мс`,
        ),
        h('p', { class: 'embedder-note' }, 'Ответ составлен из предложений стратегий без перефразирования; номера в скобках открывают источник.'),
        h('p', { class: 'embedder-note', attrs: { 'data-embedder-kind': response.embedder?.kind ?? '' } }, embedderNote('hybrid', response.embedder)),
        response.appliedFilters.translations.length > 0 &&
          h('p', { class: 'embedder-note', attrs: { 'data-note': 'translation' } }, translationNote(response.appliedFilters.translations)),
        detected.length > 0 &&
          h(
            'p',
            { class: 'detected' },
            `Регион распознан в вопросе: ${detected.map((r) => r.region).join(', ')} — отвечаем только по нему. `,
            button('Спросить все регионы', () => this.deps.navigate({ detectRegions: false }), { class: 'btn btn-small btn-quiet', attrs: { 'data-action': 'drop-detected-region' } }),
          ),
      ),
    );

    const citeButton = (passageId: string): HTMLElement => {
      const n = numbers.get(passageId) ?? 0;
      const entry = citations[n - 1];
      return button(`[${n}]`, () => this.deps.openPassage(passageId), {
        class: 'cite-ref',
        attrs: { 'aria-label': `Источник ${n}: ${entry?.citation ?? ''}. Открыть фрагмент`, 'data-passage-id': passageId },
      });
    };

    const copyRegion = (a: AskRegionAnswer): void => {
      this.deps.copy(formatAll(`${state.q} — ${a.region}`, [{ title: a.region, quotes: a.points.map((p) => ({ text: p.text, citation: p.citation })) }]));
    };

    const targets = response.indicators;
    replaceChildren(
      this.results,
      // Questions about targets: the indicator rows first, as a table (the points below exclude those tables).
      targets && askTargetsSection(targets, (id) => this.deps.openPassage(id), () => this.deps.navigate({ tab: 'indicators', passage: null })),
      response.summary &&
        h(
          'section',
          { class: 'ask-summary' },
          h('h2', null, 'Краткая сводка'),
          h('p', null, response.summary.text),
          h('p', { class: 'muted' }, `Сводка сгенерирована языковой моделью${response.summary.model ? ` ${response.summary.model}` : ''} только по найденным фрагментам; проверяйте по источникам.`),
        ),
      found.length > 0 &&
        h(
          'div',
          { class: 'results-toolbar' },
          h('p', { class: 'results-count' }, `Вопрос: «${shortQuery(response.question || state.q)}»`),
          button('Скопировать весь ответ', () =>
            this.deps.copy(
              formatAll(
                `Вопрос: ${response.question || state.q}`,
                found.map((a) => ({ title: a.region, quotes: a.points.map((p) => ({ text: p.text, citation: p.citation })) })),
              ),
            ), { class: 'btn btn-small', attrs: { 'data-action': 'copy-all' } }),
        ),
      [...found, ...notFound].map((a) =>
        h(
          'section',
          { class: `answer-region${a.found && a.points.length > 0 ? '' : ' is-empty'}`, attrs: { 'data-region-id': a.regionId, 'aria-labelledby': `answer-${a.regionId}` } },
          h('h2', { class: 'region-title', attrs: { id: `answer-${a.regionId}` } }, a.region),
          a.found && a.points.length > 0
            ? [
                h(
                  'ol',
                  { class: 'answer-points' },
                  a.points.map((p) => h('li', null, h('span', { class: 'point-text' }, p.text), ' ', citeButton(p.passageId))),
                ),
                button('Копировать ответ региона', () => copyRegion(a), { class: 'btn btn-small btn-quiet' }),
              ]
            : targets?.indicators.some((r) => r.regionId === a.regionId)
              ? h('p', { class: 'muted' }, 'Целевые значения региона — в таблице выше.')
              : h('p', { class: 'muted not-found' }, 'В стратегии региона ответа на этот вопрос не нашлось.'),
        ),
      ),
      notFound.length === response.answer.length &&
        !targets &&
        h('p', { class: 'empty-box' }, 'Ни одна стратегия не отвечает на этот вопрос. Попробуйте сформулировать его иначе или поищите на вкладке «Поиск».'),
      citations.length > 0 &&
        h(
          'section',
          { class: 'sources', attrs: { 'aria-labelledby': 'sources-title' } },
          h('h2', { attrs: { id: 'sources-title' } }, 'Источники'),
          h(
            'ol',
            { class: 'source-list' },
            citations.map((c) =>
              h(
                'li',
                { attrs: { id: `source-${c.n}` } },
                h('span', null, c.citation || c.region),
                ' ',
                button('Открыть фрагмент', () => this.deps.openPassage(c.passageId), { class: 'btn btn-small btn-quiet', attrs: { 'data-passage-id': c.passageId } }),
              ),
            ),
          ),
        ),
    );
  }
}
