import { describe, expect, it } from 'vitest';
import { findSubject, formsOfSubject, RegionMatcher, SUBJECT_MATCHER } from '../../indexer/regions/region-matcher.js';
import { FEDERAL_SUBJECTS } from '../../indexer/regions/subjects.js';
import { readManifest } from '../../indexer/corpus/manifest.js';

describe('the table of subjects', () => {
  it('holds the 89 subjects once each, with ids in the style of the bundled corpus', () => {
    expect(FEDERAL_SUBJECTS).toHaveLength(89);
    expect(new Set(FEDERAL_SUBJECTS.map((s) => s.id)).size).toBe(89);
    expect(new Set(FEDERAL_SUBJECTS.map((s) => s.name)).size).toBe(89);
    for (const s of FEDERAL_SUBJECTS) expect(s.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    const byKind = (kind: string) => FEDERAL_SUBJECTS.filter((s) => s.kind === kind).length;
    expect([byKind('republic'), byKind('krai'), byKind('oblast'), byKind('federal-city'), byKind('autonomous-oblast'), byKind('autonomous-okrug')]).toEqual([24, 9, 48, 3, 1, 4]);
  });

  it('keeps the ids the bundled corpus and the evaluation sets use', async () => {
    const manifest = await readManifest('corpus');
    const ids = manifest!.documents.map((d) => findSubject(d.region)?.id);
    expect(ids).toEqual(['karachay-cherkessia', 'tyumen', 'khabarovsk', 'luhansk', 'tver']);
  });

  it('has no word run that names two regions (each would be silently ignored), but for two English short names', () => {
    // "Moscow" (city or oblast) and "Altai" (krai or republic) are ambiguous in English: their whole names decide.
    expect([...SUBJECT_MATCHER.ambiguousRuns].sort()).toEqual(['altai', 'moscow']);
  });

  it('recognises every subject by its English name, and in English questions', () => {
    for (const subject of FEDERAL_SUBJECTS) expect(findSubject(subject.en)?.id, subject.en).toBe(subject.id);
    const mentions = (q: string) => SUBJECT_MATCHER.find(q).map((m) => [m.value.id, m.matchedText]);
    expect(mentions('telemedicine in Tver region')).toEqual([['tver', 'in Tver region']]);
    expect(mentions("schools of the Luhansk People's Republic and Khabarovsk Krai")).toEqual([
      ['luhansk', "the Luhansk People's Republic"],
      ['khabarovsk', 'Khabarovsk Krai'],
    ]);
    expect(mentions('roads in Altai Krai')).toEqual([['altai-krai', 'in Altai Krai']]);
    // The id is a transliteration people write too.
    expect(mentions('avalanche monitoring in Karachay-Cherkessia')).toEqual([['karachay-cherkessia', 'in Karachay-Cherkessia']]);
    expect(mentions('people of the region')).toEqual([]);
  });

  it('gives every subject its name in six cases, every one of them recognised as that subject', () => {
    for (const subject of FEDERAL_SUBJECTS) {
      for (const form of formsOfSubject(subject)) expect(findSubject(form)?.id, form).toBe(subject.id);
    }
  });
});

describe('findSubject (filter values: --region, region=)', () => {
  it.each([
    ['novgorod', 'novgorod'],
    ['Новгородской области', 'novgorod'],
    ['новгородская обл.', 'novgorod'],
    ['в Великом Новгороде', 'novgorod'],
    ['Нижнего Новгорода', 'nizhny-novgorod'],
    ['Тверская область', 'tver'],
    ['в Тюмени', 'tyumen'],
    ['Хабаровского края', 'khabarovsk'],
    ['тверского региона', 'tver'],
    ['в Карачаево-Черкесском регионе', 'karachay-cherkessia'],
    ['КЧР', 'karachay-cherkessia'],
    ['Карачаево Черкесии', 'karachay-cherkessia'],
    ['лнр', 'luhansk'],
    ['ХМАО', 'khanty-mansi'],
    ['Ханты-Мансийского автономного округа — Югры', 'khanty-mansi'],
    ['ЯНАО', 'yamalo-nenets'],
    ['РБ', 'bashkortostan'],
    ['Республики Саха (Якутия)', 'sakha'],
    ['Кемеровской области — Кузбасса', 'kemerovo'],
    ['Москвы', 'moscow'],
    ['Московской области', 'moscow-oblast'],
    ['Республике Алтай', 'altai-republic'],
    ['Алтайском крае', 'altai-krai'],
    ['г. Санкт-Петербург', 'saint-petersburg'],
  ])('%s → %s', (value, id) => {
    expect(findSubject(value)?.id).toBe(id);
  });

  it.each(['atlantis', 'рб', 'Тверская и Тюменская области', 'школы Твери', ''])('%s names no single region', (value) => {
    expect(findSubject(value)).toBeUndefined();
  });
});

describe('RegionMatcher.find (regions in free text)', () => {
  it('finds regions in any case and widens over kind words and a preposition', () => {
    const text = 'телемедицина в Хабаровском крае и цифровые школы Тверской области, опыт ЛНР';
    const found = SUBJECT_MATCHER.find(text).map((m) => [m.value.id, m.matchedText, m.withKindWord]);
    expect(found).toEqual([
      ['khabarovsk', 'в Хабаровском крае', true],
      ['tver', 'Тверской области', true],
      ['luhansk', 'ЛНР', false],
    ]);
  });

  it('tells «Алтай» from «Алтайский край» and «Новгород» from «Нижний Новгород»', () => {
    const ids = (text: string) => SUBJECT_MATCHER.find(text).map((m) => m.value.id);
    expect(ids('на Алтае и в Алтайском крае')).toEqual(['altai-republic', 'altai-krai']);
    expect(ids('Нижний Новгород и Новгород')).toEqual(['nizhny-novgorod', 'novgorod']);
  });

  it('matches two-letter abbreviations in capitals only', () => {
    expect(SUBJECT_MATCHER.find('РБ').map((m) => m.value.id)).toEqual(['bashkortostan']);
    expect(SUBJECT_MATCHER.find('рб')).toEqual([]);
  });

  it('recognises regions outside the table from the names it is given', () => {
    const matcher = new RegionMatcher([{ value: 'atlantis', forms: ['Атлантида', 'Атлантиды'], abbreviations: [] }]);
    expect(matcher.find('школы Атлантиды').map((m) => m.value)).toEqual(['atlantis']);
  });
});
