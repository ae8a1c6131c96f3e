/**
 * Entry point: owns the view state (mirrored in the URL), wires the form, filters and tabs to the views,
 * and restores the view on back/forward.
 */
import { SECTORS, type Sector } from '../../indexer/types.js';
import { getRegions } from './api/client.js';
import type { RegionInfo, SearchMode, SearchResult } from './api/types.js';
import { formatQuote, type ClipboardPayload } from './copy/citation-formats.js';
import { copyPayload } from './copy/clipboard.js';
import { askKey, indicatorsKey, parseState, searchKey, serializeState, type Tab, type ViewState } from './state/url-state.js';
import { byId, h, replaceChildren } from './ui/dom.js';
import type { PassageActions } from './ui/passage-card.js';
import { toast } from './ui/toast.js';
import { AskView } from './views/ask-view.js';
import { FiltersView } from './views/filters.js';
import { IndicatorsView } from './views/indicators-view.js';
import { PassageDialog } from './views/passage-dialog.js';
import { SearchView } from './views/search-view.js';

const form = byId<HTMLFormElement>('query-form');
const input = byId<HTMLInputElement>('q');
const qLabel = byId('q-label');
const submit = byId<HTMLButtonElement>('submit');
const hint = byId('q-hint');
const modes = byId<HTMLFieldSetElement>('modes');
const tabs: Record<Tab, HTMLButtonElement> = { search: byId('tab-search'), ask: byId('tab-ask'), indicators: byId('tab-indicators') };
const TAB_ORDER: Tab[] = ['search', 'ask', 'indicators'];
const resultsArea = byId('results-area');

let state: ViewState = parseState(location.search);
/** What is on screen: `tab|key`. A different value means the view must be fetched again. */
let renderedKey = '';
let regions: RegionInfo[] = [];
let sectors: Sector[] = [...SECTORS];
/** Last results by id, so a passage opened in context keeps its highlighted matches. */
const knownResults = new Map<string, SearchResult>();
/** Set by "similar" so the dialog loads similar passages once it opens. */
let similarRequested: string | null = null;

/** `done` completes "… скопирована/скопированы": the toast says what landed on the clipboard. */
async function copy(payload: ClipboardPayload, asMarkdown: boolean, done: string): Promise<void> {
  const result = await copyPayload(payload, asMarkdown);
  if (result === 'failed') toast('Не удалось скопировать: браузер не дал доступ к буферу обмена.', 'error');
  else toast(`${done}${asMarkdown ? ' (Markdown)' : ''}.`);
}

const actions: PassageActions = {
  open: (id) => navigate({ passage: id }),
  similar: (id) => {
    similarRequested = id;
    if (state.passage === id) void dialog.show(id, true);
    else navigate({ passage: id });
  },
  copy: (result, asMarkdown) => void copy(formatQuote({ text: result.text, citation: result.citation }), asMarkdown, 'Цитата со ссылкой на источник скопирована'),
};

const searchView = new SearchView({
  actions,
  regions: () => regions,
  sectors: () => sectors,
  navigate: (patch) => navigate(patch),
  copyAll: (payload) => void copy(payload, false, 'Все цитаты со ссылками скопированы'),
  remember: (results) => {
    knownResults.clear();
    for (const r of results) knownResults.set(r.id, r);
  },
});
const askView = new AskView({
  openPassage: (id) => navigate({ passage: id }),
  navigate: (patch) => navigate(patch),
  copy: (payload) => void copy(payload, false, 'Ответ со ссылками на источники скопирован'),
});
const indicatorsView = new IndicatorsView({
  openPassage: (id) => navigate({ passage: id }),
  navigate: (patch) => navigate(patch),
  copy: (payload, kind, done) =>
    void (async () => {
      const text = kind === 'markdown' ? payload.markdown : payload.plain;
      const result = await copyPayload(kind === 'rich' ? payload : { ...payload, markdown: text }, kind !== 'rich');
      if (result === 'failed') toast('Не удалось скопировать: браузер не дал доступ к буферу обмена.', 'error');
      else toast(`${done}.`);
    })(),
});
const dialog = new PassageDialog({
  actions,
  knownResult: (id) => knownResults.get(id),
  onClosed: () => {
    // Closing is not a navigation: drop the passage from the current history entry.
    state = { ...state, passage: null };
    history.replaceState(null, '', serializeState(state) || location.pathname);
  },
});
const filters = new FiltersView((values) => navigate(values));

/** Applies a change the user made: new history entry, then render. */
function navigate(patch: Partial<ViewState>, force = false): void {
  const next: ViewState = { ...state, ...patch };
  const url = serializeState(next);
  if (url !== location.search) history.pushState(null, '', url || location.pathname);
  apply(next, force);
}

function apply(next: ViewState, force = false): void {
  state = next;
  syncControls();
  const key = state.tab === 'search' ? `search|${searchKey(state)}` : state.tab === 'ask' ? `ask|${askKey(state)}` : `indicators|${indicatorsKey(state)}`;
  if (force || key !== renderedKey) {
    renderedKey = key;
    if (state.tab !== 'ask') askView.abort();
    if (state.tab !== 'search') searchView.abort();
    if (state.tab !== 'indicators') indicatorsView.abort();
    if (!state.q) {
      if (state.tab === 'search') searchView.showIntro();
      else if (state.tab === 'ask') askView.showIntro();
      else indicatorsView.showIntro();
    } else if (state.tab === 'search') {
      void searchView.run(state);
    } else if (state.tab === 'ask') {
      void askView.run(state);
    } else {
      void indicatorsView.run(state);
    }
  }
  if (state.passage) {
    const withSimilar = similarRequested === state.passage;
    similarRequested = null;
    if (dialog.openId !== state.passage || withSimilar) void dialog.show(state.passage, withSimilar);
  } else {
    dialog.close();
  }
}

function syncControls(): void {
  const isSearch = state.tab === 'search';
  input.value = state.q;
  for (const radio of modes.querySelectorAll<HTMLInputElement>('input[name=mode]')) radio.checked = radio.value === state.mode;
  modes.hidden = !isSearch;
  const isIndicators = state.tab === 'indicators';
  qLabel.textContent = isSearch ? 'Что ищем в стратегиях?' : isIndicators ? 'Какой показатель сравнить?' : 'Ваш вопрос';
  input.placeholder = isSearch
    ? 'например: телемедицина в районных больницах'
    : isIndicators
      ? 'например: доля услуг в электронном виде'
      : 'например: как регионы развивают телемедицину?';
  submit.textContent = isSearch || isIndicators ? 'Найти' : 'Спросить';
  hint.textContent = isSearch
    ? 'Enter — искать. Регион в запросе («в Тверской области») станет фильтром.'
    : isIndicators
      ? 'Enter — найти показатели и целевые значения по годам во всех регионах.'
      : 'Enter — спросить. Ответ — предложения из стратегий с номерами источников.';
  for (const [tab, el] of Object.entries(tabs) as [Tab, HTMLButtonElement][]) {
    const selected = tab === state.tab;
    el.setAttribute('aria-selected', String(selected));
    el.tabIndex = selected ? 0 : -1;
  }
  resultsArea.setAttribute('aria-labelledby', tabs[state.tab].id);
  filters.set({ regions: state.regions, documents: state.documents, sectors: state.sectors });
  document.title = state.q
    ? `«${state.q}» — ${isSearch ? 'поиск' : isIndicators ? 'показатели' : 'вопрос'} по стратегиям регионов`
    : 'Стратегии цифровой трансформации регионов — поиск и ответы';
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = input.value.trim();
  if (!q) {
    replaceChildren(byId('status'), h('p', { class: 'error-text', attrs: { role: 'alert' } },
      state.tab === 'search' ? 'Введите, что искать: хотя бы одно слово.' : 'Введите вопрос.'));
    input.focus();
    return;
  }
  const mode = (modes.querySelector<HTMLInputElement>('input[name=mode]:checked')?.value ?? 'hybrid') as SearchMode;
  // Enter on the same query searches again (e.g. after an error).
  navigate({ q, mode, passage: null, detectRegions: q === state.q ? state.detectRegions : true }, true);
});

modes.addEventListener('change', () => {
  const mode = (modes.querySelector<HTMLInputElement>('input[name=mode]:checked')?.value ?? 'hybrid') as SearchMode;
  const q = input.value.trim();
  navigate({ mode, q: q || state.q, passage: null });
});

for (const [tab, el] of Object.entries(tabs) as [Tab, HTMLButtonElement][]) {
  el.addEventListener('click', () => {
    if (state.tab !== tab) navigate({ tab, q: input.value.trim() || state.q, passage: null });
  });
  // Arrow keys move between tabs (WAI-ARIA tabs pattern).
  el.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const step = event.key === 'ArrowRight' ? 1 : TAB_ORDER.length - 1;
    const other: Tab = TAB_ORDER[(TAB_ORDER.indexOf(tab) + step) % TAB_ORDER.length]!;
    tabs[other].focus();
    navigate({ tab: other, q: input.value.trim() || state.q, passage: null });
  });
}

window.addEventListener('popstate', () => apply(parseState(location.search)));

async function start(): Promise<void> {
  // The filters start closed (index.html) and open only on wide screens: on a phone they would push every
  // result below the fold, and opening them after the first paint would make the page jump.
  byId<HTMLDetailsElement>('filters-details').open = !window.matchMedia('(max-width: 760px)').matches;
  try {
    const info = await getRegions();
    regions = info.regions;
    sectors = info.sectors.map((s) => s.sector);
    filters.renderOptions(regions, sectors);
  } catch (err) {
    filters.showLoadError(err instanceof Error ? err.message : String(err));
  }
  history.replaceState(null, '', serializeState(state) || location.pathname);
  apply(state, true);
  document.documentElement.dataset.ready = 'true';
}

void start();
