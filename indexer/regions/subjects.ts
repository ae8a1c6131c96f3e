/**
 * The 89 subjects of the Russian Federation as the product counts them (Constitution art. 65, including the four
 * admitted in 2022: Donetsk, Luhansk, Zaporozhye, Kherson), each with a stable id, its official name, the six
 * grammatical cases of that name, other names people use (the capital when the region is named after it, a short
 * or historical name), each with its cases, and common abbreviations.
 *
 * Ids are short transliterated English names in the style the bundled corpus started with (`tver`, `tyumen`,
 * `khabarovsk`, `karachay-cherkessia`, `luhansk`); evaluation sets and saved links rely on them, so never change
 * an id. A document's region id comes from this table (indexer/corpus/discover.ts), and every region in a query,
 * a filter value or a document's title page is recognised through it (region-matcher.ts).
 *
 * Cities are left out as aliases where they are also everyday words or first names (Владимир, Орёл, Курган,
 * Киров); abbreviations that mean something else more often (МО — municipal unit, ЧР, РТ) are left out too.
 */

/** What kind of subject it is; the generic words of its name (область, край, Республика…) follow from it. */
export type SubjectKind = 'republic' | 'krai' | 'oblast' | 'federal-city' | 'autonomous-oblast' | 'autonomous-okrug';

/** A name in the six cases: nominative, genitive, dative, accusative, instrumental, prepositional. */
export interface CaseForms {
  nom: string;
  gen: string;
  dat: string;
  acc: string;
  ins: string;
  prep: string;
}

export interface FederalSubject {
  /** Stable transliterated id, e.g. `tver`, `moscow-oblast`. */
  id: string;
  /** Official name, nominative: `Тверская область`. */
  name: string;
  /** English name. */
  en: string;
  kind: SubjectKind;
  /** The official name in every case. */
  cases: CaseForms;
  /** Other names with their cases: `Тверь`, `Карачаево-Черкесия`, `Кузбасс`. */
  aliases: CaseForms[];
  /** Abbreviations as printed: `ЛНР`, `ХМАО`. */
  abbreviations: string[];
}

export const FEDERAL_SUBJECTS: readonly FederalSubject[] = [
  {
    id: 'adygea',
    name: 'Республика Адыгея',
    en: 'Republic of Adygea',
    kind: 'republic',
    cases: { nom: 'Республика Адыгея', gen: 'Республики Адыгея', dat: 'Республике Адыгея', acc: 'Республику Адыгея', ins: 'Республикой Адыгея', prep: 'Республике Адыгея' },
    aliases: [
      { nom: 'Адыгея', gen: 'Адыгеи', dat: 'Адыгее', acc: 'Адыгею', ins: 'Адыгеей', prep: 'Адыгее' },
    ],
    abbreviations: [],
  },
  {
    id: 'altai-republic',
    name: 'Республика Алтай',
    en: 'Altai Republic',
    kind: 'republic',
    cases: { nom: 'Республика Алтай', gen: 'Республики Алтай', dat: 'Республике Алтай', acc: 'Республику Алтай', ins: 'Республикой Алтай', prep: 'Республике Алтай' },
    aliases: [
      { nom: 'Алтай', gen: 'Алтая', dat: 'Алтаю', acc: 'Алтай', ins: 'Алтаем', prep: 'Алтае' },
    ],
    abbreviations: [],
  },
  {
    id: 'bashkortostan',
    name: 'Республика Башкортостан',
    en: 'Republic of Bashkortostan',
    kind: 'republic',
    cases: { nom: 'Республика Башкортостан', gen: 'Республики Башкортостан', dat: 'Республике Башкортостан', acc: 'Республику Башкортостан', ins: 'Республикой Башкортостан', prep: 'Республике Башкортостан' },
    aliases: [
      { nom: 'Башкортостан', gen: 'Башкортостана', dat: 'Башкортостану', acc: 'Башкортостан', ins: 'Башкортостаном', prep: 'Башкортостане' },
      { nom: 'Башкирия', gen: 'Башкирии', dat: 'Башкирии', acc: 'Башкирию', ins: 'Башкирией', prep: 'Башкирии' },
    ],
    abbreviations: ['РБ'],
  },
  {
    id: 'buryatia',
    name: 'Республика Бурятия',
    en: 'Republic of Buryatia',
    kind: 'republic',
    cases: { nom: 'Республика Бурятия', gen: 'Республики Бурятия', dat: 'Республике Бурятия', acc: 'Республику Бурятия', ins: 'Республикой Бурятия', prep: 'Республике Бурятия' },
    aliases: [
      { nom: 'Бурятия', gen: 'Бурятии', dat: 'Бурятии', acc: 'Бурятию', ins: 'Бурятией', prep: 'Бурятии' },
    ],
    abbreviations: [],
  },
  {
    id: 'dagestan',
    name: 'Республика Дагестан',
    en: 'Republic of Dagestan',
    kind: 'republic',
    cases: { nom: 'Республика Дагестан', gen: 'Республики Дагестан', dat: 'Республике Дагестан', acc: 'Республику Дагестан', ins: 'Республикой Дагестан', prep: 'Республике Дагестан' },
    aliases: [
      { nom: 'Дагестан', gen: 'Дагестана', dat: 'Дагестану', acc: 'Дагестан', ins: 'Дагестаном', prep: 'Дагестане' },
    ],
    abbreviations: [],
  },
  {
    id: 'donetsk',
    name: 'Донецкая Народная Республика',
    en: 'Donetsk People\'s Republic',
    kind: 'republic',
    cases: { nom: 'Донецкая Народная Республика', gen: 'Донецкой Народной Республики', dat: 'Донецкой Народной Республике', acc: 'Донецкую Народную Республику', ins: 'Донецкой Народной Республикой', prep: 'Донецкой Народной Республике' },
    aliases: [
      { nom: 'Донецк', gen: 'Донецка', dat: 'Донецку', acc: 'Донецк', ins: 'Донецком', prep: 'Донецке' },
    ],
    abbreviations: ['ДНР'],
  },
  {
    id: 'ingushetia',
    name: 'Республика Ингушетия',
    en: 'Republic of Ingushetia',
    kind: 'republic',
    cases: { nom: 'Республика Ингушетия', gen: 'Республики Ингушетия', dat: 'Республике Ингушетия', acc: 'Республику Ингушетия', ins: 'Республикой Ингушетия', prep: 'Республике Ингушетия' },
    aliases: [
      { nom: 'Ингушетия', gen: 'Ингушетии', dat: 'Ингушетии', acc: 'Ингушетию', ins: 'Ингушетией', prep: 'Ингушетии' },
    ],
    abbreviations: [],
  },
  {
    id: 'kabardino-balkaria',
    name: 'Кабардино-Балкарская Республика',
    en: 'Kabardino-Balkarian Republic',
    kind: 'republic',
    cases: { nom: 'Кабардино-Балкарская Республика', gen: 'Кабардино-Балкарской Республики', dat: 'Кабардино-Балкарской Республике', acc: 'Кабардино-Балкарскую Республику', ins: 'Кабардино-Балкарской Республикой', prep: 'Кабардино-Балкарской Республике' },
    aliases: [
      { nom: 'Кабардино-Балкария', gen: 'Кабардино-Балкарии', dat: 'Кабардино-Балкарии', acc: 'Кабардино-Балкарию', ins: 'Кабардино-Балкарией', prep: 'Кабардино-Балкарии' },
      { nom: 'Нальчик', gen: 'Нальчика', dat: 'Нальчику', acc: 'Нальчик', ins: 'Нальчиком', prep: 'Нальчике' },
    ],
    abbreviations: ['КБР'],
  },
  {
    id: 'kalmykia',
    name: 'Республика Калмыкия',
    en: 'Republic of Kalmykia',
    kind: 'republic',
    cases: { nom: 'Республика Калмыкия', gen: 'Республики Калмыкия', dat: 'Республике Калмыкия', acc: 'Республику Калмыкия', ins: 'Республикой Калмыкия', prep: 'Республике Калмыкия' },
    aliases: [
      { nom: 'Калмыкия', gen: 'Калмыкии', dat: 'Калмыкии', acc: 'Калмыкию', ins: 'Калмыкией', prep: 'Калмыкии' },
    ],
    abbreviations: [],
  },
  {
    id: 'karachay-cherkessia',
    name: 'Карачаево-Черкесская Республика',
    en: 'Karachay-Cherkess Republic',
    kind: 'republic',
    cases: { nom: 'Карачаево-Черкесская Республика', gen: 'Карачаево-Черкесской Республики', dat: 'Карачаево-Черкесской Республике', acc: 'Карачаево-Черкесскую Республику', ins: 'Карачаево-Черкесской Республикой', prep: 'Карачаево-Черкесской Республике' },
    aliases: [
      { nom: 'Карачаево-Черкесия', gen: 'Карачаево-Черкесии', dat: 'Карачаево-Черкесии', acc: 'Карачаево-Черкесию', ins: 'Карачаево-Черкесией', prep: 'Карачаево-Черкесии' },
      { nom: 'Черкесск', gen: 'Черкесска', dat: 'Черкесску', acc: 'Черкесск', ins: 'Черкесском', prep: 'Черкесске' },
    ],
    abbreviations: ['КЧР'],
  },
  {
    id: 'karelia',
    name: 'Республика Карелия',
    en: 'Republic of Karelia',
    kind: 'republic',
    cases: { nom: 'Республика Карелия', gen: 'Республики Карелия', dat: 'Республике Карелия', acc: 'Республику Карелия', ins: 'Республикой Карелия', prep: 'Республике Карелия' },
    aliases: [
      { nom: 'Карелия', gen: 'Карелии', dat: 'Карелии', acc: 'Карелию', ins: 'Карелией', prep: 'Карелии' },
    ],
    abbreviations: [],
  },
  {
    id: 'komi',
    name: 'Республика Коми',
    en: 'Komi Republic',
    kind: 'republic',
    cases: { nom: 'Республика Коми', gen: 'Республики Коми', dat: 'Республике Коми', acc: 'Республику Коми', ins: 'Республикой Коми', prep: 'Республике Коми' },
    aliases: [
      { nom: 'Коми', gen: 'Коми', dat: 'Коми', acc: 'Коми', ins: 'Коми', prep: 'Коми' },
    ],
    abbreviations: [],
  },
  {
    id: 'crimea',
    name: 'Республика Крым',
    en: 'Republic of Crimea',
    kind: 'republic',
    cases: { nom: 'Республика Крым', gen: 'Республики Крым', dat: 'Республике Крым', acc: 'Республику Крым', ins: 'Республикой Крым', prep: 'Республике Крым' },
    aliases: [
      { nom: 'Крым', gen: 'Крыма', dat: 'Крыму', acc: 'Крым', ins: 'Крымом', prep: 'Крыме' },
    ],
    abbreviations: [],
  },
  {
    id: 'luhansk',
    name: 'Луганская Народная Республика',
    en: 'Luhansk People\'s Republic',
    kind: 'republic',
    cases: { nom: 'Луганская Народная Республика', gen: 'Луганской Народной Республики', dat: 'Луганской Народной Республике', acc: 'Луганскую Народную Республику', ins: 'Луганской Народной Республикой', prep: 'Луганской Народной Республике' },
    aliases: [
      { nom: 'Луганск', gen: 'Луганска', dat: 'Луганску', acc: 'Луганск', ins: 'Луганском', prep: 'Луганске' },
    ],
    abbreviations: ['ЛНР'],
  },
  {
    id: 'mari-el',
    name: 'Республика Марий Эл',
    en: 'Mari El Republic',
    kind: 'republic',
    cases: { nom: 'Республика Марий Эл', gen: 'Республики Марий Эл', dat: 'Республике Марий Эл', acc: 'Республику Марий Эл', ins: 'Республикой Марий Эл', prep: 'Республике Марий Эл' },
    aliases: [
      { nom: 'Марий Эл', gen: 'Марий Эл', dat: 'Марий Эл', acc: 'Марий Эл', ins: 'Марий Эл', prep: 'Марий Эл' },
    ],
    abbreviations: [],
  },
  {
    id: 'mordovia',
    name: 'Республика Мордовия',
    en: 'Republic of Mordovia',
    kind: 'republic',
    cases: { nom: 'Республика Мордовия', gen: 'Республики Мордовия', dat: 'Республике Мордовия', acc: 'Республику Мордовия', ins: 'Республикой Мордовия', prep: 'Республике Мордовия' },
    aliases: [
      { nom: 'Мордовия', gen: 'Мордовии', dat: 'Мордовии', acc: 'Мордовию', ins: 'Мордовией', prep: 'Мордовии' },
    ],
    abbreviations: [],
  },
  {
    id: 'sakha',
    name: 'Республика Саха (Якутия)',
    en: 'Sakha (Yakutia) Republic',
    kind: 'republic',
    cases: { nom: 'Республика Саха (Якутия)', gen: 'Республики Саха (Якутия)', dat: 'Республике Саха (Якутия)', acc: 'Республику Саха (Якутия)', ins: 'Республикой Саха (Якутия)', prep: 'Республике Саха (Якутия)' },
    aliases: [
      { nom: 'Якутия', gen: 'Якутии', dat: 'Якутии', acc: 'Якутию', ins: 'Якутией', prep: 'Якутии' },
      { nom: 'Саха', gen: 'Саха', dat: 'Саха', acc: 'Саха', ins: 'Саха', prep: 'Саха' },
    ],
    abbreviations: [],
  },
  {
    id: 'north-ossetia',
    name: 'Республика Северная Осетия — Алания',
    en: 'Republic of North Ossetia–Alania',
    kind: 'republic',
    cases: { nom: 'Республика Северная Осетия — Алания', gen: 'Республики Северная Осетия — Алания', dat: 'Республике Северная Осетия — Алания', acc: 'Республику Северная Осетия — Алания', ins: 'Республикой Северная Осетия — Алания', prep: 'Республике Северная Осетия — Алания' },
    aliases: [
      { nom: 'Северная Осетия', gen: 'Северной Осетии', dat: 'Северной Осетии', acc: 'Северную Осетию', ins: 'Северной Осетией', prep: 'Северной Осетии' },
      { nom: 'Алания', gen: 'Алании', dat: 'Алании', acc: 'Аланию', ins: 'Аланией', prep: 'Алании' },
    ],
    abbreviations: ['РСО-Алания'],
  },
  {
    id: 'tatarstan',
    name: 'Республика Татарстан',
    en: 'Republic of Tatarstan',
    kind: 'republic',
    cases: { nom: 'Республика Татарстан', gen: 'Республики Татарстан', dat: 'Республике Татарстан', acc: 'Республику Татарстан', ins: 'Республикой Татарстан', prep: 'Республике Татарстан' },
    aliases: [
      { nom: 'Татарстан', gen: 'Татарстана', dat: 'Татарстану', acc: 'Татарстан', ins: 'Татарстаном', prep: 'Татарстане' },
    ],
    abbreviations: ['РТ'],
  },
  {
    id: 'tuva',
    name: 'Республика Тыва',
    en: 'Tuva Republic',
    kind: 'republic',
    cases: { nom: 'Республика Тыва', gen: 'Республики Тыва', dat: 'Республике Тыва', acc: 'Республику Тыва', ins: 'Республикой Тыва', prep: 'Республике Тыва' },
    aliases: [
      { nom: 'Тыва', gen: 'Тывы', dat: 'Тыве', acc: 'Тыву', ins: 'Тывой', prep: 'Тыве' },
      { nom: 'Тува', gen: 'Тувы', dat: 'Туве', acc: 'Туву', ins: 'Тувой', prep: 'Туве' },
    ],
    abbreviations: [],
  },
  {
    id: 'udmurtia',
    name: 'Удмуртская Республика',
    en: 'Udmurt Republic',
    kind: 'republic',
    cases: { nom: 'Удмуртская Республика', gen: 'Удмуртской Республики', dat: 'Удмуртской Республике', acc: 'Удмуртскую Республику', ins: 'Удмуртской Республикой', prep: 'Удмуртской Республике' },
    aliases: [
      { nom: 'Удмуртия', gen: 'Удмуртии', dat: 'Удмуртии', acc: 'Удмуртию', ins: 'Удмуртией', prep: 'Удмуртии' },
    ],
    abbreviations: ['УР'],
  },
  {
    id: 'khakassia',
    name: 'Республика Хакасия',
    en: 'Republic of Khakassia',
    kind: 'republic',
    cases: { nom: 'Республика Хакасия', gen: 'Республики Хакасия', dat: 'Республике Хакасия', acc: 'Республику Хакасия', ins: 'Республикой Хакасия', prep: 'Республике Хакасия' },
    aliases: [
      { nom: 'Хакасия', gen: 'Хакасии', dat: 'Хакасии', acc: 'Хакасию', ins: 'Хакасией', prep: 'Хакасии' },
    ],
    abbreviations: [],
  },
  {
    id: 'chechnya',
    name: 'Чеченская Республика',
    en: 'Chechen Republic',
    kind: 'republic',
    cases: { nom: 'Чеченская Республика', gen: 'Чеченской Республики', dat: 'Чеченской Республике', acc: 'Чеченскую Республику', ins: 'Чеченской Республикой', prep: 'Чеченской Республике' },
    aliases: [
      { nom: 'Чечня', gen: 'Чечни', dat: 'Чечне', acc: 'Чечню', ins: 'Чечней', prep: 'Чечне' },
    ],
    abbreviations: ['ЧР'],
  },
  {
    id: 'chuvashia',
    name: 'Чувашская Республика — Чувашия',
    en: 'Chuvash Republic',
    kind: 'republic',
    cases: { nom: 'Чувашская Республика — Чувашия', gen: 'Чувашской Республики — Чувашии', dat: 'Чувашской Республике — Чувашии', acc: 'Чувашскую Республику — Чувашию', ins: 'Чувашской Республикой — Чувашией', prep: 'Чувашской Республике — Чувашии' },
    aliases: [
      { nom: 'Чувашия', gen: 'Чувашии', dat: 'Чувашии', acc: 'Чувашию', ins: 'Чувашией', prep: 'Чувашии' },
    ],
    abbreviations: [],
  },
  {
    id: 'altai-krai',
    name: 'Алтайский край',
    en: 'Altai Krai',
    kind: 'krai',
    cases: { nom: 'Алтайский край', gen: 'Алтайского края', dat: 'Алтайскому краю', acc: 'Алтайский край', ins: 'Алтайским краем', prep: 'Алтайском крае' },
    aliases: [
      { nom: 'Барнаул', gen: 'Барнаула', dat: 'Барнаулу', acc: 'Барнаул', ins: 'Барнаулом', prep: 'Барнауле' },
    ],
    abbreviations: [],
  },
  {
    id: 'zabaykalsky',
    name: 'Забайкальский край',
    en: 'Zabaykalsky Krai',
    kind: 'krai',
    cases: { nom: 'Забайкальский край', gen: 'Забайкальского края', dat: 'Забайкальскому краю', acc: 'Забайкальский край', ins: 'Забайкальским краем', prep: 'Забайкальском крае' },
    aliases: [
      { nom: 'Забайкалье', gen: 'Забайкалья', dat: 'Забайкалью', acc: 'Забайкалье', ins: 'Забайкальем', prep: 'Забайкалье' },
    ],
    abbreviations: [],
  },
  {
    id: 'kamchatka',
    name: 'Камчатский край',
    en: 'Kamchatka Krai',
    kind: 'krai',
    cases: { nom: 'Камчатский край', gen: 'Камчатского края', dat: 'Камчатскому краю', acc: 'Камчатский край', ins: 'Камчатским краем', prep: 'Камчатском крае' },
    aliases: [
      { nom: 'Камчатка', gen: 'Камчатки', dat: 'Камчатке', acc: 'Камчатку', ins: 'Камчаткой', prep: 'Камчатке' },
    ],
    abbreviations: [],
  },
  {
    id: 'krasnodar',
    name: 'Краснодарский край',
    en: 'Krasnodar Krai',
    kind: 'krai',
    cases: { nom: 'Краснодарский край', gen: 'Краснодарского края', dat: 'Краснодарскому краю', acc: 'Краснодарский край', ins: 'Краснодарским краем', prep: 'Краснодарском крае' },
    aliases: [
      { nom: 'Краснодар', gen: 'Краснодара', dat: 'Краснодару', acc: 'Краснодар', ins: 'Краснодаром', prep: 'Краснодаре' },
      { nom: 'Кубань', gen: 'Кубани', dat: 'Кубани', acc: 'Кубань', ins: 'Кубанью', prep: 'Кубани' },
    ],
    abbreviations: [],
  },
  {
    id: 'krasnoyarsk',
    name: 'Красноярский край',
    en: 'Krasnoyarsk Krai',
    kind: 'krai',
    cases: { nom: 'Красноярский край', gen: 'Красноярского края', dat: 'Красноярскому краю', acc: 'Красноярский край', ins: 'Красноярским краем', prep: 'Красноярском крае' },
    aliases: [
      { nom: 'Красноярск', gen: 'Красноярска', dat: 'Красноярску', acc: 'Красноярск', ins: 'Красноярском', prep: 'Красноярске' },
    ],
    abbreviations: [],
  },
  {
    id: 'perm',
    name: 'Пермский край',
    en: 'Perm Krai',
    kind: 'krai',
    cases: { nom: 'Пермский край', gen: 'Пермского края', dat: 'Пермскому краю', acc: 'Пермский край', ins: 'Пермским краем', prep: 'Пермском крае' },
    aliases: [
      { nom: 'Пермь', gen: 'Перми', dat: 'Перми', acc: 'Пермь', ins: 'Пермью', prep: 'Перми' },
    ],
    abbreviations: [],
  },
  {
    id: 'primorsky',
    name: 'Приморский край',
    en: 'Primorsky Krai',
    kind: 'krai',
    cases: { nom: 'Приморский край', gen: 'Приморского края', dat: 'Приморскому краю', acc: 'Приморский край', ins: 'Приморским краем', prep: 'Приморском крае' },
    aliases: [
      { nom: 'Приморье', gen: 'Приморья', dat: 'Приморью', acc: 'Приморье', ins: 'Приморьем', prep: 'Приморье' },
    ],
    abbreviations: [],
  },
  {
    id: 'stavropol',
    name: 'Ставропольский край',
    en: 'Stavropol Krai',
    kind: 'krai',
    cases: { nom: 'Ставропольский край', gen: 'Ставропольского края', dat: 'Ставропольскому краю', acc: 'Ставропольский край', ins: 'Ставропольским краем', prep: 'Ставропольском крае' },
    aliases: [
      { nom: 'Ставрополь', gen: 'Ставрополя', dat: 'Ставрополю', acc: 'Ставрополь', ins: 'Ставрополем', prep: 'Ставрополе' },
      { nom: 'Ставрополье', gen: 'Ставрополья', dat: 'Ставрополью', acc: 'Ставрополье', ins: 'Ставропольем', prep: 'Ставрополье' },
    ],
    abbreviations: [],
  },
  {
    id: 'khabarovsk',
    name: 'Хабаровский край',
    en: 'Khabarovsk Krai',
    kind: 'krai',
    cases: { nom: 'Хабаровский край', gen: 'Хабаровского края', dat: 'Хабаровскому краю', acc: 'Хабаровский край', ins: 'Хабаровским краем', prep: 'Хабаровском крае' },
    aliases: [
      { nom: 'Хабаровск', gen: 'Хабаровска', dat: 'Хабаровску', acc: 'Хабаровск', ins: 'Хабаровском', prep: 'Хабаровске' },
    ],
    abbreviations: [],
  },
  {
    id: 'amur',
    name: 'Амурская область',
    en: 'Amur Oblast',
    kind: 'oblast',
    cases: { nom: 'Амурская область', gen: 'Амурской области', dat: 'Амурской области', acc: 'Амурскую область', ins: 'Амурской областью', prep: 'Амурской области' },
    aliases: [
      { nom: 'Приамурье', gen: 'Приамурья', dat: 'Приамурью', acc: 'Приамурье', ins: 'Приамурьем', prep: 'Приамурье' },
    ],
    abbreviations: [],
  },
  {
    id: 'arkhangelsk',
    name: 'Архангельская область',
    en: 'Arkhangelsk Oblast',
    kind: 'oblast',
    cases: { nom: 'Архангельская область', gen: 'Архангельской области', dat: 'Архангельской области', acc: 'Архангельскую область', ins: 'Архангельской областью', prep: 'Архангельской области' },
    aliases: [
      { nom: 'Архангельск', gen: 'Архангельска', dat: 'Архангельску', acc: 'Архангельск', ins: 'Архангельском', prep: 'Архангельске' },
    ],
    abbreviations: [],
  },
  {
    id: 'astrakhan',
    name: 'Астраханская область',
    en: 'Astrakhan Oblast',
    kind: 'oblast',
    cases: { nom: 'Астраханская область', gen: 'Астраханской области', dat: 'Астраханской области', acc: 'Астраханскую область', ins: 'Астраханской областью', prep: 'Астраханской области' },
    aliases: [
      { nom: 'Астрахань', gen: 'Астрахани', dat: 'Астрахани', acc: 'Астрахань', ins: 'Астраханью', prep: 'Астрахани' },
    ],
    abbreviations: [],
  },
  {
    id: 'belgorod',
    name: 'Белгородская область',
    en: 'Belgorod Oblast',
    kind: 'oblast',
    cases: { nom: 'Белгородская область', gen: 'Белгородской области', dat: 'Белгородской области', acc: 'Белгородскую область', ins: 'Белгородской областью', prep: 'Белгородской области' },
    aliases: [
      { nom: 'Белгород', gen: 'Белгорода', dat: 'Белгороду', acc: 'Белгород', ins: 'Белгородом', prep: 'Белгороде' },
    ],
    abbreviations: [],
  },
  {
    id: 'bryansk',
    name: 'Брянская область',
    en: 'Bryansk Oblast',
    kind: 'oblast',
    cases: { nom: 'Брянская область', gen: 'Брянской области', dat: 'Брянской области', acc: 'Брянскую область', ins: 'Брянской областью', prep: 'Брянской области' },
    aliases: [
      { nom: 'Брянск', gen: 'Брянска', dat: 'Брянску', acc: 'Брянск', ins: 'Брянском', prep: 'Брянске' },
    ],
    abbreviations: [],
  },
  {
    id: 'vladimir',
    name: 'Владимирская область',
    en: 'Vladimir Oblast',
    kind: 'oblast',
    cases: { nom: 'Владимирская область', gen: 'Владимирской области', dat: 'Владимирской области', acc: 'Владимирскую область', ins: 'Владимирской областью', prep: 'Владимирской области' },
    aliases: [],
    abbreviations: [],
  },
  {
    id: 'volgograd',
    name: 'Волгоградская область',
    en: 'Volgograd Oblast',
    kind: 'oblast',
    cases: { nom: 'Волгоградская область', gen: 'Волгоградской области', dat: 'Волгоградской области', acc: 'Волгоградскую область', ins: 'Волгоградской областью', prep: 'Волгоградской области' },
    aliases: [
      { nom: 'Волгоград', gen: 'Волгограда', dat: 'Волгограду', acc: 'Волгоград', ins: 'Волгоградом', prep: 'Волгограде' },
    ],
    abbreviations: [],
  },
  {
    id: 'vologda',
    name: 'Вологодская область',
    en: 'Vologda Oblast',
    kind: 'oblast',
    cases: { nom: 'Вологодская область', gen: 'Вологодской области', dat: 'Вологодской области', acc: 'Вологодскую область', ins: 'Вологодской областью', prep: 'Вологодской области' },
    aliases: [
      { nom: 'Вологда', gen: 'Вологды', dat: 'Вологде', acc: 'Вологду', ins: 'Вологдой', prep: 'Вологде' },
    ],
    abbreviations: [],
  },
  {
    id: 'voronezh',
    name: 'Воронежская область',
    en: 'Voronezh Oblast',
    kind: 'oblast',
    cases: { nom: 'Воронежская область', gen: 'Воронежской области', dat: 'Воронежской области', acc: 'Воронежскую область', ins: 'Воронежской областью', prep: 'Воронежской области' },
    aliases: [
      { nom: 'Воронеж', gen: 'Воронежа', dat: 'Воронежу', acc: 'Воронеж', ins: 'Воронежем', prep: 'Воронеже' },
    ],
    abbreviations: [],
  },
  {
    id: 'zaporozhye',
    name: 'Запорожская область',
    en: 'Zaporozhye Oblast',
    kind: 'oblast',
    cases: { nom: 'Запорожская область', gen: 'Запорожской области', dat: 'Запорожской области', acc: 'Запорожскую область', ins: 'Запорожской областью', prep: 'Запорожской области' },
    aliases: [
      { nom: 'Запорожье', gen: 'Запорожья', dat: 'Запорожью', acc: 'Запорожье', ins: 'Запорожьем', prep: 'Запорожье' },
    ],
    abbreviations: [],
  },
  {
    id: 'ivanovo',
    name: 'Ивановская область',
    en: 'Ivanovo Oblast',
    kind: 'oblast',
    cases: { nom: 'Ивановская область', gen: 'Ивановской области', dat: 'Ивановской области', acc: 'Ивановскую область', ins: 'Ивановской областью', prep: 'Ивановской области' },
    aliases: [
      { nom: 'Иваново', gen: 'Иваново', dat: 'Иваново', acc: 'Иваново', ins: 'Иваново', prep: 'Иваново' },
    ],
    abbreviations: [],
  },
  {
    id: 'irkutsk',
    name: 'Иркутская область',
    en: 'Irkutsk Oblast',
    kind: 'oblast',
    cases: { nom: 'Иркутская область', gen: 'Иркутской области', dat: 'Иркутской области', acc: 'Иркутскую область', ins: 'Иркутской областью', prep: 'Иркутской области' },
    aliases: [
      { nom: 'Иркутск', gen: 'Иркутска', dat: 'Иркутску', acc: 'Иркутск', ins: 'Иркутском', prep: 'Иркутске' },
      { nom: 'Приангарье', gen: 'Приангарья', dat: 'Приангарью', acc: 'Приангарье', ins: 'Приангарьем', prep: 'Приангарье' },
    ],
    abbreviations: [],
  },
  {
    id: 'kaliningrad',
    name: 'Калининградская область',
    en: 'Kaliningrad Oblast',
    kind: 'oblast',
    cases: { nom: 'Калининградская область', gen: 'Калининградской области', dat: 'Калининградской области', acc: 'Калининградскую область', ins: 'Калининградской областью', prep: 'Калининградской области' },
    aliases: [
      { nom: 'Калининград', gen: 'Калининграда', dat: 'Калининграду', acc: 'Калининград', ins: 'Калининградом', prep: 'Калининграде' },
    ],
    abbreviations: [],
  },
  {
    id: 'kaluga',
    name: 'Калужская область',
    en: 'Kaluga Oblast',
    kind: 'oblast',
    cases: { nom: 'Калужская область', gen: 'Калужской области', dat: 'Калужской области', acc: 'Калужскую область', ins: 'Калужской областью', prep: 'Калужской области' },
    aliases: [
      { nom: 'Калуга', gen: 'Калуги', dat: 'Калуге', acc: 'Калугу', ins: 'Калугой', prep: 'Калуге' },
    ],
    abbreviations: [],
  },
  {
    id: 'kemerovo',
    name: 'Кемеровская область — Кузбасс',
    en: 'Kemerovo Oblast – Kuzbass',
    kind: 'oblast',
    cases: { nom: 'Кемеровская область — Кузбасс', gen: 'Кемеровской области — Кузбасса', dat: 'Кемеровской области — Кузбассу', acc: 'Кемеровскую область — Кузбасс', ins: 'Кемеровской областью — Кузбассом', prep: 'Кемеровской области — Кузбассе' },
    aliases: [
      { nom: 'Кемеровская область', gen: 'Кемеровской области', dat: 'Кемеровской области', acc: 'Кемеровскую область', ins: 'Кемеровской областью', prep: 'Кемеровской области' },
      { nom: 'Кузбасс', gen: 'Кузбасса', dat: 'Кузбассу', acc: 'Кузбасс', ins: 'Кузбассом', prep: 'Кузбассе' },
      { nom: 'Кемерово', gen: 'Кемерово', dat: 'Кемерово', acc: 'Кемерово', ins: 'Кемерово', prep: 'Кемерово' },
    ],
    abbreviations: [],
  },
  {
    id: 'kirov',
    name: 'Кировская область',
    en: 'Kirov Oblast',
    kind: 'oblast',
    cases: { nom: 'Кировская область', gen: 'Кировской области', dat: 'Кировской области', acc: 'Кировскую область', ins: 'Кировской областью', prep: 'Кировской области' },
    aliases: [],
    abbreviations: [],
  },
  {
    id: 'kostroma',
    name: 'Костромская область',
    en: 'Kostroma Oblast',
    kind: 'oblast',
    cases: { nom: 'Костромская область', gen: 'Костромской области', dat: 'Костромской области', acc: 'Костромскую область', ins: 'Костромской областью', prep: 'Костромской области' },
    aliases: [
      { nom: 'Кострома', gen: 'Костромы', dat: 'Костроме', acc: 'Кострому', ins: 'Костромой', prep: 'Костроме' },
    ],
    abbreviations: [],
  },
  {
    id: 'kurgan',
    name: 'Курганская область',
    en: 'Kurgan Oblast',
    kind: 'oblast',
    cases: { nom: 'Курганская область', gen: 'Курганской области', dat: 'Курганской области', acc: 'Курганскую область', ins: 'Курганской областью', prep: 'Курганской области' },
    aliases: [
      { nom: 'Зауралье', gen: 'Зауралья', dat: 'Зауралью', acc: 'Зауралье', ins: 'Зауральем', prep: 'Зауралье' },
    ],
    abbreviations: [],
  },
  {
    id: 'kursk',
    name: 'Курская область',
    en: 'Kursk Oblast',
    kind: 'oblast',
    cases: { nom: 'Курская область', gen: 'Курской области', dat: 'Курской области', acc: 'Курскую область', ins: 'Курской областью', prep: 'Курской области' },
    aliases: [
      { nom: 'Курск', gen: 'Курска', dat: 'Курску', acc: 'Курск', ins: 'Курском', prep: 'Курске' },
    ],
    abbreviations: [],
  },
  {
    id: 'leningrad',
    name: 'Ленинградская область',
    en: 'Leningrad Oblast',
    kind: 'oblast',
    cases: { nom: 'Ленинградская область', gen: 'Ленинградской области', dat: 'Ленинградской области', acc: 'Ленинградскую область', ins: 'Ленинградской областью', prep: 'Ленинградской области' },
    aliases: [],
    abbreviations: ['ЛО'],
  },
  {
    id: 'lipetsk',
    name: 'Липецкая область',
    en: 'Lipetsk Oblast',
    kind: 'oblast',
    cases: { nom: 'Липецкая область', gen: 'Липецкой области', dat: 'Липецкой области', acc: 'Липецкую область', ins: 'Липецкой областью', prep: 'Липецкой области' },
    aliases: [
      { nom: 'Липецк', gen: 'Липецка', dat: 'Липецку', acc: 'Липецк', ins: 'Липецком', prep: 'Липецке' },
    ],
    abbreviations: [],
  },
  {
    id: 'magadan',
    name: 'Магаданская область',
    en: 'Magadan Oblast',
    kind: 'oblast',
    cases: { nom: 'Магаданская область', gen: 'Магаданской области', dat: 'Магаданской области', acc: 'Магаданскую область', ins: 'Магаданской областью', prep: 'Магаданской области' },
    aliases: [
      { nom: 'Магадан', gen: 'Магадана', dat: 'Магадану', acc: 'Магадан', ins: 'Магаданом', prep: 'Магадане' },
    ],
    abbreviations: [],
  },
  {
    id: 'moscow-oblast',
    name: 'Московская область',
    en: 'Moscow Oblast',
    kind: 'oblast',
    cases: { nom: 'Московская область', gen: 'Московской области', dat: 'Московской области', acc: 'Московскую область', ins: 'Московской областью', prep: 'Московской области' },
    aliases: [
      { nom: 'Подмосковье', gen: 'Подмосковья', dat: 'Подмосковью', acc: 'Подмосковье', ins: 'Подмосковьем', prep: 'Подмосковье' },
    ],
    abbreviations: ['МО'],
  },
  {
    id: 'murmansk',
    name: 'Мурманская область',
    en: 'Murmansk Oblast',
    kind: 'oblast',
    cases: { nom: 'Мурманская область', gen: 'Мурманской области', dat: 'Мурманской области', acc: 'Мурманскую область', ins: 'Мурманской областью', prep: 'Мурманской области' },
    aliases: [
      { nom: 'Мурманск', gen: 'Мурманска', dat: 'Мурманску', acc: 'Мурманск', ins: 'Мурманском', prep: 'Мурманске' },
    ],
    abbreviations: [],
  },
  {
    id: 'nizhny-novgorod',
    name: 'Нижегородская область',
    en: 'Nizhny Novgorod Oblast',
    kind: 'oblast',
    cases: { nom: 'Нижегородская область', gen: 'Нижегородской области', dat: 'Нижегородской области', acc: 'Нижегородскую область', ins: 'Нижегородской областью', prep: 'Нижегородской области' },
    aliases: [
      { nom: 'Нижний Новгород', gen: 'Нижнего Новгорода', dat: 'Нижнему Новгороду', acc: 'Нижний Новгород', ins: 'Нижним Новгородом', prep: 'Нижнем Новгороде' },
    ],
    abbreviations: [],
  },
  {
    id: 'novgorod',
    name: 'Новгородская область',
    en: 'Novgorod Oblast',
    kind: 'oblast',
    cases: { nom: 'Новгородская область', gen: 'Новгородской области', dat: 'Новгородской области', acc: 'Новгородскую область', ins: 'Новгородской областью', prep: 'Новгородской области' },
    aliases: [
      { nom: 'Великий Новгород', gen: 'Великого Новгорода', dat: 'Великому Новгороду', acc: 'Великий Новгород', ins: 'Великим Новгородом', prep: 'Великом Новгороде' },
      { nom: 'Новгород', gen: 'Новгорода', dat: 'Новгороду', acc: 'Новгород', ins: 'Новгородом', prep: 'Новгороде' },
    ],
    abbreviations: [],
  },
  {
    id: 'novosibirsk',
    name: 'Новосибирская область',
    en: 'Novosibirsk Oblast',
    kind: 'oblast',
    cases: { nom: 'Новосибирская область', gen: 'Новосибирской области', dat: 'Новосибирской области', acc: 'Новосибирскую область', ins: 'Новосибирской областью', prep: 'Новосибирской области' },
    aliases: [
      { nom: 'Новосибирск', gen: 'Новосибирска', dat: 'Новосибирску', acc: 'Новосибирск', ins: 'Новосибирском', prep: 'Новосибирске' },
    ],
    abbreviations: [],
  },
  {
    id: 'omsk',
    name: 'Омская область',
    en: 'Omsk Oblast',
    kind: 'oblast',
    cases: { nom: 'Омская область', gen: 'Омской области', dat: 'Омской области', acc: 'Омскую область', ins: 'Омской областью', prep: 'Омской области' },
    aliases: [
      { nom: 'Омск', gen: 'Омска', dat: 'Омску', acc: 'Омск', ins: 'Омском', prep: 'Омске' },
    ],
    abbreviations: [],
  },
  {
    id: 'orenburg',
    name: 'Оренбургская область',
    en: 'Orenburg Oblast',
    kind: 'oblast',
    cases: { nom: 'Оренбургская область', gen: 'Оренбургской области', dat: 'Оренбургской области', acc: 'Оренбургскую область', ins: 'Оренбургской областью', prep: 'Оренбургской области' },
    aliases: [
      { nom: 'Оренбург', gen: 'Оренбурга', dat: 'Оренбургу', acc: 'Оренбург', ins: 'Оренбургом', prep: 'Оренбурге' },
      { nom: 'Оренбуржье', gen: 'Оренбуржья', dat: 'Оренбуржью', acc: 'Оренбуржье', ins: 'Оренбуржьем', prep: 'Оренбуржье' },
    ],
    abbreviations: [],
  },
  {
    id: 'oryol',
    name: 'Орловская область',
    en: 'Oryol Oblast',
    kind: 'oblast',
    cases: { nom: 'Орловская область', gen: 'Орловской области', dat: 'Орловской области', acc: 'Орловскую область', ins: 'Орловской областью', prep: 'Орловской области' },
    aliases: [],
    abbreviations: [],
  },
  {
    id: 'penza',
    name: 'Пензенская область',
    en: 'Penza Oblast',
    kind: 'oblast',
    cases: { nom: 'Пензенская область', gen: 'Пензенской области', dat: 'Пензенской области', acc: 'Пензенскую область', ins: 'Пензенской областью', prep: 'Пензенской области' },
    aliases: [
      { nom: 'Пенза', gen: 'Пензы', dat: 'Пензе', acc: 'Пензу', ins: 'Пензой', prep: 'Пензе' },
    ],
    abbreviations: [],
  },
  {
    id: 'pskov',
    name: 'Псковская область',
    en: 'Pskov Oblast',
    kind: 'oblast',
    cases: { nom: 'Псковская область', gen: 'Псковской области', dat: 'Псковской области', acc: 'Псковскую область', ins: 'Псковской областью', prep: 'Псковской области' },
    aliases: [
      { nom: 'Псков', gen: 'Пскова', dat: 'Пскову', acc: 'Псков', ins: 'Псковом', prep: 'Пскове' },
    ],
    abbreviations: [],
  },
  {
    id: 'rostov',
    name: 'Ростовская область',
    en: 'Rostov Oblast',
    kind: 'oblast',
    cases: { nom: 'Ростовская область', gen: 'Ростовской области', dat: 'Ростовской области', acc: 'Ростовскую область', ins: 'Ростовской областью', prep: 'Ростовской области' },
    aliases: [
      { nom: 'Ростов-на-Дону', gen: 'Ростова-на-Дону', dat: 'Ростову-на-Дону', acc: 'Ростов-на-Дону', ins: 'Ростовом-на-Дону', prep: 'Ростове-на-Дону' },
    ],
    abbreviations: [],
  },
  {
    id: 'ryazan',
    name: 'Рязанская область',
    en: 'Ryazan Oblast',
    kind: 'oblast',
    cases: { nom: 'Рязанская область', gen: 'Рязанской области', dat: 'Рязанской области', acc: 'Рязанскую область', ins: 'Рязанской областью', prep: 'Рязанской области' },
    aliases: [
      { nom: 'Рязань', gen: 'Рязани', dat: 'Рязани', acc: 'Рязань', ins: 'Рязанью', prep: 'Рязани' },
    ],
    abbreviations: [],
  },
  {
    id: 'samara',
    name: 'Самарская область',
    en: 'Samara Oblast',
    kind: 'oblast',
    cases: { nom: 'Самарская область', gen: 'Самарской области', dat: 'Самарской области', acc: 'Самарскую область', ins: 'Самарской областью', prep: 'Самарской области' },
    aliases: [
      { nom: 'Самара', gen: 'Самары', dat: 'Самаре', acc: 'Самару', ins: 'Самарой', prep: 'Самаре' },
    ],
    abbreviations: [],
  },
  {
    id: 'saratov',
    name: 'Саратовская область',
    en: 'Saratov Oblast',
    kind: 'oblast',
    cases: { nom: 'Саратовская область', gen: 'Саратовской области', dat: 'Саратовской области', acc: 'Саратовскую область', ins: 'Саратовской областью', prep: 'Саратовской области' },
    aliases: [
      { nom: 'Саратов', gen: 'Саратова', dat: 'Саратову', acc: 'Саратов', ins: 'Саратовом', prep: 'Саратове' },
    ],
    abbreviations: [],
  },
  {
    id: 'sakhalin',
    name: 'Сахалинская область',
    en: 'Sakhalin Oblast',
    kind: 'oblast',
    cases: { nom: 'Сахалинская область', gen: 'Сахалинской области', dat: 'Сахалинской области', acc: 'Сахалинскую область', ins: 'Сахалинской областью', prep: 'Сахалинской области' },
    aliases: [
      { nom: 'Сахалин', gen: 'Сахалина', dat: 'Сахалину', acc: 'Сахалин', ins: 'Сахалином', prep: 'Сахалине' },
    ],
    abbreviations: [],
  },
  {
    id: 'sverdlovsk',
    name: 'Свердловская область',
    en: 'Sverdlovsk Oblast',
    kind: 'oblast',
    cases: { nom: 'Свердловская область', gen: 'Свердловской области', dat: 'Свердловской области', acc: 'Свердловскую область', ins: 'Свердловской областью', prep: 'Свердловской области' },
    aliases: [
      { nom: 'Екатеринбург', gen: 'Екатеринбурга', dat: 'Екатеринбургу', acc: 'Екатеринбург', ins: 'Екатеринбургом', prep: 'Екатеринбурге' },
    ],
    abbreviations: [],
  },
  {
    id: 'smolensk',
    name: 'Смоленская область',
    en: 'Smolensk Oblast',
    kind: 'oblast',
    cases: { nom: 'Смоленская область', gen: 'Смоленской области', dat: 'Смоленской области', acc: 'Смоленскую область', ins: 'Смоленской областью', prep: 'Смоленской области' },
    aliases: [
      { nom: 'Смоленск', gen: 'Смоленска', dat: 'Смоленску', acc: 'Смоленск', ins: 'Смоленском', prep: 'Смоленске' },
    ],
    abbreviations: [],
  },
  {
    id: 'tambov',
    name: 'Тамбовская область',
    en: 'Tambov Oblast',
    kind: 'oblast',
    cases: { nom: 'Тамбовская область', gen: 'Тамбовской области', dat: 'Тамбовской области', acc: 'Тамбовскую область', ins: 'Тамбовской областью', prep: 'Тамбовской области' },
    aliases: [
      { nom: 'Тамбов', gen: 'Тамбова', dat: 'Тамбову', acc: 'Тамбов', ins: 'Тамбовом', prep: 'Тамбове' },
    ],
    abbreviations: [],
  },
  {
    id: 'tver',
    name: 'Тверская область',
    en: 'Tver Oblast',
    kind: 'oblast',
    cases: { nom: 'Тверская область', gen: 'Тверской области', dat: 'Тверской области', acc: 'Тверскую область', ins: 'Тверской областью', prep: 'Тверской области' },
    aliases: [
      { nom: 'Тверь', gen: 'Твери', dat: 'Твери', acc: 'Тверь', ins: 'Тверью', prep: 'Твери' },
    ],
    abbreviations: [],
  },
  {
    id: 'tomsk',
    name: 'Томская область',
    en: 'Tomsk Oblast',
    kind: 'oblast',
    cases: { nom: 'Томская область', gen: 'Томской области', dat: 'Томской области', acc: 'Томскую область', ins: 'Томской областью', prep: 'Томской области' },
    aliases: [
      { nom: 'Томск', gen: 'Томска', dat: 'Томску', acc: 'Томск', ins: 'Томском', prep: 'Томске' },
    ],
    abbreviations: [],
  },
  {
    id: 'tula',
    name: 'Тульская область',
    en: 'Tula Oblast',
    kind: 'oblast',
    cases: { nom: 'Тульская область', gen: 'Тульской области', dat: 'Тульской области', acc: 'Тульскую область', ins: 'Тульской областью', prep: 'Тульской области' },
    aliases: [
      { nom: 'Тула', gen: 'Тулы', dat: 'Туле', acc: 'Тулу', ins: 'Тулой', prep: 'Туле' },
    ],
    abbreviations: [],
  },
  {
    id: 'tyumen',
    name: 'Тюменская область',
    en: 'Tyumen Oblast',
    kind: 'oblast',
    cases: { nom: 'Тюменская область', gen: 'Тюменской области', dat: 'Тюменской области', acc: 'Тюменскую область', ins: 'Тюменской областью', prep: 'Тюменской области' },
    aliases: [
      { nom: 'Тюмень', gen: 'Тюмени', dat: 'Тюмени', acc: 'Тюмень', ins: 'Тюменью', prep: 'Тюмени' },
    ],
    abbreviations: [],
  },
  {
    id: 'ulyanovsk',
    name: 'Ульяновская область',
    en: 'Ulyanovsk Oblast',
    kind: 'oblast',
    cases: { nom: 'Ульяновская область', gen: 'Ульяновской области', dat: 'Ульяновской области', acc: 'Ульяновскую область', ins: 'Ульяновской областью', prep: 'Ульяновской области' },
    aliases: [
      { nom: 'Ульяновск', gen: 'Ульяновска', dat: 'Ульяновску', acc: 'Ульяновск', ins: 'Ульяновском', prep: 'Ульяновске' },
    ],
    abbreviations: [],
  },
  {
    id: 'kherson',
    name: 'Херсонская область',
    en: 'Kherson Oblast',
    kind: 'oblast',
    cases: { nom: 'Херсонская область', gen: 'Херсонской области', dat: 'Херсонской области', acc: 'Херсонскую область', ins: 'Херсонской областью', prep: 'Херсонской области' },
    aliases: [
      { nom: 'Херсон', gen: 'Херсона', dat: 'Херсону', acc: 'Херсон', ins: 'Херсоном', prep: 'Херсоне' },
    ],
    abbreviations: [],
  },
  {
    id: 'chelyabinsk',
    name: 'Челябинская область',
    en: 'Chelyabinsk Oblast',
    kind: 'oblast',
    cases: { nom: 'Челябинская область', gen: 'Челябинской области', dat: 'Челябинской области', acc: 'Челябинскую область', ins: 'Челябинской областью', prep: 'Челябинской области' },
    aliases: [
      { nom: 'Челябинск', gen: 'Челябинска', dat: 'Челябинску', acc: 'Челябинск', ins: 'Челябинском', prep: 'Челябинске' },
    ],
    abbreviations: [],
  },
  {
    id: 'yaroslavl',
    name: 'Ярославская область',
    en: 'Yaroslavl Oblast',
    kind: 'oblast',
    cases: { nom: 'Ярославская область', gen: 'Ярославской области', dat: 'Ярославской области', acc: 'Ярославскую область', ins: 'Ярославской областью', prep: 'Ярославской области' },
    aliases: [
      { nom: 'Ярославль', gen: 'Ярославля', dat: 'Ярославлю', acc: 'Ярославль', ins: 'Ярославлем', prep: 'Ярославле' },
    ],
    abbreviations: [],
  },
  {
    id: 'moscow',
    name: 'Москва',
    en: 'Moscow',
    kind: 'federal-city',
    cases: { nom: 'Москва', gen: 'Москвы', dat: 'Москве', acc: 'Москву', ins: 'Москвой', prep: 'Москве' },
    aliases: [],
    abbreviations: [],
  },
  {
    id: 'saint-petersburg',
    name: 'Санкт-Петербург',
    en: 'Saint Petersburg',
    kind: 'federal-city',
    cases: { nom: 'Санкт-Петербург', gen: 'Санкт-Петербурга', dat: 'Санкт-Петербургу', acc: 'Санкт-Петербург', ins: 'Санкт-Петербургом', prep: 'Санкт-Петербурге' },
    aliases: [
      { nom: 'Петербург', gen: 'Петербурга', dat: 'Петербургу', acc: 'Петербург', ins: 'Петербургом', prep: 'Петербурге' },
    ],
    abbreviations: ['СПб'],
  },
  {
    id: 'sevastopol',
    name: 'Севастополь',
    en: 'Sevastopol',
    kind: 'federal-city',
    cases: { nom: 'Севастополь', gen: 'Севастополя', dat: 'Севастополю', acc: 'Севастополь', ins: 'Севастополем', prep: 'Севастополе' },
    aliases: [],
    abbreviations: [],
  },
  {
    id: 'jewish',
    name: 'Еврейская автономная область',
    en: 'Jewish Autonomous Oblast',
    kind: 'autonomous-oblast',
    cases: { nom: 'Еврейская автономная область', gen: 'Еврейской автономной области', dat: 'Еврейской автономной области', acc: 'Еврейскую автономную область', ins: 'Еврейской автономной областью', prep: 'Еврейской автономной области' },
    aliases: [
      { nom: 'Биробиджан', gen: 'Биробиджана', dat: 'Биробиджану', acc: 'Биробиджан', ins: 'Биробиджаном', prep: 'Биробиджане' },
    ],
    abbreviations: ['ЕАО'],
  },
  {
    id: 'nenets',
    name: 'Ненецкий автономный округ',
    en: 'Nenets Autonomous Okrug',
    kind: 'autonomous-okrug',
    cases: { nom: 'Ненецкий автономный округ', gen: 'Ненецкого автономного округа', dat: 'Ненецкому автономному округу', acc: 'Ненецкий автономный округ', ins: 'Ненецким автономным округом', prep: 'Ненецком автономном округе' },
    aliases: [],
    abbreviations: ['НАО'],
  },
  {
    id: 'khanty-mansi',
    name: 'Ханты-Мансийский автономный округ — Югра',
    en: 'Khanty-Mansi Autonomous Okrug – Yugra',
    kind: 'autonomous-okrug',
    cases: { nom: 'Ханты-Мансийский автономный округ — Югра', gen: 'Ханты-Мансийского автономного округа — Югры', dat: 'Ханты-Мансийскому автономному округу — Югре', acc: 'Ханты-Мансийский автономный округ — Югру', ins: 'Ханты-Мансийским автономным округом — Югрой', prep: 'Ханты-Мансийском автономном округе — Югре' },
    aliases: [
      { nom: 'Ханты-Мансийский автономный округ', gen: 'Ханты-Мансийского автономного округа', dat: 'Ханты-Мансийскому автономному округу', acc: 'Ханты-Мансийский автономный округ', ins: 'Ханты-Мансийским автономным округом', prep: 'Ханты-Мансийском автономном округе' },
      { nom: 'Югра', gen: 'Югры', dat: 'Югре', acc: 'Югру', ins: 'Югрой', prep: 'Югре' },
    ],
    abbreviations: ['ХМАО', 'ХМАО-Югра'],
  },
  {
    id: 'chukotka',
    name: 'Чукотский автономный округ',
    en: 'Chukotka Autonomous Okrug',
    kind: 'autonomous-okrug',
    cases: { nom: 'Чукотский автономный округ', gen: 'Чукотского автономного округа', dat: 'Чукотскому автономному округу', acc: 'Чукотский автономный округ', ins: 'Чукотским автономным округом', prep: 'Чукотском автономном округе' },
    aliases: [
      { nom: 'Чукотка', gen: 'Чукотки', dat: 'Чукотке', acc: 'Чукотку', ins: 'Чукоткой', prep: 'Чукотке' },
    ],
    abbreviations: ['ЧАО'],
  },
  {
    id: 'yamalo-nenets',
    name: 'Ямало-Ненецкий автономный округ',
    en: 'Yamalo-Nenets Autonomous Okrug',
    kind: 'autonomous-okrug',
    cases: { nom: 'Ямало-Ненецкий автономный округ', gen: 'Ямало-Ненецкого автономного округа', dat: 'Ямало-Ненецкому автономному округу', acc: 'Ямало-Ненецкий автономный округ', ins: 'Ямало-Ненецким автономным округом', prep: 'Ямало-Ненецком автономном округе' },
    aliases: [
      { nom: 'Ямал', gen: 'Ямала', dat: 'Ямалу', acc: 'Ямал', ins: 'Ямалом', prep: 'Ямале' },
    ],
    abbreviations: ['ЯНАО'],
  },
];
