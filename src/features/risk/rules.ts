import type { DoseBand, RiskProfile } from './profile';

/**
 * The rules version is stored with every assessment. Bump it whenever a rule, threshold or
 * precedence changes, so a stored result can always be traced to the rules that made it.
 */
export const RISK_RULES_VERSION = '2026-12.2';

export const RAISED_DOSE_GRAMS = 10;
export const HIGH_DOSE_GRAMS = 15;
export const SLOW_ESCALATION_MONTHS = 6;
/** A relapse on this day of a stop or earlier counts as "in the first days" (the peak is days 2-4). */
export const EARLY_RELAPSE_LAST_DAY = 7;
/**
 * Doses a day. From FREQUENT_DOSES_PER_DAY the result explains that how often matters (Rogers 2024, in
 * clinical-facts.md); from MANY_DOSES_PER_DAY (about every two to three hours through the waking day, or
 * day and night) the frequentDosing rule adds support to the approach.
 */
export const FREQUENT_DOSES_PER_DAY = 4;
export const MANY_DOSES_PER_DAY = 6;

/** Tiers from most to least serious; an assessment's tier is the most serious that applied. */
export const TIERS = [
  'sevenOh',
  'extract',
  'highDose',
  'raisedDose',
  'doseUnknown',
  'slowEscalation',
  'fastEscalation',
] as const;
export type Tier = (typeof TIERS)[number];

/** Approaches from least to most support; a rule can only raise the approach, never lower it. */
export const APPROACHES = [
  'stopOrShortTaper',
  'gradualTaper',
  'taperWithSupport',
  'taperWithClinicalSupport',
  'supportedTaperOrMedicine',
  'extractToLeafThenTaper',
  'medicalSupportFirst',
  'adultAndClinicianFirst',
] as const;
export type Approach = (typeof APPROACHES)[number];

export const RULE_IDS = [
  'youngPerson',
  'sevenOh',
  'extract',
  'highDose',
  'raisedDose',
  'doseUnknown',
  'otherSubstances',
  'pregnancy',
  'earlyRelapse',
  'frequentDosing',
  'slowEscalation',
  'fastEscalation',
  'durationUnknown',
  'strainRotation',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type ReasonVars = Record<string, string | number>;

export interface Rule {
  id: RuleId;
  /** Returns the values the reason's sentence needs when the rule applies, or false. */
  applies(profile: RiskProfile, facts: ProfileFacts): ReasonVars | false;
  tier?: Tier;
  approach?: Approach;
  handoff?: boolean;
  /** Only considered when no product or dose rule applied ("otherwise" in the framework). */
  otherwise?: boolean;
  /** A product or dose rule: when it applies, the "otherwise" trajectory rules are not considered. */
  replacesTrajectory?: boolean;
  /**
   * The rule's sentence suits only its own approach. When another rule raised the approach, the
   * sentence under `<key>WithSupport` is shown instead, so no line suggests less help than the plan.
   */
  hasSupportedVariant?: boolean;
}

/** Derived once per assessment so every rule reads the same interpretation of the profile. */
export interface ProfileFacts {
  grams?: number;
  band?: DoseBand;
  usesConcentrate: boolean;
  under6Months?: boolean;
}

export function factsOf(profile: RiskProfile): ProfileFacts {
  const dose = profile.currentDose;
  const grams = dose?.kind === 'amount' && dose.unit === 'g' ? dose.amount : undefined;
  const band: DoseBand | undefined =
    grams !== undefined
      ? grams >= HIGH_DOSE_GRAMS
        ? 'atLeast15'
        : grams >= RAISED_DOSE_GRAMS
          ? 'from10to15'
          : 'under10'
      : dose?.kind === 'band'
        ? dose.band
        : undefined;
  const under6Months =
    profile.monthsOfUse !== undefined
      ? profile.monthsOfUse < SLOW_ESCALATION_MONTHS
      : profile.durationBand !== undefined
        ? profile.durationBand === 'under6Months'
        : undefined;
  return {
    grams,
    band,
    usesConcentrate: profile.products.includes('extract') || profile.products.includes('sevenOh'),
    under6Months,
  };
}

function relapsedEarly(profile: RiskProfile): boolean {
  const stop = profile.earlierStop;
  if (!stop?.tried) return false;
  if (stop.day !== undefined) return stop.day <= EARLY_RELAPSE_LAST_DAY;
  return stop.outcome === 'wentBackEarly';
}

function earlyRelapseVars(profile: RiskProfile): ReasonVars {
  const day = profile.earlierStop?.day;
  return day === undefined ? {} : { day };
}

/**
 * The framework as a table, in the order reasons are shown. A young person first (their plan is built
 * around an adult and a clinician), then product rules, dose, the safety hand-offs, early relapse and
 * dosing frequency, then the trajectory rules that apply only when no product or dose rule did.
 */
export const RULES: readonly Rule[] = [
  {
    id: 'youngPerson',
    approach: 'adultAndClinicianFirst',
    handoff: true,
    applies: (p) => p.underEighteen === true && {},
  },
  {
    id: 'sevenOh',
    tier: 'sevenOh',
    approach: 'medicalSupportFirst',
    handoff: true,
    replacesTrajectory: true,
    applies: (p) => p.products.includes('sevenOh') && {},
  },
  {
    id: 'extract',
    tier: 'extract',
    approach: 'extractToLeafThenTaper',
    handoff: true,
    replacesTrajectory: true,
    applies: (p) => p.products.includes('extract') && {},
  },
  {
    id: 'highDose',
    tier: 'highDose',
    approach: 'supportedTaperOrMedicine',
    handoff: true,
    replacesTrajectory: true,
    applies: (_p, f) => f.band === 'atLeast15' && { threshold: HIGH_DOSE_GRAMS },
  },
  {
    id: 'raisedDose',
    tier: 'raisedDose',
    approach: 'taperWithClinicalSupport',
    handoff: true,
    replacesTrajectory: true,
    applies: (_p, f) => f.band === 'from10to15' && { low: RAISED_DOSE_GRAMS, high: HIGH_DOSE_GRAMS },
  },
  {
    id: 'doseUnknown',
    tier: 'doseUnknown',
    approach: 'taperWithClinicalSupport',
    handoff: true,
    replacesTrajectory: true,
    applies: (_p, f) => f.band === undefined && !f.usesConcentrate && {},
  },
  {
    id: 'otherSubstances',
    approach: 'taperWithClinicalSupport',
    handoff: true,
    applies: (p) => p.otherSubstances.length > 0 && { count: p.otherSubstances.length },
  },
  { id: 'pregnancy', approach: 'taperWithClinicalSupport', handoff: true, applies: (p) => p.pregnant === true && {} },
  { id: 'earlyRelapse', approach: 'taperWithSupport', applies: (p) => relapsedEarly(p) && earlyRelapseVars(p) },
  {
    id: 'frequentDosing',
    approach: 'taperWithSupport',
    applies: (p) => p.dosesPerDay !== undefined && p.dosesPerDay >= MANY_DOSES_PER_DAY && { times: p.dosesPerDay },
  },
  {
    id: 'slowEscalation',
    otherwise: true,
    tier: 'slowEscalation',
    approach: 'gradualTaper',
    applies: (_p, f) => f.under6Months === false && {},
  },
  {
    id: 'fastEscalation',
    otherwise: true,
    tier: 'fastEscalation',
    approach: 'stopOrShortTaper',
    hasSupportedVariant: true,
    applies: (_p, f) => f.under6Months === true && {},
  },
  {
    id: 'durationUnknown',
    otherwise: true,
    tier: 'slowEscalation',
    approach: 'gradualTaper',
    applies: (_p, f) => f.under6Months === undefined && {},
  },
  { id: 'strainRotation', applies: (p) => p.rotatesStrains === true && {} },
];

/** True when the rule, on its own, calls for the hand-off. */
export function ruleHandsOff(id: RuleId): boolean {
  return RULES.some((rule) => rule.id === id && rule.handoff === true);
}
