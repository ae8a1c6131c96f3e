import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import type { BuildMeasurement } from '../workers/build-index.js';
import { CORPUS_DIR, E5_MODEL_ID, e5ModelsDir, REPO_CACHE_DIR } from './paths.js';
import { runWorker } from './processes.js';

/**
 * State shared by the sections of one run: the temporary folder, the run length, and the two indexes of the
 * bundled corpus (built once by the build section, or on first use when that section is not selected).
 */

export interface BenchIndex {
  dir: string;
  /** Folder with transformers.js models this index needs at load time (undefined for the offline index). */
  modelsDir?: string;
  build: BuildMeasurement;
}

export type IndexKind = 'offline' | 'e5';

export class BenchContext {
  private readonly indexes = new Map<IndexKind, Promise<BenchIndex>>();

  constructor(
    /** Scratch folder of this run (indexes, caches, synthetic corpora). */
    readonly tmpRoot: string,
    /** `--quick`: shorter load phases, fewer repetitions (CI-like). */
    readonly quick: boolean,
    readonly log: (message: string) => void,
  ) {}

  /** Why the multilingual-e5-small rows are skipped, if they are (model absent, or `--quick`: embedding takes minutes). */
  get e5Skipped(): string | undefined {
    const found = e5ModelsDir();
    if ('missing' in found) return `${found.missing}; e5 rows skipped`;
    if (this.quick) return 'skipped in --quick (embedding the corpus with a 12-layer model takes minutes)';
    return undefined;
  }

  /** Why there can be no multilingual-e5-small index (the model is not in models/), or undefined. */
  get e5Unavailable(): string | undefined {
    const found = e5ModelsDir();
    return 'missing' in found ? found.missing : undefined;
  }

  /**
   * The index of the bundled corpus the build section made, or (that section not run) one built now in a fresh
   * process with its embedding cache seeded from the repository's (`data/cache`, written by `npm run index`): the
   * sections that only serve an index need not spend two minutes embedding it with e5.
   */
  index(kind: IndexKind): Promise<BenchIndex> {
    let pending = this.indexes.get(kind);
    if (!pending) {
      pending = this.buildBundled(kind, `${kind}-index`, `${kind}-cache`, { seedCache: true });
      this.indexes.set(kind, pending);
    }
    return pending;
  }

  /** Registers an index built elsewhere (the build section) so later sections reuse it. */
  remember(kind: IndexKind, index: BenchIndex): void {
    this.indexes.set(kind, Promise.resolve(index));
  }

  async buildBundled(kind: IndexKind, outName: string, cacheName: string, options: { seedCache?: boolean } = {}): Promise<BenchIndex> {
    const dir = path.join(this.tmpRoot, outName);
    const cacheDir = path.join(this.tmpRoot, cacheName);
    if (options.seedCache && existsSync(REPO_CACHE_DIR)) {
      // A copy: the run never writes to the repository's cache. Entries that do not match are simply recomputed.
      await cp(REPO_CACHE_DIR, cacheDir, { recursive: true });
    }
    if (kind === 'offline') {
      const build = await runWorker<BuildMeasurement>('bench/workers/build-index.ts', { corpusDir: CORPUS_DIR, outDir: dir, cacheDir, embedder: 'offline' });
      return { dir, build };
    }
    const models = e5ModelsDir();
    if ('missing' in models) throw new Error(models.missing);
    const build = await runWorker<BuildMeasurement>('bench/workers/build-index.ts', {
      corpusDir: CORPUS_DIR,
      outDir: dir,
      cacheDir,
      embedder: 'transformers',
      modelsDir: models.dir,
      modelId: E5_MODEL_ID,
    });
    return { dir, modelsDir: models.dir, build };
  }
}
