import type { Clock } from '../../platform/clock';
import type { ConsentRepository } from '../../platform/storage/repositories';

/** Whether a person agreed to have their answers kept, as the dialogs need it (they never see the repository). */
export interface ConsentService {
  /** True when the person agreed to the current privacy policy version. */
  isGranted(personId: string): Promise<boolean>;
  /** Stores the person's answer with the policy version they were shown. */
  record(personId: string, granted: boolean): Promise<void>;
}

export function createConsentService(deps: {
  consents: ConsentRepository;
  clock: Clock;
  policyVersion: () => string;
}): ConsentService {
  const { consents, clock, policyVersion } = deps;
  return {
    async isGranted(personId) {
      const consent = await consents.get(personId);
      return consent?.status === 'granted' && consent.policyVersion === policyVersion();
    },
    async record(personId, granted) {
      await consents.set(personId, granted ? 'granted' : 'declined', policyVersion(), clock.now());
    },
  };
}
