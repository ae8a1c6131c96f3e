import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** One document entry of `corpus/manifest.json`. */
export const manifestEntrySchema = z.object({
  /** File name inside the corpus directory, e.g. `tver.txt`. */
  file: z
    .string()
    .min(1)
    .refine((f) => !f.includes('/') && !f.includes('\\'), 'must be a plain file name inside the corpus directory'),
  /** Region name in Russian, nominative: `Тверская область`. */
  region: z.string().min(1),
  region_en: z.string().min(1).optional(),
  /** Full document title. */
  title: z.string().min(1),
  period: z.string().optional(),
  approved: z.string().optional(),
  /** How the text was extracted: `flattened` (one line, punctuation stripped) or `layout` (line breaks kept). */
  text_form: z.enum(['flattened', 'layout']).optional(),
  /** Original file name the text came from (provenance only). */
  source_file: z.string().optional(),
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

/** The whole `corpus/manifest.json`. Unknown top-level fields are kept (e.g. `about`). */
export const manifestSchema = z
  .object({
    about: z.string().optional(),
    documents: z.array(manifestEntrySchema),
  })
  .loose()
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    manifest.documents.forEach((doc, i) => {
      if (seen.has(doc.file)) {
        ctx.addIssue({ code: 'custom', path: ['documents', i, 'file'], message: `duplicate entry for "${doc.file}"` });
      }
      seen.add(doc.file);
    });
  });
export type Manifest = z.infer<typeof manifestSchema>;

/** Thrown when `manifest.json` exists but cannot be used; the message names the file and the offending fields. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

/** Name of the manifest file inside a corpus directory. */
export const MANIFEST_FILE = 'manifest.json';

/**
 * Reads and validates `<dir>/manifest.json`.
 * @returns the manifest, or `null` when the directory has no manifest (every document is then inferred).
 * @throws ManifestError when the file is not JSON or does not match the schema.
 */
export async function readManifest(dir: string): Promise<Manifest | null> {
  const file = path.join(dir, MANIFEST_FILE);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ManifestError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  return parseManifest(raw, file);
}

/** Validates manifest JSON text; `source` is used in error messages. */
export function parseManifest(raw: string, source = MANIFEST_FILE): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ManifestError(`${source} is not valid JSON (${(error as Error).message}). Fix the syntax or delete the file to infer every document.`);
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  - ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
      .join('\n');
    throw new ManifestError(`${source} is invalid:\n${problems}\nEach entry needs at least "file", "region" and "title".`);
  }
  return result.data;
}
