import type { Clock } from '../../platform/clock';
import type { Config } from '../../platform/config';
import type { Content } from '../../platform/content/Content';
import type { ChatModel } from '../../platform/nlu/model';
import type { DataStore } from '../../platform/storage/repositories';
import { createSafetyEventLog } from './events';
import { ChatModelCaution } from './modelScreen';
import { type CautionModel, SafetyNet } from './SafetyNet';

export interface SafetyDeps {
  store: Pick<DataStore, 'safetyEvents'>;
  clock: Clock;
  content: Content;
  model?: ChatModel;
  /** SAFETY_MODEL_SCREEN: the model may add caution to a message the rules did not flag. Off by default. */
  screen?: Config['safetyModelScreen'];
  /** A second opinion given directly (tests); it can only add caution. */
  cautionModel?: CautionModel;
}

/** The safety net that reads every message before any dialog, and the log of what it answered. */
export function createSafety({ store, clock, content, model, screen, cautionModel }: SafetyDeps) {
  const caution = cautionModel ?? (screen && model ? new ChatModelCaution(model, screen.timeoutMs) : undefined);
  return {
    net: new SafetyNet({
      model: caution,
      modelTimeoutMs: screen?.timeoutMs,
      isOwnText: (text) => content.isOwnText(text),
    }),
    events: createSafetyEventLog({ safetyEvents: store.safetyEvents, clock }),
  };
}
