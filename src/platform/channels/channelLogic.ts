import type { TurnContext } from 'botbuilder';
import { applyButtonAnswer } from './buttonAnswers';
import { TEAMS_CHANNEL, type TeamsGate } from './teams/TeamsGate';

/**
 * Channel handling in front of the bot, so the bot and dialogs never branch on the channel: button
 * clicks become the text a typed answer would be, and Teams turns pass the Teams gate. (The bot itself keeps
 * every channel's conversation reference for check-ins, once the person has agreed.)
 */
export function channelAwareLogic(
  bot: (context: TurnContext) => Promise<void>,
  deps: { teams: TeamsGate },
): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const { activity } = context;
    applyButtonAnswer(activity);
    if (activity.channelId === TEAMS_CHANNEL) return deps.teams.handle(context, bot);
    return bot(context);
  };
}
