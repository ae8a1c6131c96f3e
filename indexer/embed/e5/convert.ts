/**
 * Converts an `E5S1` pack into the transformers.js layout: `config.json`, `tokenizer.json`, `tokenizer_config.json`
 * and `onnx/<model file>`, written into a temporary folder and renamed into place, so an interrupted conversion
 * never leaves a half-written model that looks complete.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildBertModel, onnxFileName, type LinearFormat } from './bert-graph.js';
import { encodeOnnxModel } from './onnx-proto.js';
import { readE5Pack } from './pack.js';
import { modelConfigJson, tokenizerConfigJson, tokenizerJson } from './tokenizer-files.js';

export interface ConvertedModel {
  dir: string;
  onnxFile: string;
  onnxBytes: number;
}

export async function convertPack(packBytes: Uint8Array, modelDir: string, format: LinearFormat, provenance: Record<string, unknown>): Promise<ConvertedModel> {
  const pack = readE5Pack(packBytes);
  const staging = `${modelDir}.converting-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(path.join(staging, 'onnx'), { recursive: true });
  const json = (value: unknown): string => `${JSON.stringify(value, null, 1)}\n`;
  await writeFile(path.join(staging, 'config.json'), json(modelConfigJson(pack)));
  await writeFile(path.join(staging, 'tokenizer.json'), json(tokenizerJson(pack)));
  await writeFile(path.join(staging, 'tokenizer_config.json'), json(tokenizerConfigJson(pack)));
  const onnx = encodeOnnxModel(buildBertModel(pack, format));
  const onnxFile = onnxFileName(format);
  await writeFile(path.join(staging, 'onnx', onnxFile), onnx);
  await writeFile(path.join(staging, 'source.json'), json({ ...provenance, format, onnxFile, convertedAt: new Date().toISOString() }));
  await rm(modelDir, { recursive: true, force: true });
  await mkdir(path.dirname(modelDir), { recursive: true });
  await rename(staging, modelDir);
  return { dir: modelDir, onnxFile, onnxBytes: onnx.byteLength };
}
