/** Thin fetch client for the server's JSON API. Every call returns normalised shapes or throws `ApiError`. */
import type { Sector } from '../../../indexer/types.js';
import {
  normalizeAsk,
  normalizePassageContext,
  normalizeRegions,
  normalizeSearch,
  normalizeSimilar,
  type AskResponse,
  type PassageContext,
  type RegionsResponse,
  type SearchMode,
  type SearchResponse,
  type SimilarResponse,
} from './types.js';

/** An error the UI can show as is: `message` is already a sentence for the user (in Russian where we wrote it). */
export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function request(path: string, init: RequestInit = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('Сервер не отвечает. Проверьте, что он запущен (npm start), и повторите.', 0);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const serverMessage =
      typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string' ? body.message : '';
    throw new ApiError(serverMessage || `Сервер ответил ошибкой ${response.status} ${response.statusText}.`, response.status);
  }
  return body;
}

export interface SearchParams {
  q: string;
  mode: SearchMode;
  k: number;
  regions: readonly string[];
  /** Document ids (a region's strategy and its revision searched apart); empty = all. */
  documents?: readonly string[];
  sectors: readonly Sector[];
  groupBy?: 'region';
  /** false switches off recognising region names in the query text. */
  detectRegions?: boolean;
}

export async function search(params: SearchParams, signal?: AbortSignal): Promise<SearchResponse> {
  const qs = new URLSearchParams({ q: params.q, mode: params.mode, k: String(params.k) });
  // Several regions or sectors travel comma-separated: `region=tver,tyumen`.
  if (params.regions.length > 0) qs.set('region', params.regions.join(','));
  if (params.documents && params.documents.length > 0) qs.set('document', params.documents.join(','));
  if (params.sectors.length > 0) qs.set('sector', params.sectors.join(','));
  if (params.groupBy) qs.set('groupBy', params.groupBy);
  if (params.detectRegions === false) qs.set('detectRegions', 'false');
  return normalizeSearch(await request(`/api/search?${qs.toString()}`, { signal }));
}

export interface AskParams {
  question: string;
  regions: readonly string[];
  documents?: readonly string[];
  sectors: readonly Sector[];
  detectRegions: boolean;
  perRegion?: number;
}

export async function ask(params: AskParams, signal?: AbortSignal): Promise<AskResponse> {
  const payload: Record<string, unknown> = { question: params.question };
  if (params.regions.length > 0) payload.regions = params.regions;
  if (params.documents && params.documents.length > 0) payload.documents = params.documents;
  if (params.sectors.length > 0) payload.sectors = params.sectors;
  if (!params.detectRegions) payload.detectRegions = false;
  if (params.perRegion) payload.perRegion = params.perRegion;
  return normalizeAsk(
    await request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal,
    }),
  );
}

export async function getRegions(signal?: AbortSignal): Promise<RegionsResponse> {
  return normalizeRegions(await request('/api/regions', { signal }));
}

export async function getPassage(id: string, signal?: AbortSignal): Promise<PassageContext> {
  return normalizePassageContext(await request(`/api/passages/${encodeURIComponent(id)}`, { signal }));
}

export async function getSimilar(id: string, k: number, signal?: AbortSignal): Promise<SimilarResponse> {
  const qs = new URLSearchParams({ k: String(k), otherRegions: 'true' });
  return normalizeSimilar(await request(`/api/passages/${encodeURIComponent(id)}/similar?${qs.toString()}`, { signal }));
}
