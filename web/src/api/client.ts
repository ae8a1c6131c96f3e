/**
 * Thin fetch client for the server's JSON API. Responses come back typed by the server's own schemas (types.ts);
 * they are not parsed again here: zod in the bundle would make it 6× larger (55.7 → 435 KB, 17.6 → 108.8 KB
 * gzip), and the server's route types already hold its answers to those schemas. Errors throw `ApiError`.
 */
import type { Sector } from '../../../indexer/types.js';
import type { AskResponse, IndicatorsResponse, PassageContext, RegionsResponse, SearchMode, SearchResponse, SimilarResponse } from './types.js';

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

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
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
  if (typeof body !== 'object' || body === null) throw new ApiError('Сервер прислал ответ неожиданного вида. Обновите страницу.', response.status);
  return body as T;
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
  return request<SearchResponse>(`/api/search?${qs.toString()}`, { signal });
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
  return request<AskResponse>('/api/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    signal,
  });
}

export async function getRegions(signal?: AbortSignal): Promise<RegionsResponse> {
  return request<RegionsResponse>('/api/regions', { signal });
}

export async function getPassage(id: string, signal?: AbortSignal): Promise<PassageContext> {
  return request<PassageContext>(`/api/passages/${encodeURIComponent(id)}`, { signal });
}

export async function getSimilar(id: string, k: number, signal?: AbortSignal): Promise<SimilarResponse> {
  const qs = new URLSearchParams({ k: String(k), otherRegions: 'true' });
  return request<SimilarResponse>(`/api/passages/${encodeURIComponent(id)}/similar?${qs.toString()}`, { signal });
}

export interface IndicatorsParams {
  q: string;
  regions: readonly string[];
  /** Document ids; empty = all. */
  documents?: readonly string[];
  sectors: readonly Sector[];
  year: number | null;
  k: number;
}

/** Query string of an indicators request; the same parameters as the page URL uses. */
export function indicatorsQuery(params: IndicatorsParams): string {
  const qs = new URLSearchParams({ q: params.q, k: String(params.k) });
  if (params.regions.length > 0) qs.set('region', params.regions.join(','));
  if (params.documents && params.documents.length > 0) qs.set('document', params.documents.join(','));
  if (params.sectors.length > 0) qs.set('sector', params.sectors.join(','));
  if (params.year !== null) qs.set('year', String(params.year));
  return qs.toString();
}

export async function getIndicators(params: IndicatorsParams, signal?: AbortSignal): Promise<IndicatorsResponse> {
  return request<IndicatorsResponse>(`/api/indicators?${indicatorsQuery(params)}`, { signal });
}
