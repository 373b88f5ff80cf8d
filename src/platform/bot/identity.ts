// Who a person is comes from the channel's activity: the functions live in src/platform/channels/identity.ts (below
// the bot, so channels need not import it) and are re-exported here for the existing callers.
export { conversationKeyOf, durableReference, personIdOf } from '../channels/identity';
