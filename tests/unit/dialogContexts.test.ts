import { ComponentDialog, Dialog, type DialogEvent, type DialogSet } from 'botbuilder-dialogs';
import { say } from '../support/app';

/** The dialogs the app registers, reached through every component. */
function everyDialog(set: DialogSet, found: Dialog[] = []): Dialog[] {
  for (const dialog of Object.values((set as unknown as { dialogs: Record<string, Dialog> }).dialogs)) {
    found.push(dialog);
    if (dialog instanceof ComponentDialog) everyDialog(dialog.dialogs, found);
  }
  return found;
}

// Each turn's dialog context comes from the public DialogSet.createContext; nothing is set in turn state
// behind botbuilder's back (the bot once marked botbuilder's private 'activityReceived' symbol to skip it).
describe("the app's dialog contexts", () => {
  let running: Awaited<ReturnType<typeof import('../support/app').startTestApp>>;
  let dialogs: DialogSet;
  beforeAll(async () => {
    const { startTestApp } = await import('../support/app');
    running = await startTestApp();
    dialogs = (running.app.bot as unknown as { options: { dialogs: DialogSet } }).options.dialogs;
  });
  afterAll(async () => running.stop());

  test('a turn with a waiting dialog makes its context with DialogSet.createContext and runs the activityReceived event as published', async () => {
    const events: string[] = [];
    const onDialogEvent = jest
      .spyOn(Dialog.prototype, 'onDialogEvent')
      .mockImplementation(async (_dc, event: DialogEvent) => {
        events.push(event.name);
        return false;
      });
    const createContext = jest.spyOn(dialogs, 'createContext');
    try {
      const conversationId = 'dialog-contexts';
      await say(running.baseUrl, 'hi', { conversationId });
      createContext.mockClear();
      events.length = 0;
      await say(running.baseUrl, 'hmm', { conversationId }); // not a command: the waiting question continues
      expect(createContext).toHaveBeenCalled();
      expect(events).toContain('activityReceived');
    } finally {
      onDialogEvent.mockRestore();
      createContext.mockRestore();
    }
  });

  test('every dialog id is unique (DialogSet.add renames a clashing id by appending a number)', () => {
    const all = everyDialog(dialogs);
    expect(all.length).toBeGreaterThan(20);
    const ids = all.map((d) => d.id);
    expect(ids.filter((id) => /\d$/.test(id) && ids.includes(id.replace(/\d+$/, '')))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
