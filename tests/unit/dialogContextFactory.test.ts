import { ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, type DialogContext, DialogSet, type DialogTurnResult, Prompt, WaterfallDialog } from 'botbuilder-dialogs';
import { DialogContextFactory } from '../../src/bot/DialogContextFactory';

const turn = () =>
  new TurnContext(new TestAdapter(), {
    type: 'message',
    text: 'hi',
    channelId: 'test',
    conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'p1', name: '' },
    recipient: { id: 'bot', name: '' },
  });

describe('DialogContextFactory', () => {
  const state = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(state.createProperty('dialogState'));
  dialogs.add(new WaterfallDialog('steps', [async (step) => step.endDialog()]));

  test('later turns reuse the memory configuration of the first, and memory still works', async () => {
    const factory = new DialogContextFactory(dialogs);
    const first = await factory.create(turn());
    const second = await factory.create(turn());
    // A plain DialogSet builds a new configuration for every turn; the factory hands the first one on.
    expect((await dialogs.createContext(turn())).state.configuration).not.toBe(first.state.configuration);
    expect(second.state.configuration).toBe(first.state.configuration);
    expect(second.state.configuration.memoryScopes.length).toBeGreaterThan(0);
    second.state.setValue('turn.answer', 42);
    expect(second.state.getValue('turn.answer')).toBe(42);
    expect(second.state.getValue('turn.activity.text')).toBe('hi');
  });

  test('on this botbuilder version the per-turn activityReceived event is skipped, and dialogs still run', async () => {
    const seen: string[] = [];
    class Waits extends Dialog {
      override async beginDialog(): Promise<DialogTurnResult> {
        return Dialog.EndOfTurn;
      }
      override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
        return dc.endDialog('continued');
      }
    }
    class Listening extends ComponentDialog {
      constructor() {
        super('listening');
        this.addDialog(new Waits('waits'));
      }
      protected override async onPreBubbleEvent(_dc: DialogContext, event: { name: string }): Promise<boolean> {
        seen.push(event.name);
        return false;
      }
    }
    const memory = new ConversationState(new MemoryStorage());
    const listening = new DialogSet(memory.createProperty('stack'));
    listening.add(new Listening());
    const factory = new DialogContextFactory(listening);
    expect(factory.skipsActivityReceived).toBe(true);
    const runTurn = async (create: (context: TurnContext) => Promise<DialogContext>) => {
      const context = turn();
      const dc = await create(context);
      const result = dc.activeDialog ? await dc.continueDialog() : await dc.beginDialog('listening');
      await memory.saveChanges(context);
      return result;
    };

    await runTurn((context) => listening.createContext(context));
    expect(await runTurn((context) => listening.createContext(context))).toMatchObject({ status: 'complete', result: 'continued' });
    expect(seen).toEqual(['activityReceived']); // what a plain DialogSet emits on every turn

    seen.length = 0;
    await runTurn((context) => factory.create(context));
    expect(await runTurn((context) => factory.create(context))).toMatchObject({ status: 'complete', result: 'continued' });
    expect(seen).toEqual([]);
  });
});

/** The dialogs the app registers, reached through every component. */
function everyDialog(set: DialogSet, found: Dialog[] = []): Dialog[] {
  for (const dialog of Object.values((set as unknown as { dialogs: Record<string, Dialog> }).dialogs)) {
    found.push(dialog);
    if (dialog instanceof ComponentDialog) everyDialog(dialog.dialogs, found);
  }
  return found;
}

describe('no dialog of the app handles dialog events (so skipping activityReceived changes nothing)', () => {
  // botbuilder's Prompt handles activityReceived only to stop it bubbling to adaptive parents (none here).
  test('none overrides onDialogEvent, onPreBubbleEvent or onPostBubbleEvent beyond botbuilder\'s Prompt', async () => {
    const { startTestApp } = await import('../support/app');
    const running = await startTestApp();
    try {
      const dialogs = everyDialog((running.app.bot as unknown as { options: { dialogs: DialogSet } }).options.dialogs);
      expect(dialogs.length).toBeGreaterThan(20);
      const handlers = dialogs.filter((dialog) =>
        (['onDialogEvent', 'onPreBubbleEvent', 'onPostBubbleEvent'] as const).some((name) => {
          const own = (dialog as unknown as Record<string, unknown>)[name];
          const base = dialog instanceof ComponentDialog ? ComponentDialog.prototype : Dialog.prototype;
          const inherited = [base, Dialog.prototype, Prompt.prototype].map((proto) => (proto as unknown as Record<string, unknown>)[name]);
          return !inherited.includes(own);
        }),
      );
      expect(handlers.map((d) => d.id)).toEqual([]);
      // DialogSet.add renames a clashing id by appending a number; parts added through getDependencies must not clash.
      const ids = dialogs.map((d) => d.id);
      expect(ids.filter((id) => /\d$/.test(id) && ids.includes(id.replace(/\d+$/, '')))).toEqual([]);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await running.stop();
    }
  });
});
