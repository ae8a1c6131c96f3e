/**
 * Downloads a transformers.js model from the Hugging Face hub into `models/` (machines with internet only), in the
 * layout the indexer and server load from: models/<modelId>/{config.json,tokenizer.json,tokenizer_config.json,
 * onnx/model_quantized.onnx}.
 *
 * Usage: npx tsx indexer/embed/tools/fetch-model.ts [modelId] [modelsDir]
 *        (defaults: Xenova/multilingual-e5-small, models)
 */
import { DEFAULT_MODEL_ID, createTransformersEmbedder, isModelAvailable, missingModelFiles } from '../transformers.js';

const modelId = process.argv[2] ?? DEFAULT_MODEL_ID;
const modelsDir = process.argv[3] ?? 'models';

if (isModelAvailable(modelsDir, modelId)) {
  console.log(`${modelId} is already complete in ${modelsDir}/.`);
} else {
  console.log(`Downloading ${modelId} into ${modelsDir}/ ...`);
  try {
    const embedder = await createTransformersEmbedder({ modelId, modelsDir, allowDownload: true });
    const vector = await embedder.embedQuery('проверка');
    await embedder.dispose();
    const missing = missingModelFiles(modelsDir, modelId);
    if (missing.length > 0) throw new Error(`download finished but files are missing: ${missing.join(', ')}`);
    console.log(`Done: ${modelId} (${vector.length} dimensions). Rebuild the index with: npm run index`);
  } catch (error) {
    console.error(`Could not fetch ${modelId}: ${(error as Error).message}`);
    console.error('Without internet access, copy the files by hand (see models/README.md).');
    process.exitCode = 1;
  }
}
