import type { TurnContext } from 'botbuilder';
import { durableReference, personIdOf } from '../bot/identity';
import { applyButtonAnswer } from './buttonAnswers';
import type { ConversationReferenceStore } from './conversationReferences';
import { TEAMS_CHANNEL, type TeamsGate } from './teams/TeamsGate';

const SLACK_CHANNEL = 'slack';

/**
 * Channel handling in front of the bot, so the bot and dialogs never branch on the channel: button
 * clicks become the text a typed answer would be, Teams turns pass the Teams gate, and a Slack message
 * (through Azure or the direct route) leaves its conversation reference for check-ins.
 */
export function channelAwareLogic(
  bot: (context: TurnContext) => Promise<void>,
  deps: { teams: TeamsGate; references: ConversationReferenceStore; now: () => Date },
): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const { activity } = context;
    applyButtonAnswer(activity);
    if (activity.channelId === TEAMS_CHANNEL) return deps.teams.handle(context, bot);
    if (activity.channelId === SLACK_CHANNEL && activity.type === 'message' && activity.from?.id) {
      await deps.references.save(personIdOf(activity), durableReference(activity), deps.now());
    }
    return bot(context);
  };
}
