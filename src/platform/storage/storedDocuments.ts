import type { StoreItem } from 'botbuilder';

/** The JSON each state item was read from, kept beside the item so the turn need not serialize it again. */
const readFrom = new WeakMap<StoreItem, string>();

/** A state item as read from storage: its document plus eTag, remembering the stored JSON. */
export function storedItem(document: string, eTag: string): StoreItem {
  const item: StoreItem = { ...(JSON.parse(document) as object), eTag };
  readFrom.set(item, document);
  return item;
}

/** The JSON a state item is stored as: everything but its eTag. */
export function documentJson(item: StoreItem | undefined): string {
  const { eTag: _eTag, ...document } = item ?? {};
  return JSON.stringify(document);
}

/**
 * The stored JSON of an item exactly as read (before anyone changed it), else its JSON now. Parsing and
 * serializing again gives the same text, so this equals documentJson(item) for an untouched item.
 */
export function storedJsonOf(item: StoreItem): string {
  return readFrom.get(item) ?? documentJson(item);
}
