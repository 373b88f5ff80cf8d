import { ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { DialogSet, WaterfallDialog } from 'botbuilder-dialogs';
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
});
