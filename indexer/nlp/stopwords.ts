/**
 * Russian function words and phrasing that carry no topic ("как", "какие", "регион" in a question). Lemmas, since
 * the features are lemmas. Topic words stay even when frequent: TF-IDF lowers them by itself.
 */
const FUNCTION_WORDS = `
а авось ага без более больше будто бы бывать быть в вам вас ваш весь во вот все всегда всего всех вы где да даже
для до его ее если есть еще ж же за зачем здесь и из или им их к каждый как какой когда кой кто куда ли либо лишь
между меня мне много мной мы на над надо наш не него нее нельзя нет ни нибудь никакой ничто но ну о об один однако
около он она они оно от ото очень по под после при про с сам свой себя со так также такой там те тем то тогда
тоже только том тот тут ты у уж уже хоть хотя чей чем через что чтобы чуть это этот я ее её который которые
мочь можно нужно должен должный являться иметься иной другой ряд ход также т.е т.к др пр г гг см
сей пора туда сюда туда-сюда откуда отсюда оттуда куда-то где-то негде нигде везде всюду
`;

/** Question phrasing: words users put in queries that say nothing about the topic. */
const QUESTION_WORDS = `
какой каков как почему зачем сколько где что кто ли ли бы делать сделать делаться происходить обстоять
рассказать показать найти искать пример примеры информация сведения вопрос
`;

export const STOPWORDS: ReadonlySet<string> = new Set(
  `${FUNCTION_WORDS} ${QUESTION_WORDS}`.split(/\s+/).filter(Boolean),
);

export function isStopword(lemma: string): boolean {
  return STOPWORDS.has(lemma) || lemma.length < 2;
}
