import type { Clock } from '../clock';
import type { Content } from '../content/Content';
import type { MessageRenderer } from '../channels/render';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { ChatModel } from '../nlu/model';
import type { ProgramService } from '../program/ProgramService';
import type { DataStore } from '../storage/repositories';

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
