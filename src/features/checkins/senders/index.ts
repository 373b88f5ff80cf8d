import type { CloudAdapter } from 'botbuilder';
import type { Clock } from '../../../platform/clock';
import type { SlackChannel } from '../../../platform/channels/slack/SlackChannel';
import { RoutingCheckInSender } from '../routingSender';
import type { CheckInSender, ProactiveDelivery } from '../sender';
import { BotCheckInSender } from './BotCheckInSender';
import { SlackCheckInSender } from './SlackCheckInSender';

/** One sending path per channel: direct Slack conversations through Slack's Web API, the rest through Bot Framework. */
export function createCheckInSender(deps: {
  deliver: ProactiveDelivery;
  proactiveAdapter: CloudAdapter;
  appId: string;
  clock: Clock;
  slack?: SlackChannel;
}): CheckInSender {
  return new RoutingCheckInSender(
    deps.slack ? [new SlackCheckInSender(deps.slack, deps.deliver)] : [],
    new BotCheckInSender(deps.proactiveAdapter, deps.appId, deps.deliver, deps.clock),
  );
}
