import type { Clock } from '../../platform/clock';
import type { Content } from '../../platform/content/Content';
import type { Logger } from '../../platform/logger';
import type { ChatModel } from '../../platform/nlu/model';
import type { DataStore } from '../../platform/storage/repositories';
import { IntakeService } from './IntakeService';
import { createIntakeExtractor } from './reader/extractor';
import { loadExtractionPrompts, loadVocabulary } from './reader/vocabulary';

export interface IntakeFeatureDeps {
  store: Pick<DataStore, 'intake'>;
  clock: Clock;
  content: Content;
  logger: Logger;
  model?: ChatModel;
  modelTimeoutMs?: number;
}

/** The dose-trajectory intake: its answers and assessments, and the reader of free-text answers. */
export async function createIntake({ store, clock, content, logger, model, modelTimeoutMs }: IntakeFeatureDeps) {
  const vocabulary = loadVocabulary(content.locale);
  const extractor = await createIntakeExtractor({
    vocabulary,
    prompts: loadExtractionPrompts(content.locale),
    model,
    timeoutMs: modelTimeoutMs,
    // Which reader answered (never the text): rules are the default, so only the model's turns are logged.
    onOutcome: ({ field, source, failure }) => {
      if (source !== 'rules') logger.info({ field, source, failure }, 'intake extraction');
    },
  });
  return { service: new IntakeService(store.intake, clock, content, logger), extractor, vocabulary };
}
