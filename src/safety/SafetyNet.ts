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
  concerned: async () => false,
};

export const MODEL_CONCERN_SIGNAL = 'model.concern';

export class SafetyNet {
  constructor(
    private readonly model: CautionModel = noCautionModel,
    private readonly modelTimeoutMs = 2000,
  ) {}

  async assess(text: string): Promise<Detection> {
    const found = detectDanger(text);
    if (found.kind !== 'none' || this.model === noCautionModel) return found;
    return (await this.modelIsConcerned(text)) ? { kind: 'ambiguous', kinds: ['ambiguous'], signals: [MODEL_CONCERN_SIGNAL] } : found;
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
