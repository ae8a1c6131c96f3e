/** Client and shapes of `GET /api/indicators` (see server/schemas/indicators.ts). */
import { SECTORS, type Sector } from '../../../indexer/types.js';
import { ApiError } from './client.js';
import type { EmbedderInfo, RegionRef } from './types.js';

export interface IndicatorValue {
  year: number;
  value: number | null;
  raw: string;
}

export interface IndicatorRow {
  id: string;
  region: string;
  regionId: string;
  sector: Sector;
  project: { number: string | null; name: string | null };
  responsible: string | null;
  name: string;
  unit: string | null;
  values: IndicatorValue[];
  page: number | null;
  passageId: string | null;
  citation: string;
  groupId: string;
}

export interface IndicatorsResponse {
  query: string;
  tookMs: number;
  embedder: EmbedderInfo | null;
  indicators: IndicatorRow[];
  missingRegions: RegionRef[];
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

/** Query string of a request; the same parameters as the page URL uses. */
export function indicatorsQuery(params: IndicatorsParams): string {
  const qs = new URLSearchParams({ q: params.q, k: String(params.k) });
  if (params.regions.length > 0) qs.set('region', params.regions.join(','));
  if (params.documents && params.documents.length > 0) qs.set('document', params.documents.join(','));
  if (params.sectors.length > 0) qs.set('sector', params.sectors.join(','));
  if (params.year !== null) qs.set('year', String(params.year));
  return qs.toString();
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function normalizeRow(v: unknown): IndicatorRow {
  const o = isObject(v) ? v : {};
  const project = isObject(o.project) ? o.project : {};
  const sector = (SECTORS as readonly string[]).includes(str(o.sector)) ? (o.sector as Sector) : 'general';
  return {
    id: str(o.id),
    region: str(o.region),
    regionId: str(o.regionId),
    sector,
    project: { number: strOrNull(project.number), name: strOrNull(project.name) },
    responsible: strOrNull(o.responsible),
    name: str(o.name),
    unit: strOrNull(o.unit),
    values: arr(o.values)
      .map((x) => (isObject(x) ? x : {}))
      .map((x) => ({ year: numOrNull(x.year) ?? 0, value: numOrNull(x.value), raw: str(x.raw) }))
      .filter((x) => x.year > 0),
    page: numOrNull(o.page),
    passageId: strOrNull(o.passageId),
    citation: str(o.citation),
    groupId: str(o.groupId) || str(o.id),
  };
}

export function normalizeIndicators(v: unknown): IndicatorsResponse {
  const o = isObject(v) ? v : {};
  const embedder = isObject(o.embedder) ? { id: str(o.embedder.id), kind: str(o.embedder.kind), description: str(o.embedder.description) } : null;
  return {
    query: str(o.query),
    tookMs: numOrNull(o.tookMs) ?? 0,
    embedder,
    indicators: arr(o.indicators).map(normalizeRow),
    missingRegions: arr(o.missingRegions).map((r) => (isObject(r) ? { region: str(r.region), regionId: str(r.regionId) } : { region: '', regionId: '' })),
  };
}

export async function getIndicators(params: IndicatorsParams, signal?: AbortSignal): Promise<IndicatorsResponse> {
  let response: Response;
  try {
    response = await fetch(`/api/indicators?${indicatorsQuery(params)}`, { headers: { accept: 'application/json' }, signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('Сервер не отвечает. Проверьте, что он запущен (npm start), и повторите.', 0);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = isObject(body) && typeof body.message === 'string' ? body.message : '';
    throw new ApiError(message || `Сервер ответил ошибкой ${response.status} ${response.statusText}.`, response.status);
  }
  return normalizeIndicators(body);
}

/** The `indicators` table of an /api/ask answer to a question about targets. */
export interface AskTargets {
  indicators: IndicatorRow[];
  years: number[];
  /** The year the question names, if any. */
  year: number | null;
}

export function normalizeAskTargets(v: unknown): AskTargets | null {
  if (!isObject(v)) return null;
  const indicators = arr(v.indicators).map(normalizeRow).filter((r) => r.id && r.values.length > 0);
  if (indicators.length === 0) return null;
  const years = arr(v.years).filter((y): y is number => typeof y === 'number');
  return { indicators, years: years.length > 0 ? years : [...new Set(indicators.flatMap((r) => r.values.map((x) => x.year)))].sort(), year: numOrNull(v.year) };
}
