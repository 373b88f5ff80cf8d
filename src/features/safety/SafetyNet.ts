import { detectDanger } from './detect';
import type { Detection } from './types';

/**
 * An optional second opinion (for example a moderation model). It can only add caution: when the
 * lexicon finds nothing and the model is concerned, the person gets the gentle check question.
 * It never removes or changes what the lexicon found, and its failures are ignored.
 */
export interface CautionModel {
  readonly name: string;
  concerned(text: string): Promise<boolean>;
}

export const noCautionModel: CautionModel = {
  name: 'none',
  concerned: () => Promise.resolve(false),
};

export const MODEL_CONCERN_SIGNAL = 'model.concern';

export interface SafetyNetOptions {
  model?: CautionModel;
  modelTimeoutMs?: number;
  /**
   * Texts whose lexicon result may be kept (the bot's own button labels and command phrases, which make
   * up most turns). The result is the same pure function's; no text a person made up is ever kept.
   */
  isOwnText?: (text: string) => boolean;
}

export class SafetyNet {
  private readonly model: CautionModel;
  private readonly modelTimeoutMs: number;
  private readonly ownTextResults = new Map<string, Detection>();

  constructor(private readonly options: SafetyNetOptions = {}) {
    this.model = options.model ?? noCautionModel;
    this.modelTimeoutMs = options.modelTimeoutMs ?? 2000;
  }

  async assess(text: string): Promise<Detection> {
    const found = this.detect(text);
    // The bot's own button labels and commands are never sent to the model.
    if (found.kind !== 'none' || this.model === noCautionModel || this.options.isOwnText?.(text)) return found;
    return (await this.modelIsConcerned(text))
      ? { kind: 'ambiguous', kinds: ['ambiguous'], signals: [MODEL_CONCERN_SIGNAL] }
      : found;
  }

  private detect(text: string): Detection {
    if (!this.options.isOwnText?.(text)) return detectDanger(text);
    let found = this.ownTextResults.get(text);
    if (!found) {
      found = detectDanger(text);
      this.ownTextResults.set(text, Object.freeze(found));
    }
    return found;
  }

  private async modelIsConcerned(text: string): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.modelTimeoutMs);
      timer.unref();
    });
    try {
      return (await Promise.race([this.model.concerned(text), timeout])) === true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
