import type { Clock } from '../../platform/clock';
import type { Config } from '../../platform/config';
import type { Content } from '../../platform/content/Content';
import type { Logger } from '../../platform/logger';
import type { DataStore } from '../../platform/storage/repositories';
import { createConsentService } from './consent';
import { createPersonalDataService, deletePersonalData } from './personalData';
import { createRetentionJob } from './retentionJob';

export interface PrivacyDeps {
  store: DataStore;
  clock: Clock;
  content: Content;
  logger: Logger;
  retention: Config['retention'];
}

/** Consent, export and delete over every owner of personal data, and the retention purge as a job. */
export function createPrivacy({ store, clock, content, logger, retention }: PrivacyDeps) {
  return {
    consent: createConsentService({
      consents: store.consents,
      clock,
      policyVersion: () => content.text('privacy.version'),
    }),
    personalData: createPersonalDataService({ store }),
    /** Deletes everything kept about a person now (what Direct Line calls once its grace period is over). */
    erasePerson: async (personId: string): Promise<void> => {
      await deletePersonalData(store, personId, { at: clock.now() });
    },
    retentionJob: createRetentionJob({
      store,
      logger,
      retentionDays: retention.days,
      everyMs: retention.checkMinutes * 60_000,
    }),
  };
}
