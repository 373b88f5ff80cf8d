export { assess, type Assessment, meaningKey, type Reason } from './assess';
export * from './profile';
export {
  APPROACHES,
  type Approach,
  EARLY_RELAPSE_LAST_DAY,
  FREQUENT_DOSES_PER_DAY,
  MANY_DOSES_PER_DAY,
  HIGH_DOSE_GRAMS,
  RAISED_DOSE_GRAMS,
  RISK_RULES_VERSION,
  RULE_IDS,
  RULES,
  ruleHandsOff,
  type RuleId,
  SLOW_ESCALATION_MONTHS,
  TIERS,
  type Tier,
} from './rules';
export { sketchTaper, type TaperSketch, type TaperStep } from './taper';
