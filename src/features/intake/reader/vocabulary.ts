import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../../../platform/content/yaml';
import { z } from 'zod';
import { CONTENT_DIR } from '../../../platform/paths';
import { PRODUCTS, SUBSTANCES } from '../../risk/profile';

export const UNIT_IDS = [
  'gram',
  'milligram',
  'kilogram',
  'ounce',
  'teaspoon',
  'tablespoon',
  'spoon',
  'capsule',
  'shot',
  'tablet',
  'dropper',
  'scoop',
  'cup',
] as const;
export type UnitId = (typeof UNIT_IDS)[number];
export const CAPSULE_SIZES = ['000', '00', '0'] as const;
export type CapsuleSize = (typeof CAPSULE_SIZES)[number];

const phrases = z.array(z.string().min(1)).min(1);
const positive = z.number().positive();

const vocabularySchema = z.object({
  gramsPer: z.object({
    teaspoon: positive,
    heapingTeaspoon: positive,
    tablespoon: positive,
    heapingTablespoon: positive,
    ounce: positive,
    kilogram: positive,
  }),
  capsuleGrams: z.object({ '000': positive, '00': positive, '0': positive }),
  defaultCapsuleSize: z.enum(CAPSULE_SIZES),
  wakingHours: z.number().min(8).max(24),
  units: z.object(Object.fromEntries(UNIT_IDS.map((u) => [u, phrases])) as Record<UnitId, typeof phrases>),
  heaping: phrases,
  products: z.object({
    ...(Object.fromEntries(PRODUCTS.map((p) => [p, phrases])) as Record<(typeof PRODUCTS)[number], typeof phrases>),
    /** Extract sold as capsules, or a brand's extract line: extract, and their "capsules" are not leaf. */
    extractCapsules: phrases,
  }),
  /** Plants people mix up with kratom (kava): not kratom, said so, and asked again. */
  notKratom: phrases,
  substances: z.object(
    Object.fromEntries(SUBSTANCES.map((s) => [s, phrases])) as Record<(typeof SUBSTANCES)[number], typeof phrases>,
  ),
  yes: phrases,
  no: phrases,
  dontKnow: phrases,
  none: phrases,
  goals: z.object({ stop: phrases, cutDown: phrases }),
});
export type Vocabulary = z.infer<typeof vocabularySchema>;

const promptsSchema = z.object({
  system: z.string().min(1),
  fields: z.object({
    amount: z.string(),
    duration: z.string(),
    timesPerDay: z.string(),
    products: z.string(),
    substances: z.string(),
    earlierStop: z.string(),
  }),
});
export type ExtractionPrompts = z.infer<typeof promptsSchema>;

function readYaml<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Content error in ${file} at ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** The words and conversions of one locale (content/<locale>/nlu/vocabulary.yaml), validated at start. */
export function loadVocabulary(locale = 'en', root = CONTENT_DIR): Vocabulary {
  return readYaml(join(root, locale, 'nlu', 'vocabulary.yaml'), vocabularySchema);
}

export function loadExtractionPrompts(locale = 'en', root = CONTENT_DIR): ExtractionPrompts {
  return readYaml(join(root, locale, 'nlu', 'prompts.yaml'), promptsSchema);
}
