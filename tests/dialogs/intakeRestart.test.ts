import { startTestApp } from '../support/app';
import { conversation } from '../support/intake';

/** An app with one conversation that has answered three questions (one skipped) and waits for the starting dose. */
async function waitingAtStartDose(conversationId: string) {
  const first = await startTestApp();
  const c = (key: string, vars?: Record<string, string | number>) => first.app.services.content.text(key, vars);
  const chat = conversation(first, conversationId, { userId: `${conversationId}-person` });
  await chat.say('hi');
  await chat.say(c('menu.options.intake'));
  await chat.say('powder');
  await chat.say('yes'); // the product type read back
  await chat.say('skip');
  await chat.say('2 years');
  expect(await chat.say('yes')).toEqual([c('intake.questions.startDose.prompt')]);
  return { first, c, chat, state: first.app.services.store.state, key: `test/conversations/${conversationId}/` };
}

describe('intake across restarts', () => {
  test('a question waiting when the server stops takes its answer after a restart; "later" resumes in a new conversation', async () => {
    const first = await startTestApp();
    const c = (key: string, vars?: Record<string, string | number>) => first.app.services.content.text(key, vars);
    const before = conversation(first, 'restart-1', { userId: 'restart-person' });
    await before.say('hi');
    await before.say(c('menu.options.intake'));
    await before.say('powder');
    await before.say('yes');
    await before.say('skip');
    await before.say('2 years');
    expect(await before.say('yes')).toEqual([c('intake.questions.startDose.prompt')]);
    await first.stop({ keepFiles: true });

    const second = await startTestApp({ dir: first.dir });
    const same = conversation(second, 'restart-1', { userId: 'restart-person' });
    expect(await same.say('3 g')).toEqual([c('intake.questions.amount.confirm', { amount: '3 g' })]);
    expect(await same.say('yes')).toEqual([c('intake.questions.currentDose.prompt')]);
    expect(await same.say('pause')).toEqual([c('intake.pause.done'), c('menu.prompt')]);
    await second.stop({ keepFiles: true });

    const third = await startTestApp({ dir: first.dir });
    const fresh = conversation(third, 'restart-2', { userId: 'restart-person' });
    expect(await fresh.say('hello')).toEqual([c('menu.prompt')]);
    expect(await fresh.say('plan my next steps')).toEqual([c('intake.resume.prompt', { answered: 4, total: 12 })]);
    expect(await fresh.say(c('intake.resume.choices.continue'))).toEqual([c('intake.questions.currentDose.prompt')]);
    expect(await fresh.say('10 g')).toEqual([c('intake.questions.amount.confirm', { amount: '10 g' })]);
    const saved = await third.app.intake.load('test:restart-person');
    expect(saved?.answers).toMatchObject({
      products: ['leaf'],
      startedAgo: { kind: 'months', months: 24 },
      startDose: { kind: 'amount', amount: 3, unit: 'g' },
    });
    expect(saved?.completed).toBe(false);
    await third.stop();
  });

  test('a question whose saved state it cannot read pauses the intake on the next reply, and "continue" picks it up', async () => {
    const { first, c, chat: before, state, key } = await waitingAtStartDose('restart-3');
    // A waiting question's state in a shape the question does not know (here: a component with its own stack).
    const stored = (await state.read([key]))[key]!;
    const json = JSON.stringify(stored).replace(
      /\{"id":"intake\.amountQuestion","state":\{[^}]*\}\}/,
      '{"id":"intake.amountQuestion","state":{"dialogs":{"dialogStack":[{"id":"intake.amountQuestion.steps","state":{"options":{"id":"startDose"},"stepIndex":0}}]}}}',
    );
    expect(json).toContain('intake.amountQuestion.steps');
    await state.write({ [key]: { ...JSON.parse(json), eTag: '*' } });

    expect(await before.say('3 g')).toEqual([c('intake.pause.done'), c('menu.prompt')]);
    expect(await before.say('plan my next steps')).toEqual([c('intake.resume.prompt', { answered: 3, total: 12 })]);
    expect(await before.say(c('intake.resume.choices.continue'))).toEqual([c('intake.questions.startDose.prompt')]);
    await first.stop();
  });
});
