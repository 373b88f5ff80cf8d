import type { TurnContext } from 'botbuilder';
import { applyButtonAnswer } from './buttonAnswers';
import { TEAMS_CHANNEL, type TeamsGate } from './teams/TeamsGate';

/**
 * Channel handling in front of the bot, so the bot and dialogs never branch on the channel: button
 * clicks become the text a typed answer would be, and Teams turns pass the Teams gate.
 */
export function channelAwareLogic(bot: (context: TurnContext) => Promise<void>, teams: TeamsGate): (context: TurnContext) => Promise<void> {
  return async (context) => {
    applyButtonAnswer(context.activity);
    if (context.activity.channelId === TEAMS_CHANNEL) return teams.handle(context, bot);
    return bot(context);
  };
}
