import fc from 'fast-check';
import type { OutboundMessage } from '../../src/platform/channels/messages';
import { loadContent } from '../../src/platform/content/loader';
import { type IntakeAnswers, parseAnswers, toRiskProfile } from '../../src/features/intake/answers';
import { handoffMessage } from '../../src/features/intake/handoff';
import { planMessages, topicKey, topicsFor } from '../../src/features/intake/result';
import { assess, type Assessment, DOSE_UNITS, PRODUCTS, type RiskProfile, SUBSTANCES } from '../../src/features/risk';

/**
 * One coherent plan: for any intake answers, the whole result as the person reads it (summary, meaning,
 * approach, reasons, hand-off card, taper sketch or its absence, rules note) never pairs a situation
 * with a sentence that contradicts it. Each row of FORBIDDEN names when it applies and what must not appear.
 */
const content = loadContent('en');

interface Plan {
  profile: RiskProfile;
  assessment: Assessment;
  text: string;
}

const anyOf = (...patterns: RegExp[]) => new RegExp(patterns.map((p) => p.source).join('|'), 'i');
/** Lines that suggest stopping at once is a fine plan (not a warning that it often fails). */
const SUGGESTS_STOPPING_AT_ONCE = anyOf(
  /what could work: stopping at once/,
  /stopping at once,? or a/,
  /can both work/,
  /cold turkey (is|can|could) (fine|work)/,
);
/** Lines that promise an easy or short withdrawal. */
const PROMISES_SHORT_WITHDRAWAL = anyOf(
  /\bshorter\b/,
  /short taper/,
  /week or two/,
  /easier to get through/,
  /\bmilder\b/,
);
/** A taper in grams the person would follow on their own. */
const SELF_GRAM_TAPER = anyOf(/^Week \d+: about/m, /^Weeks \d+ to \d+: about/m, /If you choose to taper/);
const ANY_GRAM_TAPER = anyOf(/^Week \d+: about/m, /^Weeks \d+ to \d+: about/m);
const handsOff = (p: Plan) => p.assessment.handoff;
const young = (p: Plan) => p.profile.underEighteen === true;
const concentrate = (p: Plan) => p.profile.products.includes('extract') || p.profile.products.includes('sevenOh');
const moreThanTheLightestPlan = (p: Plan) => p.assessment.approach !== 'stopOrShortTaper';

const FORBIDDEN: Array<{ name: string; when: (p: Plan) => boolean; forbidden: RegExp }> = [
  {
    name: 'a hand-off never sits beside "stopping at once can work"',
    when: handsOff,
    forbidden: SUGGESTS_STOPPING_AT_ONCE,
  },
  {
    name: 'a hand-off never promises a short or mild withdrawal',
    when: handsOff,
    forbidden: PROMISES_SHORT_WITHDRAWAL,
  },
  {
    name: 'a plan with added support never suggests stopping at once',
    when: moreThanTheLightestPlan,
    forbidden: SUGGESTS_STOPPING_AT_ONCE,
  },
  {
    name: 'a plan with added support never promises a short withdrawal',
    when: moreThanTheLightestPlan,
    forbidden: PROMISES_SHORT_WITHDRAWAL,
  },
  { name: 'slow escalation never means a milder withdrawal', when: () => true, forbidden: /\bmilder\b/i },
  { name: 'a young person never gets a self-taper', when: young, forbidden: SELF_GRAM_TAPER },
  { name: 'a young person is never told stopping at once can work', when: young, forbidden: SUGGESTS_STOPPING_AT_ONCE },
  { name: 'extracts and 7-OH never get a gram taper', when: concentrate, forbidden: ANY_GRAM_TAPER },
  { name: 'a hand-off never comes with a self-taper', when: handsOff, forbidden: SELF_GRAM_TAPER },
];

/** What must be there (the other half of coherence). */
const REQUIRED: Array<{ name: string; when: (p: Plan) => boolean; present: (text: string) => boolean }> = [
  {
    name: 'a hand-off shows the card',
    when: handsOff,
    present: (t) => t.includes(content.text('resources.handoff.title')),
  },
  {
    name: 'no hand-off, no card',
    when: (p) => !handsOff(p),
    present: (t) => !t.includes(content.text('resources.handoff.title')),
  },
  {
    name: 'a young person is pointed to an adult and a clinician, with the helpline and the locator',
    when: young,
    present: (t) =>
      /parent or another adult you trust/.test(t) &&
      /doctor or nurse/.test(t) &&
      t.includes(content.text('resources.treatmentHelpline')) &&
      t.includes('findtreatment.gov'),
  },
  {
    name: 'extracts: leaf first, with a prescriber',
    when: (p) => concentrate(p) && !young(p),
    present: (t) => /prescriber/.test(t) && /(plain leaf|move off it)/.test(t),
  },
];

function render(messages: OutboundMessage[]): string {
  return messages
    .flatMap((m) => [m.text, ...(m.card ? [m.card.title, ...m.card.lines, ...m.card.links.map((l) => l.plain)] : [])])
    .join('\n');
}

export function planFor(answers: IntakeAnswers): Plan {
  const profile = toRiskProfile(answers);
  const assessment = assess(profile);
  const text = render(
    planMessages(content, answers, profile, assessment, assessment.handoff ? handoffMessage(content) : undefined),
  );
  return { profile, assessment, text };
}

const doseAnswer = fc.oneof(
  fc.record({
    kind: fc.constant('amount' as const),
    amount: fc.double({ min: 0, max: 60, noNaN: true }),
    unit: fc.constant('g' as const),
    assumptions: fc.constant([]),
  }),
  fc.record({
    kind: fc.constant('amount' as const),
    amount: fc.integer({ min: 1, max: 12 }),
    unit: fc.constantFrom(...DOSE_UNITS),
    assumptions: fc.constant([]),
  }),
  fc.record({
    kind: fc.constant('band' as const),
    band: fc.constantFrom('under10' as const, 'from10to15' as const, 'atLeast15' as const),
  }),
  fc.constant({ kind: 'unknown' as const }),
);
const intakeAnswers: fc.Arbitrary<IntakeAnswers> = fc
  .record(
    {
      products: fc.uniqueArray(fc.constantFrom(...PRODUCTS), { minLength: 1 }),
      age: fc.constantFrom('under18' as const, 'adult' as const, 'skipped' as const),
      startedAgo: fc.oneof(
        fc.record({
          kind: fc.constant('months' as const),
          months: fc.double({ min: 0, max: 240, noNaN: true }),
          assumptions: fc.constant([]),
        }),
        fc.record({
          kind: fc.constant('band' as const),
          band: fc.constantFrom('under6Months' as const, 'atLeast6Months' as const),
        }),
        fc.constant({ kind: 'unknown' as const }),
      ),
      startDose: doseAnswer,
      currentDose: doseAnswer,
      timesPerDay: fc.oneof(
        fc.record({ kind: fc.constant('count' as const), times: fc.integer({ min: 1, max: 16 }) }),
        fc.constant({ kind: 'unknown' as const }),
      ),
      rotation: fc.constantFrom('yes' as const, 'no' as const, 'unsure' as const),
      substances: fc.uniqueArray(fc.constantFrom(...SUBSTANCES)),
      pregnant: fc.constantFrom('yes' as const, 'no' as const, 'unsure' as const, 'skipped' as const),
      earlierStop: fc.oneof(
        fc.constant('unknown' as const),
        fc.record(
          {
            tried: fc.boolean(),
            outcome: fc.constantFrom(
              'wentBackEarly' as const,
              'wentBackLater' as const,
              'stillOff' as const,
              'unknown' as const,
            ),
            day: fc.integer({ min: 0, max: 60 }),
          },
          { requiredKeys: ['tried'] },
        ),
      ),
      goal: fc.constantFrom('stop' as const, 'cutDown' as const, 'unsure' as const),
    },
    { requiredKeys: ['products'] },
  )
  .map((raw) => parseAnswers(raw as Record<string, unknown>));

describe('one coherent plan for every profile', () => {
  test.each(FORBIDDEN)('$name', ({ when, forbidden }) => {
    fc.assert(
      fc.property(intakeAnswers, (answers) => {
        const plan = planFor(answers);
        if (!when(plan)) return;
        const hit = forbidden.exec(plan.text);
        if (hit)
          throw new Error(
            `"${hit[0]}" in the plan for ${JSON.stringify(plan.profile)} (${plan.assessment.approach}):\n${plan.text}`,
          );
      }),
      { numRuns: 400 },
    );
  });

  test.each(REQUIRED)('$name', ({ when, present }) => {
    fc.assert(
      fc.property(intakeAnswers, (answers) => {
        const plan = planFor(answers);
        if (when(plan) && !present(plan.text))
          throw new Error(`missing in the plan for ${JSON.stringify(plan.profile)}:\n${plan.text}`);
      }),
      { numRuns: 400 },
    );
  });

  test('every "tell me more" topic a plan can offer has its button and its short text', () => {
    fc.assert(
      fc.property(intakeAnswers, (answers) => {
        const { assessment } = planFor(answers);
        for (const topic of topicsFor(assessment)) {
          expect(content.has(`intake.result.learnMore.${topicKey(topic)}`)).toBe(true);
          expect(content.has(`intake.result.learnMoreText.${topicKey(topic)}`)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the examples from the clinical review: pregnant, or also on benzos, after fast escalation', () => {
    const base: IntakeAnswers = {
      products: ['leaf'],
      startedAgo: { kind: 'months', months: 3, assumptions: [] },
      currentDose: { kind: 'amount', amount: 5, unit: 'g', assumptions: [] },
      substances: [],
    };
    for (const answers of [
      { ...base, pregnant: 'yes' as const },
      { ...base, substances: ['benzodiazepines' as const] },
      { ...base, age: 'under18' as const },
    ]) {
      const plan = planFor(answers);
      expect(plan.assessment.handoff).toBe(true);
      expect(plan.text).not.toMatch(SUGGESTS_STOPPING_AT_ONCE);
      expect(plan.text).not.toMatch(PROMISES_SHORT_WITHDRAWAL);
    }
    // Without anything else, fast escalation may still suggest stopping at once: the table is not simply banning the words.
    expect(planFor(base).text).toMatch(SUGGESTS_STOPPING_AT_ONCE);
  });
});
