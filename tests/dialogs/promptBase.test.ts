import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type TurnContext } from 'botbuilder';
import {
  Dialog,
  type DialogContext,
  DialogSet,
  type DialogState,
  type PromptOptions,
  type PromptRecognizerResult,
  type PromptValidator,
  TextPrompt,
} from 'botbuilder-dialogs';
import { PromptBase, type PromptInstanceState } from '../../dialogs/shared/PromptBase';

const ASK = 'ask';
const ASIDE = 'aside';

/** Accepts a reply that is a whole number; says "ask" or "ask again" (with the question's topic). */
class WholeNumberPrompt extends PromptBase<number> {
  protected async onPrompt(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    await context.sendActivity(`${isRetry ? 'ask again' : 'ask'}: ${options.validations as unknown as string}`);
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<number>> {
    const text = (context.activity.text ?? '').trim();
    return /^\d+$/.test(text) ? { succeeded: true, value: Number(text) } : { succeeded: false };
  }
}

/** Ends at once: stands for any dialog begun on top of an open question. */
class AsideDialog extends Dialog {
  async beginDialog(dc: DialogContext) {
    await dc.context.sendActivity('aside');
    return dc.endDialog();
  }
}

/** A conversation whose turns ask one question and report what the prompt returned. */
function conversation(prompt: Dialog, storage = new MemoryStorage()) {
  const conversationState = new ConversationState(storage);
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const dialogs = new DialogSet(dialogState).add(prompt).add(new AsideDialog(ASIDE));
  const adapter = new TestAdapter(async (context) => {
    const dc = await dialogs.createContext(context);
    if (context.activity.text === 'aside') await dc.beginDialog(ASIDE);
    else {
      const result = await dc.continueDialog();
      if (result.status === 'empty') await dc.beginDialog(ASK, { validations: 'days' });
      else if (result.status === 'complete') await context.sendActivity(`got ${String(result.result)}`);
    }
    await conversationState.saveChanges(context);
  });
  return { adapter, storage, dialogState, conversationState };
}

/** TestAdapter's conversation, as ConversationState keys it. */
const CONVERSATION_KEY = 'test/conversations/Convo1/';

/** The open question's instance state as stored. */
async function questionSavedIn(storage: MemoryStorage): Promise<PromptInstanceState> {
  const saved = (await storage.read([CONVERSATION_KEY]))[CONVERSATION_KEY] as { dialogState: DialogState };
  expect(saved.dialogState.dialogStack.map((instance) => instance.id)).toEqual([ASK]);
  return saved.dialogState.dialogStack[0].state as PromptInstanceState;
}

describe('PromptBase: ask, read, ask again', () => {
  test('asks, re-asks a reply it cannot read, and returns the one it can', async () => {
    await conversation(new WholeNumberPrompt(ASK))
      .adapter.send('hi')
      .assertReply('ask: days')
      .send('a few')
      .assertReply('ask again: days')
      .send('5')
      .assertReply('got 5')
      .startTest();
  });

  test('typing and other events neither answer the question nor count as a try', async () => {
    const attempts: number[] = [];
    const validator: PromptValidator<number> = async (prompt) => {
      attempts.push(prompt.attemptCount);
      return prompt.recognized.succeeded;
    };
    await conversation(new WholeNumberPrompt(ASK, validator))
      .adapter.send('hi')
      .assertReply('ask: days')
      .send({ type: ActivityTypes.Typing })
      .send('3')
      .assertReply('got 3')
      .startTest();
    expect(attempts).toEqual([1]);
  });

  test('the validator sees each try counted, and a validator that answered itself is not followed by a re-ask', async () => {
    const seen: Array<{ attempt: number; succeeded: boolean }> = [];
    const validator: PromptValidator<number> = async (prompt) => {
      seen.push({ attempt: prompt.attemptCount, succeeded: prompt.recognized.succeeded });
      if (prompt.attemptCount === 2) await prompt.context.sendActivity('try a number like 4');
      return prompt.recognized.succeeded && prompt.recognized.value! < 10;
    };
    await conversation(new WholeNumberPrompt(ASK, validator))
      .adapter.send('hi')
      .assertReply('ask: days')
      .send('lots')
      .assertReply('ask again: days')
      .send('many')
      .assertReply('try a number like 4')
      .send('12')
      .assertReply('ask again: days')
      .send('4')
      .assertReply('got 4')
      .startTest();
    expect(seen).toEqual([
      { attempt: 1, succeeded: false },
      { attempt: 2, succeeded: false },
      { attempt: 3, succeeded: true },
      { attempt: 4, succeeded: true },
    ]);
  });

  test('when a dialog begun on top of the question ends, the question is asked again as at first', async () => {
    await conversation(new WholeNumberPrompt(ASK))
      .adapter.send('hi')
      .assertReply('ask: days')
      .send('aside')
      .assertReply('aside')
      .assertReply('ask: days')
      .send('2')
      .assertReply('got 2')
      .startTest();
  });

  test("a question saved by botbuilder-dialogs' own Prompt carries on under PromptBase, and both save the same shape", async () => {
    const storage = new MemoryStorage();
    const before = conversation(new TextPrompt(ASK), storage);
    await before.adapter.send('hi').startTest();
    const savedByLibrary = await questionSavedIn(storage);

    const after = conversation(new WholeNumberPrompt(ASK), storage);
    await after.adapter.send('7').assertReply('got 7').startTest();

    const fresh = new MemoryStorage();
    await conversation(new WholeNumberPrompt(ASK), fresh).adapter.send('hi').assertReply('ask: days').startTest();
    const savedByBase = await questionSavedIn(fresh);
    expect(Object.keys(savedByBase).sort()).toEqual(Object.keys(savedByLibrary).sort());
    expect(savedByBase).toEqual({ options: { validations: 'days' }, state: {} });
  });
});
