import { type Activity, TestAdapter, TurnContext } from 'botbuilder';
import type { DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import { DialogContext, DialogSet } from '../vendor/dialogsLibrary';

/** Where botbuilder-dialogs looks for a ready memory configuration before it builds one (botbuilder 4.23). */
export const DIALOG_STATE_CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

/** The description of the turn-state key botbuilder-dialogs sets once it has emitted 'activityReceived'. */
const ACTIVITY_RECEIVED_MARK = 'ActivityReceivedEmitted';

/**
 * Creates a turn's dialog context, without two costs botbuilder-dialogs pays on every turn for
 * features this bot does not use:
 * - it builds its memory-scope configuration afresh unless turn state already holds one; its own
 *   DialogManager keeps one for the process, and so does this. The scopes hold no per-turn data.
 * - the first continueDialog of a turn emits an 'activityReceived' dialog event from the innermost
 *   dialog up through every level, making a dialog context per level on the way. It exists for
 *   adaptive dialogs' triggers; no dialog here handles dialog events (a test checks that), so the
 *   factory marks the event as already emitted. The mark is botbuilder's own turn-state key, found
 *   once at start-up; if a later botbuilder has none, the event simply runs again (a test says so).
 */
export class DialogContextFactory {
  private configuration: DialogStateManagerConfiguration | undefined;
  private readonly activityReceivedMark = findActivityReceivedMark();

  constructor(private readonly dialogs: DialogSet) {}

  /** True when this botbuilder version lets the factory skip the per-turn 'activityReceived' event. */
  get skipsActivityReceived(): boolean {
    return this.activityReceivedMark !== undefined;
  }

  async create(context: TurnContext): Promise<DialogContext> {
    if (this.configuration && !context.turnState.has(DIALOG_STATE_CONFIGURATION_KEY)) {
      context.turnState.set(DIALOG_STATE_CONFIGURATION_KEY, this.configuration);
    }
    if (this.activityReceivedMark) context.turnState.set(this.activityReceivedMark, true);
    const dc = await this.dialogs.createContext(context);
    this.configuration ??= dc.state.configuration;
    return dc;
  }
}

/** Runs continueDialog once on an empty stack and returns the key it left in turn state, if any. */
function findActivityReceivedMark(): symbol | undefined {
  const activity: Partial<Activity> = { type: 'message', channelId: 'probe', conversation: { id: 'probe', isGroup: false, conversationType: '', name: '' }, from: { id: 'probe', name: '' }, recipient: { id: 'bot', name: '' } };
  const context = new TurnContext(new TestAdapter(), activity);
  const before = new Set(context.turnState.keys());
  // An empty stack answers synchronously up to the event, so the mark is set before the promise settles.
  void new DialogContext(new DialogSet(), context, { dialogStack: [] }).continueDialog().catch(() => undefined);
  return [...context.turnState.keys()].find((key): key is symbol => !before.has(key) && typeof key === 'symbol' && key.description === ACTIVITY_RECEIVED_MARK);
}
