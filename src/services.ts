import type { Clock } from './platform/clock';
import type { Content } from './platform/content/Content';
import type { MessageRenderer } from './platform/channels/render';
import type { Logger } from './platform/logger';
import type { Metrics } from './platform/metrics';
import type { ChatModel } from './platform/nlu/model';
import type { ProgramService } from './features/program/ProgramService';
import type { DataStore } from './platform/storage/repositories';

/** What dialogs and the bot need from the rest of the app, handed in by the composition root. */
export interface CoachServices {
  content: Content;
  renderer: MessageRenderer;
  store: DataStore;
  clock: Clock;
  logger: Logger;
  /** Optional language model for phrasing and extraction; undefined by default. Never decides safety or risk. */
  model?: ChatModel;
  /** The 12-week program: where a person is, and that week's check-in items. */
  program: ProgramService;
  /** Operator counters (GET /metrics); set only when metrics are on. */
  metrics?: Pick<Metrics, 'crisisReplies'>;
}
