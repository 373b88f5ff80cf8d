import {
  type BotState,
  ConversationState,
  type Storage,
  type StoreItem,
  type StoreItems,
  type TurnContext,
  UserState,
} from 'botbuilder';
import { documentJson, storedJsonOf, withDocumentJson } from '../storage/storedDocuments';

const LOADED = Symbol('turnStateLoaded');

/** A state's copy for this turn, and its JSON as stored (without the eTag), to tell whether the turn changed it. */
interface Loaded {
  key: string;
  state: StoreItem;
  stored: string;
  /** The JSON `changes` found different from `stored`, which `markSaved` then takes as stored. */
  changed?: string;
}

/** A BotState that TurnStateWriter can load and save for the whole turn. */
export interface TurnLoadedState extends BotState {
  getStorageKey(context: TurnContext): string | undefined;
  /** Takes this turn's copy as read by someone else (TurnStateWriter reads all of a turn's states in one call). */
  adopt(context: TurnContext, key: string, item: StoreItem | undefined): void;
  /** The document to store when the turn changed the state, else undefined. */
  changes(context: TurnContext): StoreItem | undefined;
  /** Records that the current copy is now what is stored. */
  markSaved(context: TurnContext): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript requires a mixin base to take any[]
type StateClass = new (...args: any[]) => BotState & { getStorageKey(context: TurnContext): string | undefined };

/**
 * BotState keeps a hash of each state it loads (botbuilder-stdlib's stringify, then SHA-256) to tell
 * later whether it changed. TurnStateWriter tells changes by the stored JSON instead, so these states
 * keep their turn copy under their own key and never hash it. Storage keys are the parent class's.
 */
function loadedPerTurn<T extends StateClass>(Base: T) {
  return class extends Base implements TurnLoadedState {
    private readonly turnKey = Symbol(`${Base.name}.turn`);

    private loaded(context: TurnContext): Loaded | undefined {
      return context.turnState.get(this.turnKey);
    }

    adopt(context: TurnContext, key: string, item: StoreItem | undefined): void {
      const state = item ?? {};
      context.turnState.set(this.turnKey, { key, state, stored: item ? storedJsonOf(item) : '{}' } satisfies Loaded);
    }

    changes(context: TurnContext): StoreItem | undefined {
      const loaded = this.loaded(context);
      if (!loaded) return undefined;
      const now = documentJson(loaded.state);
      if (now === loaded.stored) return undefined;
      loaded.changed = now;
      return withDocumentJson({ ...loaded.state, eTag: '*' }, now);
    }

    markSaved(context: TurnContext): void {
      const loaded = this.loaded(context);
      if (!loaded) return;
      loaded.stored = loaded.changed ?? documentJson(loaded.state);
      delete loaded.changed;
    }

    override async load(context: TurnContext, force = false): Promise<StoreItem> {
      const loaded = this.loaded(context);
      if (loaded && !force) return loaded.state;
      const key = this.requireKey(context);
      const items = await this.storage.read([key]);
      this.adopt(context, key, items[key] as StoreItem | undefined);
      return this.loaded(context)!.state;
    }

    override get(context: TurnContext): StoreItem | undefined {
      return this.loaded(context)?.state;
    }

    override clear(context: TurnContext): Promise<void> {
      // An empty "stored" copy makes the next save write, as BotState's empty hash does.
      context.turnState.set(this.turnKey, {
        key: this.loaded(context)?.key ?? '',
        state: {},
        stored: '',
      } satisfies Loaded);
      return Promise.resolve();
    }

    override async saveChanges(context: TurnContext, force = false): Promise<void> {
      const loaded = this.loaded(context) ?? { key: '', state: {}, stored: '' };
      const changed = force ? { ...loaded.state, eTag: '*' } : this.changes(context);
      if (!changed) return;
      await this.storage.write({ [loaded.key || this.requireKey(context)]: changed });
      context.turnState.set(this.turnKey, {
        key: loaded.key,
        state: loaded.state,
        stored: documentJson(loaded.state),
      } satisfies Loaded);
    }

    override async delete(context: TurnContext): Promise<void> {
      context.turnState.delete(this.turnKey);
      await this.storage.delete([this.requireKey(context)]);
    }

    private requireKey(context: TurnContext): string {
      const key = this.getStorageKey(context);
      if (typeof key !== 'string') throw new Error(`${Base.name}: the activity lacks the ids its storage key needs`);
      return key;
    }
  };
}

/** ConversationState (same storage keys) loaded and saved by TurnStateWriter. */
export const TurnConversationState = loadedPerTurn(ConversationState);
export type TurnConversationState = InstanceType<typeof TurnConversationState>;
/** UserState (same storage keys) loaded and saved by TurnStateWriter. */
export const TurnUserState = loadedPerTurn(UserState);
export type TurnUserState = InstanceType<typeof TurnUserState>;

/**
 * Loads all of a turn's bot state (conversation and user) with ONE storage read and saves it with ONE
 * write. BotState.saveChanges writes each state on its own, so a crash between the two could keep the
 * dialog step but lose the welcome that came with it, and the person would be welcomed again.
 */
export class TurnStateWriter {
  constructor(
    private readonly storage: Storage,
    private readonly states: readonly TurnLoadedState[],
  ) {}

  /**
   * Reads every state the activity has a key for. A state without a key (no user id on the activity)
   * is left to load lazily.
   */
  async load(context: TurnContext): Promise<void> {
    const keyed = this.states.flatMap((state) => {
      const key = storageKeyOf(state, context);
      return key === undefined ? [] : [{ state, key }];
    });
    const items = keyed.length > 0 ? await this.storage.read(keyed.map(({ key }) => key)) : {};
    for (const { state, key } of keyed) state.adopt(context, key, items[key] as StoreItem | undefined);
    context.turnState.set(LOADED, true);
  }

  /** Writes the states that changed since `load`, together; nothing when none did. */
  async save(context: TurnContext): Promise<void> {
    if (!context.turnState.get(LOADED)) throw new Error('TurnStateWriter.save called before load');
    const changes: StoreItems = {};
    const changedStates: TurnLoadedState[] = [];
    for (const state of this.states) {
      const key = storageKeyOf(state, context);
      const changed = key === undefined ? undefined : state.changes(context);
      if (key === undefined || !changed) continue;
      changes[key] = changed;
      changedStates.push(state);
    }
    if (changedStates.length === 0) return;
    await this.storage.write(changes);
    for (const state of changedStates) state.markSaved(context);
  }

  /** Removes every state of the turn in one call (after "delete my data"). */
  async delete(context: TurnContext): Promise<void> {
    const keys = this.states
      .map((state) => storageKeyOf(state, context))
      .filter((key): key is string => key !== undefined);
    for (const state of this.states) await state.clear(context);
    for (const state of this.states) state.markSaved(context);
    if (keys.length > 0) await this.storage.delete(keys);
  }
}

function storageKeyOf(state: TurnLoadedState, context: TurnContext): string | undefined {
  try {
    const key = state.getStorageKey(context);
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined; // the activity lacks the ids this state is keyed by
  }
}
