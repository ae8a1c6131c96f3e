import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CorpusDocument } from '../types.js';
import type { TextForm } from '../structure/text-form.js';
import { DocumentLoadError } from './errors.js';
import { inferDocumentInfo } from './infer-region.js';
import { loadDocument, SUPPORTED_EXTENSIONS, type LoadDocumentOptions, type LoadedDocument } from './load-document.js';
import { readManifest, type ManifestEntry } from './manifest.js';
import { findSubject } from '../regions/region-matcher.js';
import { slugify } from './slug.js';
import type { DocumentWarning } from './warnings.js';

/** A corpus document found on disk, with where its description came from. */
export interface DiscoveredDocument extends CorpusDocument {
  /** Absolute or dir-relative path of the file. */
  path: string;
  /** `manifest`: described in manifest.json; `text`: region/title inferred from the text; `file-name`: guessed from the name. */
  origin: 'manifest' | 'text' | 'file-name';
  /** Text form declared in the manifest (`text_form`), if any. */
  declaredTextForm?: TextForm;
  /** Problems worth telling the user that did not prevent indexing. */
  warnings: DocumentWarning[];
  /** The loaded text, when discovery had to read it (for inference); reused by readCorpus. */
  loaded?: LoadedDocument;
  /** Why the file cannot be read, when discovery already found out. */
  loadError?: DocumentLoadError;
}

/** Options of {@link discoverCorpus}. */
export interface DiscoverOptions {
  /** Loader options used when a file must be read to infer its region. */
  load?: LoadDocumentOptions;
}

/**
 * Lists the documents of a corpus directory: every `.txt` / `.pdf` file, described by its `manifest.json` entry
 * when there is one; otherwise region and title are inferred from the text («…Тверской области» →
 * `Тверская область`), falling back to the file name with a warning. Files listed in the manifest but missing
 * on disk are returned with a `not-found` load error. Ids are slugs of the file names; documents of the same
 * region share the `regionId` of the first one.
 * @throws ManifestError when manifest.json exists but is invalid.
 */
export async function discoverCorpus(dir: string, options: DiscoverOptions = {}): Promise<DiscoveredDocument[]> {
  const manifest = await readManifest(dir);
  const entries = new Map<string, ManifestEntry>((manifest?.documents ?? []).map((d) => [d.file, d]));
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && (SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(e.name).toLowerCase()))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));

  const documents: DiscoveredDocument[] = [];
  const usedIds = new Set<string>();
  const uniqueId = (file: string) => {
    const base = slugify(path.basename(file, path.extname(file)));
    let id = usedIds.has(base) ? `${base}-${slugify(path.extname(file).slice(1))}` : base;
    for (let k = 2; usedIds.has(id); k++) id = `${base}-${k}`;
    usedIds.add(id);
    return id;
  };

  for (const name of names) {
    const filePath = path.join(dir, name);
    const entry = entries.get(name);
    const id = uniqueId(name);
    if (entry) {
      documents.push({
        id,
        file: name,
        path: filePath,
        ...regionOfManifestEntry(entry),
        title: entry.title,
        ...(entry.period ? { period: entry.period } : {}),
        ...(entry.approved ? { approved: entry.approved } : {}),
        origin: 'manifest',
        ...(entry.text_form ? { declaredTextForm: entry.text_form } : {}),
      });
      continue;
    }
    documents.push(await inferDocument(id, name, filePath, options));
  }

  for (const entry of entries.values()) {
    if (names.includes(entry.file)) continue;
    const id = uniqueId(entry.file);
    documents.push({
      id,
      file: entry.file,
      path: path.join(dir, entry.file),
      ...regionOfManifestEntry(entry),
      title: entry.title,
      origin: 'manifest',
      loadError: new DocumentLoadError(entry.file, 'not-found', 'listed in manifest.json but the file is missing from the corpus directory'),
    });
  }

  return documents;
}

async function inferDocument(id: string, name: string, filePath: string, options: DiscoverOptions): Promise<DiscoveredDocument> {
  const base: Omit<DiscoveredDocument, 'region' | 'regionId' | 'title' | 'origin'> = { id, file: name, path: filePath, warnings: [] };
  let loaded: LoadedDocument;
  try {
    loaded = await loadDocument(filePath, options.load);
  } catch (error) {
    const loadError =
      error instanceof DocumentLoadError ? error : new DocumentLoadError(name, 'corrupt-pdf', `cannot be read: ${(error as Error).message}`);
    return { ...base, ...fromFileName(name), origin: 'file-name', loadError };
  }
  const text = loaded.pages.map((p) => p.text).join('\n');
  const info = inferDocumentInfo(text);
  if (info) {
    return {
      ...base,
      regionId: info.subject.id,
      region: info.region,
      title: info.title ?? `${path.basename(name, path.extname(name))} (${info.region})`,
      ...(info.period ? { period: info.period } : {}),
      origin: 'text',
      warnings: [
        {
          code: 'region-from-text',
          message: `no manifest entry: region "${info.region}" inferred from the text; add an entry to corpus/manifest.json to set it explicitly`,
        },
      ],
      loaded,
    };
  }
  const guess = fromFileName(name);
  return {
    ...base,
    ...guess,
    origin: 'file-name',
    warnings: [
      {
        code: 'region-from-file-name',
        message: `no manifest entry and no region name found in the text: using "${guess.region}" from the file name; add an entry to corpus/manifest.json`,
      },
    ],
    loaded,
  };
}

/** Region guessed from a file name: a subject's id or name («novgorod.pdf», «Тверская область 2024.txt»), else the name itself. */
function fromFileName(name: string): { regionId: string; region: string; title: string } {
  const stem = path.basename(name, path.extname(name)).replace(/[_]+/g, ' ').trim();
  const subject = findSubject(stem) ?? findSubject(stem.replace(/[-\s]*\d[\d\s-]*$/u, ''));
  const region = subject?.name ?? (stem ? stem[0]!.toUpperCase() + stem.slice(1).replace(/-+/g, ' ') : name);
  return { regionId: subject?.id ?? slugify(stem || name), region, title: `Стратегия цифровой трансформации (${region})` };
}

/**
 * Region of a manifest entry: the subject its `region` names (id and official name from the table), so every
 * document of one region shares one id whatever its file is called; a region outside the table gets a slug of its name.
 */
function regionOfManifestEntry(entry: ManifestEntry): { regionId: string; region: string; warnings: DocumentWarning[] } {
  const subject = findSubject(entry.region);
  if (subject) return { regionId: subject.id, region: subject.name, warnings: [] };
  const regionId = slugify(entry.region);
  return {
    regionId,
    region: entry.region,
    warnings: [
      {
        code: 'region-not-in-table',
        message: `manifest region "${entry.region}" is not one of the 89 subjects of the Federation: its id "${regionId}" is made from the name`,
      },
    ],
  };
}
