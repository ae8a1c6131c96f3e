/**
 * Texts the quality gate (indexer/corpus/text-quality.ts) was measured on: the bundled corpus, an English text, and
 * junk built deterministically — random bytes that decode, mojibake of every common wrong conversion, letter salad.
 */
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { decodeTextBuffer } from '../../indexer/corpus/load-text.js';

/** Deterministic pseudo-random numbers in [0, 1) (a linear congruential generator), so samples never change. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

export const BUNDLED = ['tver', 'tyumen', 'khabarovsk', 'luhansk', 'karachay-cherkessia'] as const;

/** Bytes drawn uniformly from [lo, hi]. */
export function randomBytes(length: number, lo: number, hi: number, seed = 7): Uint8Array {
  const random = seededRandom(seed);
  return Uint8Array.from({ length }, () => lo + Math.floor(random() * (hi - lo + 1)));
}

/** Good texts: every bundled strategy and an English one (the README's first 20,000 characters). */
export async function goodSamples(): Promise<Record<string, string>> {
  const samples: Record<string, string> = {};
  for (const name of BUNDLED) samples[`corpus/${name}.txt`] = await readFile(`corpus/${name}.txt`, 'utf8');
  samples['README.md (English)'] = (await readFile('README.md', 'utf8')).slice(0, 20_000);
  return samples;
}

/** Junk that gets past the byte-level checks of the loaders, with the gate's expected reason (a regex). */
export async function junkSamples(): Promise<Record<string, { text: string; reason: RegExp }>> {
  const source = (await readFile('corpus/tver.txt', 'utf8')).slice(0, 30_000);
  const utf8 = Buffer.from(source, 'utf8');
  const random = seededRandom(11);
  const pick = (letters: string) => letters[Math.floor(random() * letters.length)]!;
  const letters = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
  const salad = Array.from({ length: 3000 }, () => Array.from({ length: 2 + Math.floor(random() * 8) }, () => pick(letters)).join('')).join(' ');
  const syllables = Array.from({ length: 3000 }, () =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick('бвгджзклмнпрстфхцчшщ') + pick('аеиоуыэюя')).join(''),
  ).join(' ');
  const decoded = (bytes: Uint8Array) => decodeTextBuffer(bytes, 'musor.txt').pages[0]!.text;
  return {
    'random bytes 0x20–0xFF (decodes as Windows-1251)': { text: decoded(randomBytes(20_000, 0x20, 0xff)), reason: /letters|Russian/ },
    'random bytes 0x80–0xFF (decodes as Windows-1251)': { text: decoded(randomBytes(20_000, 0x80, 0xff)), reason: /Russian|mojibake/ },
    'random printable ASCII': { text: decoded(randomBytes(20_000, 0x20, 0x7e)), reason: /letters|English/ },
    'UTF-8 read as Windows-1251 («РЎС‚»)': { text: iconv.decode(utf8, 'win1251'), reason: /mojibake/ },
    'UTF-8 read as Latin-1 («Ð¡Ñ‚»)': { text: utf8.toString('latin1'), reason: /mojibake/ },
    'UTF-8 read as Windows-1252': { text: iconv.decode(utf8, 'win1252'), reason: /mojibake/ },
    'Windows-1251 read as Latin-1 («Ñòðàòåãèÿ»)': { text: iconv.encode(source, 'win1251').toString('latin1'), reason: /mojibake/ },
    'KOI8-R read as Windows-1251': { text: iconv.decode(iconv.encode(source, 'koi8-r'), 'win1251'), reason: /Russian/ },
    'letter salad': { text: salad, reason: /Russian/ },
    'pronounceable syllable salad': { text: syllables, reason: /Russian/ },
  };
}
