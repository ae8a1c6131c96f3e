/**
 * Abbreviations the corpus defines ("Единый портал государственных услуг (далее – ЕПГУ)") and uses, found by
 * matching an abbreviation's letters against the initials of nearby word sequences. Works on the flattened texts
 * too, where brackets and "далее" were stripped: evidence is adjacency and proximity, not punctuation.
 */
import { stem } from './morphology.js';
import { isAbbreviationLike, tokenize, type Token } from './tokenize.js';

export interface AbbreviationPair {
  /** As written in the texts, upper case: `ЕПГУ`. */
  abbreviation: string;
  /** The expansion in the form most often written in the corpus (or the dictionary form for curated entries). */
  expansion: string;
  /** Where the pair comes from. */
  source: 'corpus' | 'curated';
  /** How often the abbreviation occurs in the corpus (0 for curated entries the corpus never uses). */
  occurrences: number;
}

/** Very common abbreviations of Russian digital government, used when the corpus does not define them. */
export const CURATED_ABBREVIATIONS: ReadonlyArray<readonly [string, string]> = [
  ['ЕПГУ', 'единый портал государственных и муниципальных услуг'],
  ['РПГУ', 'региональный портал государственных и муниципальных услуг'],
  ['МФЦ', 'многофункциональный центр предоставления государственных и муниципальных услуг'],
  ['ЖКХ', 'жилищно-коммунальное хозяйство'],
  ['ГИС ЖКХ', 'государственная информационная система жилищно-коммунального хозяйства'],
  ['ИТ', 'информационные технологии'],
  ['ИКТ', 'информационно-коммуникационные технологии'],
  ['ИИ', 'искусственный интеллект'],
  ['ЦОД', 'центр обработки данных'],
  ['ГИС', 'государственная информационная система'],
  ['ФГИС', 'федеральная государственная информационная система'],
  ['ИС', 'информационная система'],
  ['ЕГИСЗ', 'единая государственная информационная система в сфере здравоохранения'],
  ['ЕГИССО', 'единая государственная информационная система социального обеспечения'],
  ['СМЭВ', 'система межведомственного электронного взаимодействия'],
  ['ОИВ', 'органы исполнительной власти'],
  ['РОИВ', 'региональные органы исполнительной власти'],
  ['ФОИВ', 'федеральные органы исполнительной власти'],
  ['ОМСУ', 'органы местного самоуправления'],
  ['НПА', 'нормативные правовые акты'],
  ['МИС', 'медицинская информационная система'],
  ['ФАП', 'фельдшерско-акушерский пункт'],
  ['ЭДО', 'электронный документооборот'],
  ['СЭД', 'система электронного документооборота'],
  ['МСЗУ', 'массовые социально значимые услуги'],
  ['ШПД', 'широкополосный доступ'],
  ['ВОЛС', 'волоконно-оптическая линия связи'],
  ['БПЛА', 'беспилотный летательный аппарат'],
  ['ЦУР', 'центр управления регионом'],
  ['ПОС', 'платформа обратной связи'],
  ['ЦОС', 'цифровая образовательная среда'],
  ['НСУД', 'национальная система управления данными'],
  ['ЕДДС', 'единая дежурно-диспетчерская служба'],
  ['ТКО', 'твердые коммунальные отходы'],
  ['МКД', 'многоквартирный дом'],
  ['СЗН', 'служба занятости населения'],
  ['АРМ', 'автоматизированное рабочее место'],
  ['ПО', 'программное обеспечение'],
  ['МСП', 'малое и среднее предпринимательство'],
  ['ГИА', 'государственная итоговая аттестация'],
  ['ЧС', 'чрезвычайная ситуация'],
];

/** Function words an expansion may contain without a letter in the abbreviation ("портал государственных И ..."). */
const SKIPPABLE = new Set(['и', 'в', 'на', 'по', 'для', 'с', 'о', 'об', 'от', 'к', 'со', 'во', 'при', 'сфере']);
const MAX_ABBREVIATION_LENGTH = 8;
/** How far (in tokens) a definition may sit from its abbreviation to count as "near". */
const NEAR_WINDOW = 12;

interface Candidate {
  key: string;
  surfaces: Map<string, number>;
  adjacent: number;
  near: number;
  total: number;
}

/** Initials contributed by one word: one per hyphen part ("жилищно-коммунального" → "жк"). */
function initialsOf(token: Token): string {
  return token.norm
    .split('-')
    .map((part) => part[0] ?? '')
    .join('');
}

/**
 * Tries to read `letters` as the initials of words starting at `start`. Returns the index after the last word used,
 * or -1. Skippable function words may sit between content words.
 */
function matchInitials(tokens: Token[], start: number, letters: string): number {
  let position = start;
  let matched = 0;
  let skippedCoordinate = false;
  while (matched < letters.length) {
    const token = tokens[position];
    if (!token || token.kind !== 'word') return -1;
    const initials = initialsOf(token);
    if (token.norm.length >= 2 && letters.startsWith(initials, matched) && !(matched === 0 && SKIPPABLE.has(token.norm))) {
      matched += initials.length;
    } else if (matched === 0 || !SKIPPABLE.has(token.norm)) {
      return -1;
    } else if (token.norm === 'и' && !skippedCoordinate) {
      // "портал государственных и муниципальных услуг" = ЕПГУ: a coordinated word often has no letter.
      const next = tokens[position + 1];
      if (next && next.kind === 'word' && !letters.startsWith(initialsOf(next), matched)) {
        skippedCoordinate = true;
        position += 1;
      }
    }
    position += 1;
  }
  return position;
}

/** Abbreviation ↔ expansion pairs defined or used in the given texts (one string per document or passage). */
export function extractAbbreviations(texts: readonly string[]): AbbreviationPair[] {
  const documents = texts.map((text) => tokenize(text));
  const occurrences = new Map<string, number>();
  for (const tokens of documents) {
    for (const token of tokens) {
      if (token.kind === 'abbreviation' && token.text.length <= MAX_ABBREVIATION_LENGTH && /^[А-ЯЁ]+$/.test(token.text)) {
        occurrences.set(token.text, (occurrences.get(token.text) ?? 0) + 1);
      }
    }
  }

  const pairs: AbbreviationPair[] = [];
  for (const [abbreviation, count] of occurrences) {
    const letters = abbreviation.toLowerCase().replace(/ё/g, 'е');
    const candidates = new Map<string, Candidate>();
    for (const tokens of documents) {
      const positions: number[] = [];
      tokens.forEach((token, index) => {
        if (token.text === abbreviation) positions.push(index);
      });
      for (let start = 0; start < tokens.length; start += 1) {
        const first = tokens[start];
        if (!first || first.kind !== 'word' || first.norm[0] !== letters[0]) continue;
        const end = matchInitials(tokens, start, letters);
        if (end < 0) continue;
        const words = tokens.slice(start, end);
        const key = words.map((word) => stem(word.norm)).join(' ');
        const surface = words.map((word) => word.norm).join(' ');
        let candidate = candidates.get(key);
        if (!candidate) candidates.set(key, (candidate = { key, surfaces: new Map(), adjacent: 0, near: 0, total: 0 }));
        candidate.total += 1;
        candidate.surfaces.set(surface, (candidate.surfaces.get(surface) ?? 0) + 1);
        // Adjacent: "… услуг (ЕПГУ)", "… услуг (далее – ЕПГУ)", "ЕПГУ (Единый портал …)".
        if (positions.some((p) => (p >= end && p - end <= 2) || (start > p && start - p <= 1))) candidate.adjacent += 1;
        else if (positions.some((p) => Math.abs(p - start) <= NEAR_WINDOW)) candidate.near += 1;
      }
    }
    const best = [...candidates.values()]
      .filter((c) => c.adjacent >= (letters.length <= 2 ? 2 : 1) || (letters.length >= 4 && c.near >= 2))
      .sort((a, b) => b.adjacent * 3 + b.near + b.total * 0.1 - (a.adjacent * 3 + a.near + a.total * 0.1) || (a.key < b.key ? -1 : 1))[0];
    if (!best) continue;
    const expansion = [...best.surfaces.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    if (expansion) pairs.push({ abbreviation, expansion, source: 'corpus', occurrences: count });
  }

  // Curated entries fill in what the corpus uses without defining (or does not use at all).
  const found = new Set(pairs.map((pair) => pair.abbreviation));
  for (const [abbreviation, expansion] of CURATED_ABBREVIATIONS) {
    if (found.has(abbreviation)) continue;
    pairs.push({ abbreviation, expansion, source: 'curated', occurrences: occurrences.get(abbreviation) ?? 0 });
  }
  return pairs.sort((a, b) => (a.abbreviation < b.abbreviation ? -1 : a.abbreviation > b.abbreviation ? 1 : 0));
}

export { isAbbreviationLike };
