import type { Clock } from '../clock';
import type { Content } from '../content/Content';
import type { Logger } from '../logger';
import type { DataStore } from '../storage/repositories';
import type { MessageRenderer } from './render';

/** What the channels (Direct Line, Slack) need from the app; the bot's CoachServices is one of these. */
export interface ChannelServices {
  content: Content;
  renderer: MessageRenderer;
  store: DataStore;
  clock: Clock;
  logger: Logger;
}
