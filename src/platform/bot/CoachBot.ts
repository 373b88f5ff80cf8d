import {
  ActivityHandler,
  ActivityTypes,
  type ConversationReference,
  type StatePropertyAccessor,
  type Storage,
  TurnContext,
} from 'botbuilder';
import type { DialogContext, DialogSet } from 'botbuilder-dialogs';
import { DialogTurnStatus } from './dialogsLibrary';
import type { ConversationReferenceStore } from '../channels/conversationReferences';
import { type GlobalCommand, findCommand } from './commands';
import { conversationKeyOf, durableReference, personIdOf } from '../channels/identity';
import { KeyedLock } from '../util/KeyedLock';
import { LAST_SEEN_RESOLUTION_MS } from '../storage/repositories';
import { fingerprint64 } from '../util/stringHash';
import type { CoachServices } from '../../services';
import { type TurnConversationState, TurnStateWriter, type TurnUserState } from './TurnStateWriter';
import type { TurnWrites } from '../storage/turnWrites';
import { beginTurnWrites } from './turnWrites';

/** What the bot keeps about a person between conversations. Kept small on purpose. */
export interface PersonState {
  welcomedAt?: string;
  /**
   * A fingerprint (not the reference itself) of the conversation reference last stored for check-ins
   * on this channel, so that a turn from the same conversation needs no read to know it is stored.
   * Deleting someone's data deletes this state with the reference.
   */
  referenceStored?: string;
  /** The last visit recorded for them (see CoachBot.rememberPerson): when, and in which conversation. */
  visit?: { at: string; conversation: string };
}

const FORGET_PERSON = Symbol('forgetPerson');

/** Tells references apart without copying one into the person's state. */
const referenceFingerprint = (reference: Partial<ConversationReference>): string =>
  fingerprint64(JSON.stringify(reference));

/**
 * Marks the turn as one in which the person's data was deleted: the bot then saves no state for it,
 * so nothing of theirs is written back after the deletion.
 */
export function forgetPersonAfterTurn(context: TurnContext): void {
  context.turnState.set(FORGET_PERSON, true);
}

/** Runs before commands and dialogs on every message (the first one too); returns true when it fully handled the turn. */
export interface TurnGuard {
  readonly name: string;
  inspect(context: TurnContext, dc: DialogContext): Promise<boolean>;
}

export interface CoachBotOptions {
  services: CoachServices;
  conversationState: TurnConversationState;
  userState: TurnUserState;
  /** Where to reach people for check-ins. */
  references: ConversationReferenceStore;
  /** Where both states live; a turn's changes to them are written there together. */
  stateStorage: Storage;
  dialogs: DialogSet;
  rootDialogId: string;
  commands: GlobalCommand[];
  /** Reads free text (requests, questions) before the waiting dialog does; commands go through it when set. */
  router?: { route(dc: DialogContext, turn?: { firstTurn?: boolean }): Promise<boolean> };
  guards?: TurnGuard[];
}

export class CoachBot extends ActivityHandler {
  private readonly lock = new KeyedLock();
  private readonly personState: StatePropertyAccessor<PersonState>;
  private readonly turnState: TurnStateWriter;

  constructor(private readonly options: CoachBotOptions) {
    super();
    this.turnState = new TurnStateWriter(options.stateStorage, [options.conversationState, options.userState]);
    this.personState = options.userState.createProperty<PersonState>('person');
    this.onMembersAdded(async (context, next) => {
      const people = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient?.id);
      if (people.length > 0) await this.welcomeAndBegin(context);
      await next();
    });
  }

  /**
   * One turn at a time per conversation. The visit (the person, and which state keys are theirs, so
   * export and delete reach their conversations) is recorded right after the state is read and before
   * anything is stored, so anything the turn stores about them is covered by retention even if the turn
   * dies halfway; the turn's state is saved, in one write, before the turn is acknowledged.
   */
  override async run(context: TurnContext): Promise<void> {
    await this.exclusive(conversationKeyOf(context.activity), async () => {
      const writes = beginTurnWrites(context);
      await this.turnState.load(context);
      await this.rememberPerson(context);
      await this.refreshConversationReference(context);
      await this.dispatch(context);
      if (context.turnState.get(FORGET_PERSON)) {
        writes.discard();
        await this.turnState.delete(context);
        return;
      }
      await this.saveTurn(context, writes);
    });
  }

  /**
   * The state and the writes the turn queued, started together: on SQLite one unit in one group
   * commit, so the dialog step and the answer it saved are stored together or not at all.
   */
  private async saveTurn(context: TurnContext, writes: TurnWrites): Promise<void> {
    const { store } = this.options.services;
    const start = () => [...writes.start(), this.turnState.save(context)];
    await Promise.all(store.together ? store.together(start) : start());
  }

  /**
   * One turn of a conversation at a time: in this process (KeyedLock, in arrival order), then across the
   * instances sharing the database (the store's conversation lock; on PostgreSQL an advisory lock), so a
   * turn always reads the state the previous turn saved, whichever instance ran it.
   */
  private exclusive(key: string, task: () => Promise<void>): Promise<void> {
    return this.lock.run(key, () => this.options.services.store.conversationLocks.run(key, task));
  }

  /**
   * A message goes straight to handleMessage; everything else takes ActivityHandler's route (members
   * added, and its default answers to invokes). Its handler chain for a message does nothing more than
   * call the one handler registered, and a message is nearly every turn.
   */
  private async dispatch(context: TurnContext): Promise<void> {
    if (context.activity.type === ActivityTypes.Message) await this.handleMessage(context);
    else await super.run(context);
  }

  /**
   * Records the visit: the person, last seen, and which state keys are theirs. Last seen is kept to
   * LAST_SEEN_RESOLUTION_MS, so their user state notes the last visit recorded and in which
   * conversation, and the turns of a steady chat in between read and write nothing for it. Deleting
   * their data deletes the note with the rows, so the next turn records them again.
   */
  private async rememberPerson(context: TurnContext): Promise<void> {
    if (!context.activity.from?.id) return;
    const conversationKey = this.options.conversationState.getStorageKey(context);
    const userKey = this.options.userState.getStorageKey(context);
    const now = this.options.services.clock.now();
    const person = await this.personState.get(context, {});
    const sinceLast = person.visit ? now.getTime() - Date.parse(person.visit.at) : Number.NaN;
    if (person.visit?.conversation === conversationKey && sinceLast >= 0 && sinceLast < LAST_SEEN_RESOLUTION_MS) return;
    const stateKeys = [userKey, conversationKey].filter((k): k is string => typeof k === 'string');
    await this.options.services.store.people.seen(
      personIdOf(context.activity),
      context.activity.channelId,
      stateKeys,
      now,
    );
    if (conversationKey) person.visit = { at: now.toISOString(), conversation: conversationKey };
  }

  /**
   * A proactive turn (continueConversationAsync): runs `start` on the conversation's dialog stack under the
   * same per-conversation lock as incoming turns, and saves state only when it completed (the send worked).
   */
  async runProactive(context: TurnContext, start: (dc: DialogContext) => Promise<void>): Promise<void> {
    await this.exclusive(conversationKeyOf(context.activity), async () => {
      const writes = beginTurnWrites(context);
      await this.turnState.load(context);
      const dc = await this.options.dialogs.createContext(context);
      await start(dc);
      await this.saveTurn(context, writes);
    });
  }

  /**
   * Where to reach this person later (weekly check-ins), kept only with their consent and refreshed
   * whenever it changes (another conversation, a moved service URL). Their user state remembers which
   * reference is stored, so the turns of one conversation after the first read nothing for it.
   */
  private async refreshConversationReference(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (!activity.from?.id || !activity.serviceUrl || !activity.conversation?.id) return;
    const reference = durableReference(activity);
    const fingerprint = referenceFingerprint(reference);
    const person = await this.personState.get(context, {});
    if (person.referenceStored === fingerprint) return;
    if (await this.options.references.save(personIdOf(activity), reference, this.options.services.clock.now()))
      person.referenceStored = fingerprint;
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const dc = await this.options.dialogs.createContext(context);
    const person = await this.personState.get(context, {});
    const firstTime = !person.welcomedAt;
    if (firstTime) await this.welcome(context);
    for (const guard of this.options.guards ?? []) {
      if (await guard.inspect(context, dc)) return;
    }
    if (firstTime) {
      // A first message that asks for something ("what is 7-OH?") is answered after the welcome.
      if (this.options.router && (await this.options.router.route(dc, { firstTurn: true }))) return;
      await this.welcomeAndBegin(context, dc);
      return;
    }
    if (this.options.router) {
      if (await this.options.router.route(dc)) return;
    } else {
      const command = findCommand(context.activity.text ?? '', this.options.commands, this.options.services.content);
      if (command) {
        await command.run(dc);
        return;
      }
    }
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.options.rootDialogId);
  }

  private async welcomeAndBegin(context: TurnContext, existing?: DialogContext): Promise<void> {
    const dc = existing ?? (await this.options.dialogs.createContext(context));
    await this.welcome(context);
    if (!dc.activeDialog) await dc.beginDialog(this.options.rootDialogId);
  }

  /** The first words a person sees: who Steady is, that it is automated and not a clinician, and what it keeps. */
  private async welcome(context: TurnContext): Promise<void> {
    const { content, clock } = this.options.services;
    const person = await this.personState.get(context, {});
    if (person.welcomedAt) return;
    await context.sendActivities(
      ['welcome.greeting', 'welcome.notClinician', 'privacy.notice'].map((key) => ({
        type: 'message',
        text: content.text(key),
      })),
    );
    await this.personState.set(context, { ...person, welcomedAt: clock.now().toISOString() });
  }
}
