import { QUESTION_IDS } from '../../src/features/intake/answers';
import { RISK_RULES_VERSION } from '../../src/features/risk/rules';
import { startTestApp, type TestApp } from '../support/app';
import { cardsIn, conversation } from '../support/intake';
import { type Persona, PERSONAS } from './clinicalPersonas';

/**
 * The clinical evaluation (issue 23): each persona takes the real intake over HTTP, answering in their
 * own words whatever the bot asks (confirmations, capsule size and ranges included), and the outcome is
 * checked against the framework: hand-off or not, the approach, the dose read, no "stop at once" beside a
 * hand-off, and a young person pointed to an adult and a clinician. Prints both splits.
 */
const MAX_TURNS = 45;

interface Outcome {
  id: string;
  split: Persona['split'];
  misses: string[];
}

describe('clinical personas through the real intake', () => {
  let t: TestApp;
  let c: (key: string, vars?: Record<string, string | number>) => string;
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    c = (key, vars) => t.app.services.content.text(key, vars);
  });
  afterAll(async () => {
    for (const split of ['dev', 'test'] as const) {
      const mine = outcomes.filter((o) => o.split === split);
      const passed = mine.filter((o) => o.misses.length === 0).length;
      // The note for issue 23 reports these lines.
      process.stdout.write(`clinical personas ${split}: ${passed}/${mine.length} got the framework's outcome\n`);
      for (const o of mine.filter((m) => m.misses.length > 0))
        process.stdout.write(`  ${o.id}: ${o.misses.join('; ')}\n`);
    }
    await t.stop();
  });

  /** A content template as a pattern: its {placeholders} match anything. */
  const ANY = '\u0000';
  const anyValue = new Proxy({}, { has: () => true, get: () => ANY }) as Record<string, string>;
  const pattern = (key: string) =>
    new RegExp(
      c(key, anyValue)
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .split(ANY)
        .join('.+?'),
    );
  const asks = (reply: string, key: string) => pattern(key).test(reply);

  /** What the persona says to whatever the bot asked last. */
  function answerTo(persona: Persona, reply: string): string | undefined {
    const says = persona.says;
    if (
      asks(reply, 'intake.questions.amount.confirm') ||
      asks(reply, 'intake.questions.amount.confirmRetry') ||
      asks(reply, 'intake.questions.amount.confirmWithShots')
    )
      return 'yes';
    if (asks(reply, 'intake.questions.startedAgo.confirm') || asks(reply, 'intake.questions.startedAgo.confirmRetry'))
      return 'yes';
    if (
      t.app.services.content.has('intake.questions.products.confirm') &&
      (asks(reply, 'intake.questions.products.confirm') || asks(reply, 'intake.questions.products.confirmRetry'))
    )
      return 'yes';
    if (asks(reply, 'intake.questions.amount.capsuleSize')) return 'not sure';
    if (asks(reply, 'intake.questions.currentDose.shots')) return says.shotsPerDay ?? 'not sure';
    if (asks(reply, 'intake.questions.currentDose.unknown')) return says.doseBand ?? 'I really don’t know';
    if (asks(reply, 'intake.questions.startedAgo.unknown')) return says.durationBand ?? 'I really don’t know';
    if (reply.includes(c('intake.review.prompt'))) return 'looks right';
    for (const id of QUESTION_IDS) {
      // (has: so the same driver can replay the personas on an older build that lacks a question.)
      if (
        !t.app.services.content.has(`intake.questions.${id}.prompt`) ||
        !reply.includes(c(`intake.questions.${id}.prompt`))
      )
        continue;
      const fallback: Record<string, string> = {
        age: 'skip',
        rotation: 'no',
        substances: 'none',
        pregnant: 'no',
        earlierStop: 'never',
        goal: 'stop',
        zip: 'skip',
        startDose: "don't know",
      };
      return (says as Record<string, string | undefined>)[id] ?? fallback[id];
    }
    return undefined;
  }

  test.each(PERSONAS.map((p) => [p.id, p] as const))('%s', async (_id, persona) => {
    const chat = conversation(t, `persona-${persona.id}`);
    await chat.say('hi');
    let replies = await chat.send(c('menu.options.intake'));
    const misses: string[] = [];
    const rulesNote = c('intake.result.rules', { version: RISK_RULES_VERSION });
    let result: typeof replies | undefined;
    for (let turn = 0; turn < MAX_TURNS && !result; turn++) {
      const last = replies[replies.length - 1]?.text ?? '';
      const answer = answerTo(persona, last);
      if (answer === undefined) {
        misses.push(`no answer for "${last.slice(0, 60)}"`);
        break;
      }
      replies = await chat.send(answer);
      if (replies.some((r) => r.text === rulesNote)) result = replies;
    }
    if (!result) misses.push('never reached the result');
    else {
      const latest = await t.app.intake.latest(`test:persona-${persona.id}-person`);
      const { assessment, profile } = latest!;
      const texts = result.map((r) => r.text ?? '').join('\n');
      const cards = cardsIn(result).length;
      const want = persona.expect;
      if (assessment.handoff !== want.handoff) misses.push(`hand-off ${assessment.handoff}, want ${want.handoff}`);
      if (cards > 0 !== want.handoff) misses.push(`hand-off card ${cards > 0}`);
      if (assessment.approach !== want.approach) misses.push(`approach ${assessment.approach}, want ${want.approach}`);
      const dose = profile.currentDose;
      const read =
        dose === undefined
          ? 'unknown'
          : dose.kind === 'band'
            ? { band: dose.band }
            : { amount: dose.amount, unit: dose.unit };
      if (JSON.stringify(read) !== JSON.stringify(want.dose))
        misses.push(`dose read ${JSON.stringify(read)}, want ${JSON.stringify(want.dose)}`);
      if (
        assessment.handoff &&
        /what could work: stopping at once|can both work|likely to be shorter|short taper/i.test(texts)
      )
        misses.push('"stop at once" beside a hand-off');
      if (want.young) {
        if (
          !/parent or another adult you trust/.test(texts) ||
          !/doctor or nurse/.test(texts) ||
          !texts.includes('findtreatment.gov')
        )
          misses.push('young person not pointed to an adult and a clinician');
        if (/^Week \d+: about|^Weeks \d+ to \d+: about/m.test(texts)) misses.push('young person got a self-taper');
      }
    }
    outcomes.push({ id: persona.id, split: persona.split, misses });
    // Dev personas were tuned on: each must pass. Test personas are reported, and held to the bar below.
    if (persona.split === 'dev') expect(misses).toEqual([]);
  });

  test("held-out split: at most one persona in twenty misses (the issue's bar)", () => {
    const test = outcomes.filter((o) => o.split === 'test');
    expect(test.length).toBe(PERSONAS.filter((p) => p.split === 'test').length);
    expect(test.filter((o) => o.misses.length > 0).length).toBeLessThanOrEqual(Math.floor(test.length / 20));
  });
});
