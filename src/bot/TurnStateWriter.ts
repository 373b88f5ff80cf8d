import type { BotState, Storage, StoreItem, StoreItems, TurnContext } from 'botbuilder';

const SNAPSHOTS = Symbol('turnStateSnapshots');

/** ConversationState and UserState: a BotState that can name its storage key. */
type KeyedState = BotState & { getStorageKey(context: TurnContext): string | undefined };

interface Loaded {
  key: string;
  snapshot: string;
}

/** The state as stored, without the eTag that storage adds on read. */
function snapshotOf(state: StoreItem): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

/**
 * Saves all of a turn's bot state (conversation and user) in ONE storage write. BotState.saveChanges
 * writes each state on its own, so a crash between the two could keep the dialog step but lose the
 * welcome that came with it, and the person would be welcomed again. One write is one transaction.
 */
export class TurnStateWriter {
  constructor(
    private readonly storage: Storage,
    private readonly states: readonly KeyedState[],
  ) {}

  /**
   * Loads every state the activity has a key for and notes how it looked, so `save` writes only what
   * the turn changed. A state without a key (no user id on the activity) is left to load lazily.
   */
  async load(context: TurnContext): Promise<void> {
    const loaded = new Map<KeyedState, Loaded>();
    for (const state of this.states) {
      const key = storageKeyOf(state, context);
      if (key === undefined) continue;
      loaded.set(state, { key, snapshot: snapshotOf(await state.load(context)) });
    }
    context.turnState.set(SNAPSHOTS, loaded);
  }

  /** Writes the states that changed since `load`, together; nothing when none did. */
  async save(context: TurnContext): Promise<void> {
    const loaded: Map<KeyedState, Loaded> | undefined = context.turnState.get(SNAPSHOTS);
    if (!loaded) throw new Error('TurnStateWriter.save called before load');
    const changes: StoreItems = {};
    for (const [state, before] of loaded) {
      const current: StoreItem | undefined = state.get(context);
      if (!current) continue;
      const snapshot = snapshotOf(current);
      if (snapshot === before.snapshot) continue;
      changes[before.key] = { ...current, eTag: '*' };
      before.snapshot = snapshot;
    }
    if (Object.keys(changes).length > 0) await this.storage.write(changes);
  }

  /** Removes every state of the turn in one call (after "delete my data"). */
  async delete(context: TurnContext): Promise<void> {
    const keys = this.states.map((state) => storageKeyOf(state, context)).filter((key): key is string => key !== undefined);
    for (const state of this.states) await state.clear(context);
    context.turnState.set(SNAPSHOTS, new Map());
    if (keys.length > 0) await this.storage.delete(keys);
  }
}

function storageKeyOf(state: KeyedState, context: TurnContext): string | undefined {
  try {
    const key = state.getStorageKey(context);
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined; // the activity lacks the ids this state is keyed by
  }
}
