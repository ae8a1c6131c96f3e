import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THESAURUS_FILE, loadThesaurus, parseThesaurus } from '../../indexer/nlp/thesaurus.js';

describe('thesaurus', () => {
  it('ships a compact converted mythes-ru file with its licence notice', () => {
    expect(existsSync(DEFAULT_THESAURUS_FILE)).toBe(true);
    expect(readFileSync(path.join(path.dirname(DEFAULT_THESAURUS_FILE), 'README.md'), 'utf8')).toMatch(/LGPL-2\.1/);
  });

  it('finds synonyms symmetrically within a set', () => {
    const thesaurus = loadThesaurus();
    expect(thesaurus.size).toBeGreaterThan(20_000);
    expect(thesaurus.synonyms('врач')).toContain('доктор');
    expect(thesaurus.synonyms('нехватка')).toContain('дефицит');
    expect(thesaurus.synonyms('дефицит')).toContain('нехватка');
    expect(thesaurus.synonyms('несуществующееслово')).toEqual([]);
  });

  it('parses the compact format and ignores comments', () => {
    const thesaurus = parseThesaurus('# comment\nа|б|в\nб|г\n');
    expect([...thesaurus.synonyms('б')].sort()).toEqual(['а', 'в', 'г']);
  });

  it('says how to regenerate a missing file', () => {
    const missing = path.join(mkdtempSync(path.join(tmpdir(), 'thes-')), 'none.txt');
    expect(() => loadThesaurus(missing)).toThrow(/build-thesaurus/);
  });
});
