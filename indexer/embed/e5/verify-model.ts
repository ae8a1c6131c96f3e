/**
 * A quick proof that the model in `models/` embeds by meaning, run after every fetch or conversion: vectors are
 * 384-d and unit length, and a query is closer to a passage on its topic than to one on another topic.
 * (The full proof against the reference engine is in tests/embed/e5-conversion.test.ts.)
 */
import { createTransformersEmbedder } from '../transformers.js';

const PROBE = {
  query: 'медицинская история пациента в цифровом виде',
  onTopic: 'Внедрение электронных медицинских карт во всех медицинских организациях региона.',
  offTopic: 'Ремонт автомобильных дорог и строительство мостов в муниципальных районах.',
};

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i]! * b[i]!;
  return sum;
}

export async function verifyModel(modelsDir: string): Promise<{ ok: boolean; message: string }> {
  const embedder = await createTransformersEmbedder({ modelsDir });
  try {
    const query = await embedder.embedQuery(PROBE.query);
    const [onTopic, offTopic] = await embedder.embedTexts([`passage: ${PROBE.onTopic}`, `passage: ${PROBE.offTopic}`]);
    const near = dot(query, onTopic!);
    const far = dot(query, offTopic!);
    const norm = Math.sqrt(dot(query, query));
    const ok = embedder.dimension === 384 && Math.abs(norm - 1) < 1e-3 && near > far;
    return {
      ok,
      message: `${embedder.id}, ${embedder.dimension} dimensions; a query about medical records is ${near > far ? 'closer' : 'NOT closer'} to a passage on them (${near.toFixed(3)}) than to one on roads (${far.toFixed(3)})`,
    };
  } finally {
    await embedder.dispose();
  }
}
