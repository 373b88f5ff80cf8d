import { z } from 'zod';
import { DOSE_UNITS, earlierStopSchema, PRODUCTS, SUBSTANCES } from '../../risk/profile';
import { CAPSULE_SIZES } from './vocabulary';

/** The questions free text can answer. Each has its own value shape. */
export const EXTRACT_FIELDS = [
  'amount',
  'capsuleSize',
  'duration',
  'timesPerDay',
  'products',
  'substances',
  'yesNo',
  'earlierStop',
  'goal',
  'zip',
] as const;
export type ExtractField = (typeof EXTRACT_FIELDS)[number];

export const extractRequestSchema = z.object({
  field: z.enum(EXTRACT_FIELDS),
  text: z.string().max(4000),
  /** "Now" for answers like "since March"; from the app's clock so tests control it. */
  now: z.iso.datetime(),
  /** Grams per capsule the person already told us, so a second capsule answer needs no second question. */
  gramsPerCapsule: z.number().positive().max(2).optional(),
});
export type ExtractRequest = z.infer<typeof extractRequestSchema>;

/** A conversion or reading the bot assumed; it is said back to the person (content: intake.assumptions.<id>). */
export const ASSUMPTION_IDS = [
  'teaspoon',
  'heapingTeaspoon',
  'tablespoon',
  'heapingTablespoon',
  'spoonAsTeaspoon',
  'capsule',
  'ounce',
  'range',
  'perWeek',
  'perMonth',
  'perDose',
  'everyHours',
  'assumedGrams',
  'summed',
  'lessThan',
] as const;
export const assumptionSchema = z.object({
  id: z.enum(ASSUMPTION_IDS),
  vars: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Assumption = z.infer<typeof assumptionSchema>;

/** Why an answer was not understood, when we can tell; picks a more helpful re-ask. */
export const UNCLEAR_HINTS = ['scoop', 'tea', 'unit', 'tooLarge', 'howItWent'] as const;
export type UnclearHint = (typeof UNCLEAR_HINTS)[number];

export const valueSchemas = {
  amount: z.object({
    amount: z.number().finite().min(0).max(1000),
    unit: z.enum(DOSE_UNITS),
    timesPerDay: z.number().positive().max(48).optional(),
    gramsPerCapsule: z.number().positive().max(2).optional(),
    /** Products the answer reveals ("two shots" means an extract). */
    adds: z.array(z.enum(PRODUCTS)),
  }),
  capsuleSize: z.object({ gramsPerCapsule: z.number().positive().max(2), size: z.enum(CAPSULE_SIZES).optional() }),
  duration: z.object({ months: z.number().finite().min(0).max(1200) }),
  timesPerDay: z.object({ times: z.number().positive().max(48) }),
  products: z.object({ products: z.array(z.enum(PRODUCTS)).min(1) }),
  substances: z.object({ substances: z.array(z.enum(SUBSTANCES)) }),
  yesNo: z.object({ answer: z.enum(['yes', 'no']) }),
  earlierStop: earlierStopSchema,
  goal: z.object({ goal: z.enum(['stop', 'cutDown']) }),
  zip: z.object({ zip: z.string().regex(/^\d{5}$/) }),
} satisfies Record<ExtractField, z.ZodType>;

export type ValueOf<F extends ExtractField> = z.infer<(typeof valueSchemas)[F]>;

export type Extraction<F extends ExtractField = ExtractField> = F extends ExtractField
  ? | { field: F; status: 'ok'; value: ValueOf<F>; assumptions: Assumption[] }
    | { field: F; status: 'unknown' }
    | { field: F; status: 'unclear'; hint?: UnclearHint }
    | {
        field: F;
        status: 'needsCapsuleSize';
        count: number;
        timesPerDay?: number;
        adds: Array<(typeof PRODUCTS)[number]>;
      }
  : never;

const schemaCache = new Map<ExtractField, z.ZodType>();

/** The schema every extraction for a field must pass, whichever extractor (rules or model) produced it. */
export function extractionSchemaFor(field: ExtractField): z.ZodType {
  let schema = schemaCache.get(field);
  if (!schema) {
    const tag = z.literal(field);
    const variants = [
      z.object({
        field: tag,
        status: z.literal('ok'),
        value: valueSchemas[field],
        assumptions: z.array(assumptionSchema),
      }),
      z.object({ field: tag, status: z.literal('unknown') }),
      z.object({ field: tag, status: z.literal('unclear'), hint: z.enum(UNCLEAR_HINTS).optional() }),
      z.object({
        field: tag,
        status: z.literal('needsCapsuleSize'),
        count: z.number().positive().max(1000),
        timesPerDay: z.number().positive().max(48).optional(),
        adds: z.array(z.enum(PRODUCTS)),
      }),
    ];
    schema = z.union(field === 'amount' ? variants : variants.slice(0, 3));
    schemaCache.set(field, schema);
  }
  return schema;
}
