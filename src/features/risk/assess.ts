import { type RiskProfile, riskProfileSchema } from './profile';
import {
  type Approach,
  APPROACHES,
  factsOf,
  RISK_RULES_VERSION,
  type ReasonVars,
  type RuleId,
  RULES,
  type Tier,
  TIERS,
} from './rules';

export interface Reason {
  ruleId: RuleId;
  /** The plain-language sentence lives in content (content/en/messages/risk.yaml) under this key. */
  contentKey: string;
  vars: ReasonVars;
}

export interface Assessment {
  version: string;
  tier: Tier;
  approach: Approach;
  handoff: boolean;
  reasons: Reason[];
}

const reasonKey = (ruleId: RuleId) => `risk.reasons.${ruleId}`;

/**
 * Applies the rules table to a profile. Pure and deterministic: the same profile and version always
 * give the same result. A profile that fails validation gets the most cautious answer instead of a crash.
 */
export function assess(input: RiskProfile): Assessment {
  const parsed = riskProfileSchema.safeParse(input);
  if (!parsed.success) {
    return {
      version: RISK_RULES_VERSION,
      tier: 'doseUnknown',
      approach: 'taperWithClinicalSupport',
      handoff: true,
      reasons: [{ ruleId: 'doseUnknown', contentKey: reasonKey('doseUnknown'), vars: {} }],
    };
  }
  const profile = parsed.data;
  const facts = factsOf(profile);
  const reasons: Reason[] = [];
  let tier: Tier | undefined;
  let approach: Approach = 'stopOrShortTaper';
  let handoff = false;
  let trajectoryReplaced = false;

  const applied: Array<{ rule: (typeof RULES)[number]; vars: ReasonVars }> = [];
  for (const rule of RULES) {
    if (rule.otherwise && trajectoryReplaced) continue;
    const vars = rule.applies(profile, facts);
    if (vars === false) continue;
    applied.push({ rule, vars });
    if (rule.replacesTrajectory) trajectoryReplaced = true;
    if (rule.tier && (tier === undefined || TIERS.indexOf(rule.tier) < TIERS.indexOf(tier))) tier = rule.tier;
    if (rule.approach && APPROACHES.indexOf(rule.approach) > APPROACHES.indexOf(approach)) approach = rule.approach;
    if (rule.handoff) handoff = true;
  }
  // One coherent plan: a sentence written for a lighter approach than the one chosen gives way to its variant.
  for (const { rule, vars } of applied) {
    const outgrown =
      rule.hasSupportedVariant &&
      rule.approach !== undefined &&
      APPROACHES.indexOf(approach) > APPROACHES.indexOf(rule.approach);
    reasons.push({
      ruleId: rule.id,
      contentKey: outgrown ? `${reasonKey(rule.id)}WithSupport` : reasonKey(rule.id),
      vars,
    });
  }
  return { version: RISK_RULES_VERSION, tier: tier ?? 'slowEscalation', approach, handoff, reasons };
}

/**
 * The content key of what the tier means for withdrawal. The fast-escalation tier promises an easier
 * time only when the plan itself is the lightest one; with any added support or hand-off it says why not.
 */
export function meaningKey(assessment: Pick<Assessment, 'tier' | 'approach'>): string {
  if (assessment.tier === 'fastEscalation' && assessment.approach !== 'stopOrShortTaper')
    return 'risk.meaning.fastEscalationWithSupport';
  return `risk.meaning.${assessment.tier}`;
}
