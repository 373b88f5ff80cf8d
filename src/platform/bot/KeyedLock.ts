// The lock is a small generic utility: it lives in src/platform/util/KeyedLock.ts (the Slack channel uses it too)
// and is re-exported here for the existing callers.
export { KeyedLock } from '../util/KeyedLock';
