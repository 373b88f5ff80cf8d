import type { CoachServices } from '../../src/services';
import type { ConsentService } from '../../src/features/privacy/consent';
import type { PersonalDataService } from '../../src/features/privacy/personalData';
import type { SafetyEventLog } from '../../src/features/safety/events';

/**
 * What dialogs get from the composition root: the shared tools of the turn (content, renderer, clock,
 * logger, model, metrics), the program service, and narrow feature services - never the store or a
 * repository. Each dialog asks for the few it uses with Pick<DialogServices, ...>; a dialog that needs
 * more of a feature gets a method on that feature's service, not a repository.
 */
export interface DialogServices extends Omit<CoachServices, 'store'> {
  /** Whether a person agreed to have answers kept, and recording their answer. */
  consent: ConsentService;
  /** Kind and time of each safety-net response. */
  safetyEvents: SafetyEventLog;
  /** Export and delete on request. */
  personalData: PersonalDataService;
}
