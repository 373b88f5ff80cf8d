import { ProgramService } from '../../src/features/program/ProgramService';
import { ConversationState, TestAdapter, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import { join } from 'node:path';
import { ConsentDialog } from '../../dialogs/privacy/ConsentDialog';
import { InfoDialog, SUPPORT_DIALOG } from '../../dialogs/menu/InfoDialog';
import { RootDialog } from '../../dialogs/menu/RootDialog';
import { ROOT_DIALOG } from '../../dialogs/shared/rootDialog';
import type { DialogServices } from '../../dialogs/shared/services';
import { createConsentService } from '../../src/features/privacy/consent';
import { createPersonalDataService } from '../../src/features/privacy/personalData';
import { createSafetyEventLog } from '../../src/features/safety/events';
import { DefaultRenderer } from '../../src/platform/channels/render';
import { loadContent } from '../../src/platform/content/loader';
import { createLogger } from '../../src/platform/logger';
import { SqliteDataStore } from '../../src/platform/storage/sqlite/SqliteDataStore';
import { makeTempDir } from '../support/app';
import { FakeClock } from '../support/fakes';

/**
 * The consent gate, with a stand-in for a dialog that keeps personal data (the intake and program
 * come from other features): a menu entry with needsConsent asks first and runs only after a "yes".
 */
const KEEPS_DATA_DIALOG = 'keepsData';
/** A stand-in that keeps data and waits for a reply, like the intake. */
const WAITS_DIALOG = 'waits';

describe('consent before anything that keeps personal data', () => {
  const content = loadContent('en');
  const text = (key: string) => content.text(key);
  let store: SqliteDataStore;
  let services: DialogServices;
  let logic: (context: TurnContext) => Promise<void>;

  beforeEach(() => {
    store = SqliteDataStore.open(join(makeTempDir('consent-'), 'coach.db'));
    const clock = new FakeClock();
    services = {
      content,
      renderer: new DefaultRenderer(content),
      clock,
      logger: createLogger('silent'),
      program: new ProgramService({ content, progress: store.programProgress, clock }),
      consent: createConsentService({
        consents: store.consents,
        clock,
        policyVersion: () => content.text('privacy.version'),
      }),
      safetyEvents: createSafetyEventLog({ safetyEvents: store.safetyEvents, clock }),
      personalData: createPersonalDataService({ store }),
    };
    const conversationState = new ConversationState(store.state);
    const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
    dialogs.add(
      new RootDialog(services, [
        { value: 'support', dialogId: SUPPORT_DIALOG },
        { value: 'about', dialogId: KEEPS_DATA_DIALOG, needsConsent: true },
        { value: 'intake', dialogId: WAITS_DIALOG, needsConsent: true },
      ]),
    );
    dialogs.add(new TextPrompt('waits.prompt'));
    dialogs.add(
      new WaterfallDialog(WAITS_DIALOG, [
        async (step) => step.prompt('waits.prompt', { prompt: 'waiting' }),
        async (step) => step.endDialog(),
      ]),
    );
    dialogs.add(new InfoDialog(SUPPORT_DIALOG, 'support.text', services));
    dialogs.add(new InfoDialog(KEEPS_DATA_DIALOG, 'about.text', services));
    dialogs.add(new ConsentDialog(services));
    logic = async (context) => {
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog(ROOT_DIALOG);
      await conversationState.saveChanges(context);
    };
  });
  afterEach(() => store.close());

  const person = (id: string) =>
    new TestAdapter(logic, { from: { id }, conversation: { id: `${id}-conversation` } } as never);
  const askedForConsent = () => [
    text('consent.intro'),
    text('consent.whatWeStore'),
    text('consent.yourRights'),
    text('consent.question'),
  ];

  async function replies(adapter: TestAdapter, message: string): Promise<string[]> {
    const texts: string[] = [];
    await adapter.send(message).assertReply((a) => void texts.push(a.text ?? ''));
    while (adapter.activeQueue.length > 0) texts.push(adapter.activeQueue.shift()!.text ?? '');
    return texts;
  }

  test('the consent question says what Steady is and what it keeps, plainly', () => {
    expect(text('consent.intro')).toMatch(/automated coach/);
    expect(text('consent.intro')).toMatch(/not a doctor/);
    expect(text('consent.intro')).toMatch(/not an emergency service/);
    expect(text('consent.whatWeStore')).toMatch(/save your answers/);
  });

  test('"yes" is stored with the policy version, then the feature runs; later it runs without asking', async () => {
    const adapter = person('agrees');
    await replies(adapter, 'hi');
    expect(await replies(adapter, '2')).toEqual(askedForConsent());
    expect(await replies(adapter, 'yes')).toEqual([text('consent.granted'), text('about.text'), text('menu.prompt')]);
    const stored = await store.consents.get('test:agrees');
    expect(stored).toMatchObject({
      status: 'granted',
      policyVersion: text('privacy.version'),
      decidedAt: '2026-12-01T15:00:00.000Z',
    });
    expect(await replies(adapter, '2')).toEqual([text('about.text'), text('menu.prompt')]);
  });

  test('after a "yes" the feature takes the consent dialog\'s place on the stack', async () => {
    const adapter = person('stack');
    await replies(adapter, 'hi');
    expect(await replies(adapter, '3')).toEqual(askedForConsent());
    expect(await replies(adapter, 'yes')).toEqual([text('consent.granted'), 'waiting']);
    const key = 'test/conversations/stack-conversation/';
    const stored = (await store.state.read([key]))[key] as { dialogState: { dialogStack: Array<{ id: string }> } };
    expect(stored.dialogState.dialogStack.map((d) => d.id)).toEqual([ROOT_DIALOG, WAITS_DIALOG, 'waits.prompt']);
    expect(await replies(adapter, 'done')).toEqual([text('menu.prompt')]);
  });

  test('"no" skips the feature but support still works; picking it again asks again', async () => {
    const adapter = person('declines');
    await replies(adapter, 'hi');
    await replies(adapter, '2');
    expect(await replies(adapter, 'No thanks')).toEqual([text('consent.neededForFeature'), text('menu.prompt')]);
    expect((await store.consents.get('test:declines'))?.status).toBe('declined');
    expect(await replies(adapter, '1')).toEqual([text('support.text'), text('menu.prompt')]);
    expect(await replies(adapter, '2')).toEqual(askedForConsent());
  });

  test('an answer that is neither gets a friendly re-ask with the buttons again', async () => {
    const adapter = person('unclear');
    await replies(adapter, 'hi');
    await replies(adapter, '2');
    expect(await replies(adapter, '🤷‍♀️ whatever ¯\\_(ツ)_/¯')).toEqual([text('consent.reprompt')]);
    expect(await replies(adapter, 'ok')).toEqual([text('consent.granted'), text('about.text'), text('menu.prompt')]);
  });

  test('consent given to an older policy version is asked for again', async () => {
    await store.consents.set('test:old-policy', 'granted', '2020-01-01', new Date('2020-01-01T00:00:00Z'));
    const adapter = person('old-policy');
    await replies(adapter, 'hi');
    expect(await replies(adapter, '2')).toEqual(askedForConsent());
  });
});
