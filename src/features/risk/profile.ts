import { z } from 'zod';

/** What a person uses. Plain leaf covers powder, capsules and tea; extracts cover shots, tinctures, resins, "10x". */
export const PRODUCTS = ['leaf', 'extract', 'sevenOh'] as const;
export type Product = (typeof PRODUCTS)[number];

/** Other substances that slow breathing. */
export const SUBSTANCES = ['opioids', 'benzodiazepines', 'alcohol', 'gabapentinoids'] as const;
export type Substance = (typeof SUBSTANCES)[number];

/**
 * Grams are weighed product; the others are counted servings that cannot be turned into grams of leaf
 * (a capsule here is an extract capsule; leaf capsules are converted to grams by their size).
 */
export const DOSE_UNITS = ['g', 'shot', 'tablet', 'dropper', 'capsule'] as const;
export type DoseUnit = (typeof DOSE_UNITS)[number];

/** A rough daily amount when the person only knows the range (offered as buttons). */
export const DOSE_BANDS = ['under10', 'from10to15', 'atLeast15'] as const;
export type DoseBand = (typeof DOSE_BANDS)[number];

export const DURATION_BANDS = ['under6Months', 'atLeast6Months'] as const;
export type DurationBand = (typeof DURATION_BANDS)[number];

const MAX_GRAMS_PER_DAY = 1000;

export const doseSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('amount'),
    amount: z.number().finite().min(0).max(MAX_GRAMS_PER_DAY),
    unit: z.enum(DOSE_UNITS),
  }),
  z.object({ kind: z.literal('band'), band: z.enum(DOSE_BANDS) }),
]);
export type Dose = z.infer<typeof doseSchema>;

export const earlierStopSchema = z.object({
  tried: z.boolean(),
  /** How the last attempt ended: went back within the first days, went back later, or still off. */
  outcome: z.enum(['wentBackEarly', 'wentBackLater', 'stillOff', 'unknown']).optional(),
  /** The day they went back on, when they said it ("I went back on day 3"). Decides early or later. */
  day: z.number().int().min(0).max(100_000).optional(),
});
export type EarlierStop = z.infer<typeof earlierStopSchema>;

/** The normalized profile the engine reads. Unknown answers are simply absent. */
export const riskProfileSchema = z.object({
  products: z.array(z.enum(PRODUCTS)),
  startDose: doseSchema.optional(),
  currentDose: doseSchema.optional(),
  /** Months from the start of regular use to now. */
  monthsOfUse: z.number().finite().min(0).max(1200).optional(),
  /** Used when the person only knows whether it was more or less than six months. */
  durationBand: z.enum(DURATION_BANDS).optional(),
  dosesPerDay: z.number().finite().min(0).max(100).optional(),
  rotatesStrains: z.boolean().optional(),
  otherSubstances: z.array(z.enum(SUBSTANCES)),
  pregnant: z.boolean().optional(),
  earlierStop: earlierStopSchema.optional(),
  /** True when the person said they are under 18 (an optional question); absent when unknown. */
  underEighteen: z.boolean().optional(),
});
export type RiskProfile = z.infer<typeof riskProfileSchema>;

/** What a check-in may change about the picture; anything left out stays as it was. */
export type ProfileChanges = Partial<
  Pick<
    RiskProfile,
    'products' | 'currentDose' | 'dosesPerDay' | 'otherSubstances' | 'pregnant' | 'earlierStop' | 'rotatesStrains'
  >
>;
