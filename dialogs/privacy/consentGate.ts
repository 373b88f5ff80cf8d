import type { Activity } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { personIdOf } from '../../src/platform/channels/identity';
import type { DialogServices } from '../shared/services';
import { CONSENT_DIALOG, type ConsentOptions } from './ConsentDialog';

/** True when the person agreed to the current privacy policy version. */
export async function hasConsent(
  services: Pick<DialogServices, 'consent'>,
  activity: Pick<Activity, 'channelId' | 'from'>,
): Promise<boolean> {
  return services.consent.isGranted(personIdOf(activity));
}

/**
 * Begins a dialog that keeps personal data (intake, program, check-ins) only with consent: when the
 * person has not agreed yet, the consent question comes first and the dialog follows a "yes".
 * Use it wherever such a dialog starts: `return beginWithConsent(step, services, INTAKE_DIALOG)`.
 * Menu entries can set `needsConsent: true` instead (RootDialog calls this).
 */
export async function beginWithConsent(
  dc: DialogContext,
  services: Pick<DialogServices, 'consent'>,
  dialogId: string,
  options?: object,
): Promise<DialogTurnResult> {
  if (await hasConsent(services, dc.context.activity)) return dc.beginDialog(dialogId, options);
  const consentOptions: ConsentOptions = { then: { dialogId, options } };
  return dc.beginDialog(CONSENT_DIALOG, consentOptions);
}
