import { type Activity, ActivityTypes, TurnContext } from 'botbuilder';
import type { Content } from '../../content/Content';
import type { Logger } from '../../logger';
import type { MessageRenderer } from '../render';

export const TEAMS_CHANNEL = 'msteams';

type Logic = (context: TurnContext) => Promise<void>;

/** Teams' conversation type: 'personal' (one to one), 'groupChat' or 'channel'. */
export function teamsConversationType(activity: Pick<Activity, 'conversation'>): string {
  return activity.conversation?.conversationType ?? 'personal';
}

function botWasAdded(activity: Activity): boolean {
  if (activity.type === ActivityTypes.InstallationUpdate) return activity.action === 'add' || activity.action === 'add-upgrade';
  return activity.type === ActivityTypes.ConversationUpdate && (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
}

/**
 * What TeamsActivityHandler would do for this coach, in front of the bot:
 * - personal scope: when the app is installed (installationUpdate, or the bot added to the chat) the
 *   conversation reference is saved so check-ins can reach the person, and they get the welcome;
 *   every message refreshes the reference;
 * - group chats and channels: coaching is private, so the coach says "message me directly" once when
 *   added and whenever mentioned, and stores nothing about anyone there.
 */
export class TeamsGate {
  constructor(
    private readonly deps: { content: Content; renderer: MessageRenderer; logger: Logger },
  ) {}

  async handle(context: TurnContext, next: Logic): Promise<void> {
    const activity = context.activity;
    if (teamsConversationType(activity) !== 'personal') return this.refuse(context);
    const added = botWasAdded(activity);
    if (added) {
      this.deps.logger.info({ channelId: TEAMS_CHANNEL, kind: activity.type }, 'teams app installed in personal scope');
      // In personal scope Teams lists the bot, not the person, as the member added: present it to the
      // bot as the person arriving, so the usual welcome runs (it is idempotent, so two events are fine).
      activity.type = ActivityTypes.ConversationUpdate;
      activity.membersAdded = [activity.from];
    }
    if (added || activity.type === ActivityTypes.Message) await next(context);
  }

  private async refuse(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const addedHere = activity.type === ActivityTypes.ConversationUpdate && botWasAdded(activity);
    if (activity.type !== ActivityTypes.Message && !addedHere) return;
    this.deps.logger.info({ channelId: TEAMS_CHANNEL, scope: teamsConversationType(activity), kind: activity.type }, 'refused a shared teams conversation');
    await context.sendActivity(this.deps.renderer.render({ text: this.deps.content.text('channels.directOnly') }, TEAMS_CHANNEL));
  }
}
