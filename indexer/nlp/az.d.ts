// Minimal typings for the parts of `az` (Russian morphology, OpenCorpora dictionaries) that we use.
declare module 'az' {
  interface AzTag {
    POST?: string;
    toString(): string;
  }
  export interface AzParse {
    /** Undefined on a hyphenated compound parsed as two words (its `toString()` gives the whole form). */
    word: string | undefined;
    tag: AzTag;
    score: number;
    /** Which analyser produced the parse: `Dictionary`, `PrefixKnown`, `HyphenWords`, `SuffixKnown`, ... */
    parser: string;
    /** Known prefix split off by prefix/hyphen analysers (`теле`, `ит-`). */
    prefix?: string;
    normalize(keepPOS?: boolean): AzParse;
    toString(): string;
  }
  interface AzMorph {
    (word: string, config?: Record<string, unknown>): AzParse[];
    init(path: string, callback: (error: Error | null) => void): void;
  }
  const Az: { Morph: AzMorph };
  export default Az;
}
