import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectDanger } from '../../src/features/safety/detect';
import type { DangerKind } from '../../src/features/safety/types';
import { corpus } from './corpus';
import { holdout } from './holdout';
import { evaluate, formatReport } from './metrics';

describe('the labelled corpus', () => {
  test('has at least 150 messages covering every kind and style', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    for (const kind of ['medical', 'suicide', 'severeWithdrawal', 'ambiguous', 'none'] as const) {
      expect(corpus.filter((e) => e.kind === kind).length).toBeGreaterThanOrEqual(20);
    }
    for (const kind of ['medical', 'suicide', 'severeWithdrawal'] as const) {
      for (const style of ['explicit', 'indirect', 'misspelled'] as const) {
        expect(corpus.filter((e) => e.kind === kind && e.style === style).length).toBeGreaterThanOrEqual(5);
      }
    }
    expect(new Set([...corpus, ...holdout].map((e) => e.text)).size).toBe(corpus.length + holdout.length);
  });

  const explicit = [...corpus, ...holdout].filter((e) => e.style === 'explicit');
  test.each(explicit.map((e) => [e.kind, e.text] as const))('explicit %s is never missed: %j', (kind, message) => {
    expect(detectDanger(message).kind).toBe(kind);
  });

  test('recall and false alarms per kind (printed, and kept from sliding back)', () => {
    const main = evaluate(corpus);
    const held = evaluate(holdout);
    const report = `${formatReport('Corpus (tests/safety/corpus.ts)', main)}\n\n${formatReport('Held-out set (tests/safety/holdout.ts)', held)}\n`;
    const dir = join(__dirname, '..', 'artifacts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'safety-metrics.md'), report);
    process.stdout.write(`\n${report}\n`);

    // Every danger message gets at least the gentle check question: none is answered with silence.
    expect(main.silentMisses).toEqual([]);
    expect(held.silentMisses).toEqual([]);
    for (const m of main.perKind) expect(m.recall).toBeGreaterThanOrEqual(0.95);
    for (const m of held.perKind) expect(m.recall).toBeGreaterThanOrEqual(0.85);
    expect(main.benignFlagged).toBeLessThanOrEqual(2);
    expect(held.benignFlagged).toBeLessThanOrEqual(2);
  });
});

describe('detectDanger: context that softens a match, and nothing else', () => {
  const cases: Array<[string, DangerKind]> = [
    // Negation cancels only what it negates.
    ["I'm not suicidal", 'none'],
    ['I am not going to kill myself', 'none'],
    ["I don't want to die", 'none'],
    ['no thoughts of suicide at all', 'none'],
    ['I never wanted to die', 'none'],
    ["I'm not okay and I want to die", 'suicide'],
    ["I'm not suicidal but I want to die", 'suicide'],
    // A negated match does not hide a later one of the same rule in the same clause.
    ['I am not going to kill myself i am going to kill myself', 'suicide'],
    ["I don't want to live", 'suicide'],
    ["I can't see any reason to live", 'suicide'],
    // Idioms.
    ["I'm killing it at work", 'none'],
    ["I'm dying to know if this works", 'none'],
    ['trying to kill time', 'none'],
    ["I'm bored to death", 'none'],
    ['my back is killing me', 'none'],
    ['this craving is killing me', 'none'],
    ['this craving is killing me lol', 'none'],
    // Questions for information.
    ['can you overdose on kratom?', 'none'],
    ['am I overdosing?', 'medical'],
    ['is it normal to feel suicidal in withdrawal?', 'ambiguous'],
    ["I'm afraid of having a seizure when I stop", 'none'],
    // The past.
    ['I used to be suicidal', 'none'],
    ['my friend overdosed two years ago', 'none'],
    ['I had a seizure last night', 'severeWithdrawal'],
    ['I tried to kill myself last night', 'suicide'],
    // Laughter softens suicide words into a check question, never into silence.
    ['I want to die lol', 'ambiguous'],
    ["I can't breathe lol", 'medical'],
    // Disguises.
    ['I want to k1ll mys3lf', 'suicide'],
    ['su*cide', 'suicide'],
    ['su\u200Bic\u200Bide', 'suicide'],
    ['ＳＵＩＣＩＤＡＬ', 'suicide'],
    ['і want to kіll myself', 'suicide'],
    ['suïcidal', 'suicide'],
    ['i want to diiiiie', 'suicide'],
    ['I w a n t to d i e', 'suicide'],
    ['S U I C I D E', 'suicide'],
    ['I WANT TO DIE!!!', 'suicide'],
    ['I can\u2019t breathe', 'medical'],
    // Ordinary kratom talk with numbers and ZIP codes.
    ['I take 15 g a day, my zip is 90210', 'none'],
    ['I missed my dose', 'none'],
    // Leaving the chat is not a farewell; a farewell with one "bye" in it still gets the safety question.
    ['bye', 'none'],
    ['ok thanks, bye', 'none'],
    ['goodnight steady', 'none'],
    ['see you tomorrow', 'none'],
    ['this is my last message. bye', 'ambiguous'],
    ['goodbye everyone. love you all', 'ambiguous'],
  ];
  test.each(cases)('%j -> %s', (message, kind) => {
    expect(detectDanger(message).kind).toBe(kind);
  });

  test('a message can carry two kinds; the most urgent leads', () => {
    const found = detectDanger("I took all my pills and I don't want to live anymore");
    expect(found.kind).toBe('medical');
    expect(found.kinds.slice(0, 2)).toEqual(['medical', 'suicide']);
  });

  test('signals are rule names, never words from the message', () => {
    for (const entry of [...corpus, ...holdout]) {
      for (const signal of detectDanger(entry.text).signals)
        expect(signal).toMatch(/^(?:[a-zA-Z]+\.[a-zA-Z]+(~[a-z+]+)?|clf\.[a-zA-Z]+:f\d+(?:\+f\d+)*)$/);
    }
  });

  test('empty, blank and non-text input is no danger', () => {
    expect(detectDanger('').kind).toBe('none');
    expect(detectDanger(' \n\t ').kind).toBe('none');
    expect(detectDanger(undefined as unknown as string).kind).toBe('none');
    expect(detectDanger(42 as unknown as string).kind).toBe('none');
  });
});

describe('issue 20 v3: concept families hold on new words (table)', () => {
  const cases: Array<[string, string, DangerKind[]]> = [
    ['method', 'which would be faster, the bridge or the pills', ['suicide']],
    ['method', 'does bleeding out hurt much', ['suicide', 'ambiguous']],
    ['farewell', 'please tell my sister i am sorry for everything', ['ambiguous', 'suicide']],
    ['farewell', 'paid back all my debts and tied up loose ends', ['ambiguous', 'suicide']],
    ['intentTime', 'at 3am i go through with it', ['ambiguous', 'suicide']],
    ['slang', 'thinking about the toaster bath again', ['ambiguous', 'suicide']],
    ['passive', 'i really dont want to do life anymore', ['ambiguous', 'suicide']],
    ['selfHarm', 'my legs are covered in cuts i made', ['suicide']],
    ['deliberateOD', 'took the whole bottle at once, tired of all this', ['medical']],
    ['sedation', 'after the shots im barely breathing', ['medical']],
    ['child', 'my baby has one of my capsules in her mouth', ['medical']],
    ['heart', 'my heart is acting weird and i feel faint', ['medical']],
    ['otherEmergency', 'my throat is closing', ['medical']],
    ['history', 'i was hospitalized for an overdose once', ['none']],
    ['idiom', 'this week is trying to kill me', ['none']],
    ['idiom', 'i would die for my kids', ['none']],
    ['kratomGoodbye', 'goodbye to my vendor, this is the end', ['none']],
    ['sleepy', 'my head hit the pillow and i was gone', ['none']],
    ['clinician', 'the nurse asked about self harm, no history of that', ['none']],
    ['otherFigure', 'my dad always says he will die at his desk', ['none']],
    ['trivial', 'im going to die if i dont get coffee', ['none']],
  ];
  test.each(cases)('%s: %j', (_family, message, allowed) => {
    expect(allowed).toContain(detectDanger(message).kind);
  });

  test('an overdose on purpose gets 911 and 988 together', () => {
    const d = detectDanger('i took all my pills on purpose an hour ago');
    expect(d.kind).toBe('medical');
    expect(d.kinds).toContain('suicide');
  });
});

describe('issue 20 v3.1: wider families, kratom as context, and new cancellers (table)', () => {
  const cases: Array<[string, string, DangerKind[]]> = [
    // intent with a time, the act unnamed or in other words
    ['intentTime', 'saturday is the day, ive made my choice', ['ambiguous', 'suicide']],
    ['intentTime', 'i wont be waking up on sunday', ['suicide', 'ambiguous']],
    ['intentTime', 'monday it is', ['ambiguous', 'suicide']],
    ['intentTime', 'by tomorrow night ill finally be at peace', ['suicide', 'ambiguous']],
    ['intentTime', 'plan is tonight, car running in the garage', ['suicide']],
    ['intentTime', 'i figured out how and when. nobody can stop me', ['ambiguous', 'suicide']],
    // kratom named as context does not hide an ending
    ['kratomContext', 'clean 20 days and i still want to end it tonight', ['suicide', 'ambiguous']],
    ['kratomContext', 'i relapsed again so tonight im ending it', ['suicide', 'ambiguous']],
    ['kratomContext', 'after work today im done for good. not talking about the kratom', ['suicide', 'ambiguous']],
    // slang and euphemism, with everyday words inside them
    ['slang', 'ready for the permanent vacation', ['suicide', 'ambiguous']],
    ['slang', 'game over for me this weekend', ['suicide', 'ambiguous']],
    ['slang', 'gonna rope tonight', ['suicide', 'ambiguous']],
    ['slang', 'that overpass is looking real tempting', ['suicide']],
    // farewell and preparation
    ['farewell', 'it was nice knowing everyone', ['ambiguous', 'suicide']],
    ['farewell', 'my will is signed and the cat has a new home', ['ambiguous', 'suicide']],
    ['farewell', 'giving away all my clothes this week', ['ambiguous', 'suicide']],
    // deliberate overdose in other words
    ['deliberateOD', 'polished off my whole script of klonopin, not an accident', ['medical']],
    ['deliberateOD', 'took 25 of my sleeping pills. sorry', ['medical']],
    ['deliberateOD', 'swallowed my entire stash plus xanax, wanted it all to be over', ['medical']],
    // method and passive
    ['method', 'would 150g of kratom kill a person my weight', ['suicide']],
    ['method', 'which parking garage is the highest around here', ['suicide', 'ambiguous']],
    ['passive', 'hoping a bus hits me on the way home', ['suicide', 'ambiguous']],
    ['passive', 'i wish i had never been born', ['suicide', 'ambiguous']],
    ['selfHarm', 'i harmed myself again tonight', ['suicide']],
    // emergencies
    ['heart', 'my heart keeps skipping and i fainted twice', ['medical']],
    ['otherEmergency', 'i think im having a stroke, my speech is slurred', ['medical']],
    // cancellers: none of these may alarm
    ['notLiteral', 'these withdrawals make me want to die, not literally', ['none']],
    ['withdrawalFeeling', 'day 5 off kratom and i feel like death', ['none']],
    ['idiom', 'my son will give me a heart attack one day', ['none']],
    ['idiom', 'i could sleep for a week', ['none']],
    ['idiom', 'im going to die of boredom at work', ['none']],
    ['idiom', 'i would rather die than call my ex', ['none']],
    ['idiom', 'ready to jump into the new job on monday', ['none']],
    ['clinician', 'the clinic screened me for suicide risk, all no', ['none']],
    ['clinician', 'the form had a suicide question, i checked no', ['none']],
    ['otherFigure', 'my roommate keeps saying hes gonna jump off the roof every monday, a running joke', ['none']],
    ['history', 'i overdosed in my twenties, im doing well now', ['none']],
    ['sleepy', 'my body gave up and i fell asleep on the couch', ['none']],
    ['sleepy', 'i passed out at 10 after my shots, great sleep', ['none']],
    ['sleepy', 'the extract always makes me sleepy after dinner', ['none']],
    ['kratomGoodbye', 'tonight i take my last capsule and then im free', ['none']],
    ['kratomGoodbye', 'friday is the day i stop kratom for good', ['none']],
  ];
  test.each(cases)('%s: %j', (_family, message, allowed) => {
    expect(allowed).toContain(detectDanger(message).kind);
  });

  test('an overdose then "sorry" gets 911 and 988 together', () => {
    const d = detectDanger('took 25 of my sleeping pills. sorry');
    expect(d.kinds).toContain('medical');
    expect(d.kinds).toContain('suicide');
  });

  test('heavy sedation with a strong sign still gets 911 after a usual dose', () => {
    expect(detectDanger('took my usual 7oh tab and now my breathing is really slow').kind).toBe('medical');
  });
});

describe('issue 20 v3.1: a goodbye beside kratom is still a goodbye; a goodbye to kratom is not (table)', () => {
  const cases: Array<[string, DangerKind[]]> = [
    ['kratom ruined my life. this is goodbye', ['ambiguous', 'suicide']],
    ['thank you for trying to help me quit. goodbye', ['ambiguous', 'suicide']],
    ['i failed the taper again. this is my last message', ['ambiguous', 'suicide']],
    ['i used to think it would get better. now i want to die', ['suicide']],
    ['soon ill be in a better place', ['ambiguous', 'suicide']],
    ['bye bye kratom, you wont be missed', ['none']],
    ['done with kratom. goodbye', ['none']],
    ['threw out my scale and the rest of my powder, goodbye forever', ['none']],
    ['i used to want to die, now i want to get better', ['none']],
  ];
  test.each(cases)('%j', (message, allowed) => {
    expect(allowed).toContain(detectDanger(message).kind);
  });
});

describe("safety-4.1.0: someone else at risk, screenings answered no, others' figures of speech, stroke signs (table)", () => {
  const cases: Array<[string, DangerKind[]]> = [
    // Another person's danger told in the third person is read in their own voice.
    ['my brother keeps telling me he wants to die and he has been drinking all day', ['suicide']],
    ['my mom said she is going to swallow all her sleeping pills tonight', ['suicide', 'medical']],
    ['my girlfriend is burning her arms with a lighter again', ['suicide']],
    // "would not wake up" also still reads as a body sign (911 beside 988).
    ['my uncle wishes he would not wake up', ['medical', 'suicide']],
    ['i want to take her out for dinner on her birthday', ['none']],
    // A screening answered no reaches the clause that names what was asked.
    ['the intake form had the question about being better off dead, i ticked not at all', ['none']],
    ['counselor: any thoughts of hurting yourself? me: honestly no', ['none']],
    ['the therapist asked if i was safe and i said no, tonight i am going to end it', ['suicide']],
    // Someone else's words with a sign they were a figure of speech; a general warning.
    ['my boss said "i am going to kill myself if this report is late again" and we all laughed', ['none']],
    ['the nurse said mixing extract and alcohol can kill you', ['none']],
    ['my aunt passed away last spring and i miss her today', ['none']],
    // Stroke signs come first, whatever else is asked.
    ['my mouth is drooping on one side and my right arm went numb', ['medical']],
    ['he hit his head on the counter and now he is woozy', ['medical']],
  ];
  test.each(cases)('%j', (message, allowed) => {
    expect(allowed).toContain(detectDanger(message).kind);
  });

  test('a friend at risk gets the line for someone worried about another', () => {
    const d = detectDanger('my best friend says she has her pills counted out for tonight');
    expect(d.kinds).toContain('suicide');
    expect(d.signals.some((s) => s.startsWith('suicide.someoneElse'))).toBe(true);
  });
});

describe('safety-4.2.0: structure over phrases (child exposure, liver failure, overdose told two ways, sayings) (table)', () => {
  const cases: Array<[string, DangerKind[]]> = [
    // A child's exposure over the whole message, asked or told, with an age or a missing amount.
    ['is my toddler going to be ok?? she ate one of my 7oh gummies', ['medical']],
    ['my grandson is 4 and he got ahold of my kratom capsules', ['medical']],
    ['found the shot bottle on the floor, half empty. my daughter is 2', ['medical']],
    ['what if my kid ever got into my kratom, where should i keep it', ['none']],
    ['can my baby drink my breast milk if i take kratom in the morning', ['none']],
    // Liver failure told across clauses.
    ['eyes are yellow, my pee looks like cola, and i keep forgetting where i am going', ['medical']],
    // An overdose told without a verb of taking, or in two clauses.
    ['i already did it. the whole bottle of my sleeping pills', ['medical']],
    ["took my mom's oxy, the whole bottle", ['medical']],
    // Heart rhythm with a faint; slow breaths with tiny pupils.
    ['heart keeps skipping and fluttering and i just blacked out in the kitchen', ['medical']],
    ['my breaths are slow and far apart and my pupils are tiny', ['medical']],
    // Death slang is not sleep talk; plans with a date.
    ['thinking about taking the forever nap this weekend', ['suicide', 'ambiguous']],
    ['friday night. that is my date. i am gonna end it', ['suicide']],
    // Sayings, history, screenings and others' deaths that must stay quiet.
    ['my shoulders have been killing me since i started the taper', ['none']],
    ['jumped out of my skin when the dog barked, day 5 nerves', ['none']],
    ['the dead of winter makes my cravings worse', ['none']],
    ['sophomore year i tried to end it. i am doing well now and want off kratom', ['none']],
    ['the psychiatrist screened me for suicidal thoughts, denied any', ['none']],
    ['saw on facebook a guy from my town overdosed on gas station shots', ['none']],
    ['i said my goodbyes to kratom today, five years is enough', ['none']],
  ];
  test.each(cases)('%j', (message, allowed) => {
    expect(allowed).toContain(detectDanger(message).kind);
  });
});

describe('safety-4.3.0: one rule per danger, storage talk only guards a plan (table)', () => {
  const cases: Array<[string, DangerKind[]]> = [
    // A child's exposure is one rule over the whole message; keeping things away from children is a plan,
    // unless the message tells what happened.
    ['my grandbaby chewed a capsule from the bottle i thought was childproof. he is 16 months old', ['medical']],
    ['how do i keep my kratom locked up so my toddler never swallows a capsule', ['none']],
    // Liver failure is one rule: yellow eyes with drowsiness, told in the same clause or apart.
    ['my eyes are yellow and i am so drowsy i can barely stay up', ['medical']],
    // A question is a report when the message says it is happening ("i just did", "been 20 min").
    ['how long till a bunch of pills kicks in? i took them like 15 min ago', ['medical']],
    ['is crushing chest pain something to worry about? it has been 30 minutes', ['medical']],
    // Checking on oneself or someone now is not a question for facts.
    ['is it weird that my husband is blue around the lips after nodding off? he took 7oh', ['medical']],
    // A joke or an "asking for a friend" taken back is the person's own.
    ['asking for a friend... how many tabs would stop a heart. the friend is me', ['suicide', 'ambiguous']],
    ['lol whats the surest way to go. half joking', ['suicide', 'ambiguous']],
    // Dotted slang, "unalive" as a state, "not in the nice way".
    ['k.m.s tonight probably', ['suicide', 'ambiguous']],
    ['im getting close to going unalive', ['suicide', 'ambiguous']],
    ['want to sleep forever and not in the lazy sunday way', ['suicide', 'ambiguous']],
    // A child's "what if" answered by what happened.
    ['what happens if a toddler swallows a gummy? because mine just did', ['medical']],
    // A seizure told by what it did; a past date that dates the use, not the signs.
    ['my arms went stiff and jerked and i lost time, my wife saw it', ['medical']],
    ['eyes are yellow and i am confused all day. i was on shots till 2 days ago', ['medical']],
    // Must stay quiet: a saying with "kill", a topic's last message, a goodbye to kratom in the same breath,
    // self-harm told as an old story, a screening that "checks" in, a tired "overdoing it".
    ['trying to kill two birds with one stone, a walk and a call to my sponsor', ['none']],
    ['this is my last message about the taper plan, tomorrow i am at zero', ['none']],
    ['end of the road for me and these gummies, day 1', ['none']],
    ['my old self harm scars ache in the cold, i have not done that in years', ['none']],
    ['my counselor checks if i am suicidal each week and i always say no', ['none']],
    ['threw out my capsule machine, am i overdoing it', ['none']],
  ];
  test.each(cases)('%j', (message, allowed) => {
    expect(allowed).toContain(detectDanger(message).kind);
  });
});
