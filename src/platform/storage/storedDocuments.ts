import type { StoreItem } from 'botbuilder';

/** The JSON each state item was read from, kept beside the item so the turn need not serialize it again. */
const readFrom = new WeakMap<StoreItem, string>();
/** The JSON an item handed to write() was already serialized to (the turn compared it with what was read). */
const serializedAs = new WeakMap<StoreItem, string>();

/** A state item as read from storage: its document plus eTag, remembering the stored JSON. */
export function storedItem(document: string, eTag: string): StoreItem {
  const parsed: unknown = JSON.parse(document);
  // The parsed document itself becomes the item (documents are always objects): no copy per read.
  const item: StoreItem = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
  item.eTag = eTag;
  readFrom.set(item, document);
  return item;
}

/** The JSON a state item is stored as: everything but its eTag. */
export function documentJson(item: StoreItem | undefined): string {
  const known = item && serializedAs.get(item);
  if (known !== undefined) return known;
  const { eTag: _eTag, ...document } = item ?? {};
  return JSON.stringify(document);
}

/**
 * Marks `item`, a fresh copy about to be written and changed by no one, as serializing to `json`
 * (documentJson of the state it copies), so the storage writes that text without serializing again.
 */
export function withDocumentJson(item: StoreItem, json: string): StoreItem {
  serializedAs.set(item, json);
  return item;
}

/**
 * The stored JSON of an item exactly as read (before anyone changed it), else its JSON now. Parsing and
 * serializing again gives the same text, so this equals documentJson(item) for an untouched item.
 */
export function storedJsonOf(item: StoreItem): string {
  return readFrom.get(item) ?? documentJson(item);
}
