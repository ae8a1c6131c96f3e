/**
 * The view lives in the URL so a link reproduces it and back/forward restore it:
 * `?tab=ask&q=…&mode=keyword&region=tver,tyumen&doc=tyumen-revision-2024&sector=health&p=<passage id>`.
 * Defaults (search tab, hybrid mode, no filters) are left out to keep links short.
 */
import { SECTORS, type Sector } from '../../../indexer/types.js';
import { SEARCH_MODES, type SearchMode } from '../api/types.js';

export type Tab = 'search' | 'ask' | 'indicators';

export interface ViewState {
  tab: Tab;
  /** The search query or, on the ask tab, the question. */
  q: string;
  mode: SearchMode;
  regions: string[];
  /** Documents searched (ids), when a region has several and the user picked some; empty = every document. */
  documents: string[];
  sectors: Sector[];
  /** false when the user removed the region the server recognised in the query. */
  detectRegions: boolean;
  /** Passage open in the reading dialog. */
  passage: string | null;
  /** «Показатели» tab: only values of this year. */
  year: number | null;
}

export const DEFAULT_STATE: ViewState = {
  tab: 'search',
  q: '',
  mode: 'hybrid',
  regions: [],
  documents: [],
  sectors: [],
  detectRegions: true,
  passage: null,
  year: null,
};

function list(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v, i, all) => v !== '' && all.indexOf(v) === i);
}

export function parseState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const mode = params.get('mode') ?? '';
  return {
    tab: params.get('tab') === 'ask' ? 'ask' : params.get('tab') === 'indicators' ? 'indicators' : 'search',
    q: (params.get('q') ?? '').trim(),
    mode: (SEARCH_MODES as readonly string[]).includes(mode) ? (mode as SearchMode) : 'hybrid',
    regions: list(params, 'region'),
    documents: list(params, 'doc'),
    sectors: list(params, 'sector').filter((s): s is Sector => (SECTORS as readonly string[]).includes(s)),
    detectRegions: params.get('detect') !== '0',
    passage: params.get('p') || null,
    year: /^\d{4}$/.test(params.get('year') ?? '') ? Number(params.get('year')) : null,
  };
}

export function serializeState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.tab !== 'search') params.set('tab', state.tab);
  if (state.q) params.set('q', state.q);
  if (state.mode !== 'hybrid') params.set('mode', state.mode);
  if (state.regions.length > 0) params.set('region', state.regions.join(','));
  if (state.documents.length > 0) params.set('doc', state.documents.join(','));
  if (state.sectors.length > 0) params.set('sector', state.sectors.join(','));
  if (!state.detectRegions) params.set('detect', '0');
  if (state.year !== null) params.set('year', String(state.year));
  if (state.passage) params.set('p', state.passage);
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** Identifies the search a state asks for; equal keys mean the results on screen are still valid. */
export function searchKey(state: ViewState): string {
  return JSON.stringify([state.q, state.mode, [...state.regions].sort(), [...state.documents].sort(), [...state.sectors].sort(), state.detectRegions]);
}

export function indicatorsKey(state: ViewState): string {
  return JSON.stringify([state.q, [...state.regions].sort(), [...state.documents].sort(), [...state.sectors].sort(), state.year]);
}

export function askKey(state: ViewState): string {
  return searchKey({ ...state, mode: 'hybrid' });
}
