import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BadInputError } from '../../errors.js';
import { Gazetteer, type GazetteerData } from './gazetteer.js';
import { decodeModel, type ModelHeader } from './model-file.js';
import type { LinearModel } from './tagger.js';

/** The trained tagger and the gazetteer it was trained with. */
export interface NerResources {
  model: LinearModel;
  gazetteer: Gazetteer;
}

/** File names inside the model folder. */
export const MODEL_FILES = { header: 'model.json', weights: 'weights.bin', gazetteer: 'gazetteer.json' } as const;

/** models/ner of the project, found by walking up from this module (works from src/ and from dist/). */
export function defaultModelDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'models', 'ner');
    if (existsSync(join(candidate, MODEL_FILES.header))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new BadInputError('models/ner', 'no trained NER model found (run npm run train:ner)');
    dir = parent;
  }
}

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (err) {
    throw new BadInputError(path, `cannot read: ${(err as Error).message}`);
  }
}

/** Reads a model folder written by scripts/train-ner.ts. */
export function loadNerResources(dir: string): NerResources {
  const header = readJson<ModelHeader>(join(dir, MODEL_FILES.header));
  if (header.version !== 1) throw new BadInputError(join(dir, MODEL_FILES.header), `unknown version ${header.version}`);
  const weights = readFileSync(join(dir, MODEL_FILES.weights));
  const gazetteer = new Gazetteer(readJson<GazetteerData>(join(dir, MODEL_FILES.gazetteer)));
  return { model: decodeModel(header, new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength)), gazetteer };
}

let cached: NerResources | undefined;

/** The project's model, loaded once per process on first use. */
export function getNerResources(): NerResources {
  cached ??= loadNerResources(defaultModelDir());
  return cached;
}
