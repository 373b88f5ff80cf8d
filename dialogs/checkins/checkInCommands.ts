import type { DialogContext } from 'botbuilder-dialogs';
import type { GlobalCommand } from '../../src/platform/bot/commands';
import { personIdOf } from '../../src/platform/channels/identity';
import type { DialogServices } from '../shared/services';
import type { CheckInService } from '../../src/features/checkins/CheckInService';
import { formatDateTime } from '../../src/features/checkins/format';
import { CHECKIN_DIALOG } from './CheckInDialog';
import { CHECKIN_ENROLL_DIALOG } from './CheckInEnrollDialog';
import { beginWithConsent } from '../privacy/consentGate';
import { PROGRESS_DIALOG } from './ProgressDialog';
import { ROOT_DIALOG } from '../shared/rootDialog';

/**
 * `check-ins on`, `pause check-ins`, `resume check-ins`, `stop check-ins`, `check in` and `progress`:
 * available at any time, each confirmed in words.
 */
export function checkInCommands(
  services: Pick<DialogServices, 'content' | 'renderer' | 'consent'>,
  checkIns: CheckInService,
): GlobalCommand[] {
  const say = (dc: DialogContext, key: string, vars?: Record<string, string | number>) =>
    dc.context.sendActivity(
      services.renderer.render({ text: services.content.text(key, vars) }, dc.context.activity.channelId),
    );

  /** After a one-line answer: an open check-in is closed, anything else asks its question again. */
  const carryOn = async (dc: DialogContext, closeCheckIn: boolean) => {
    if (closeCheckIn && dc.activeDialog?.id === CHECKIN_DIALOG) await dc.endDialog();
    else if (dc.activeDialog) await dc.repromptDialog();
    if (!dc.activeDialog) await dc.beginDialog(ROOT_DIALOG);
  };

  const nextDate = async (personId: string, nextAt: Date) => {
    const enrollment = await checkIns.get(personId);
    return formatDateTime(nextAt, enrollment?.timeZone ?? 'UTC', services.content.locale);
  };

  return [
    {
      id: 'checkInsOn',
      phrasesKey: 'schedule.commands.on',
      async run(dc) {
        await beginWithConsent(dc, services, CHECKIN_ENROLL_DIALOG);
      },
    },
    {
      id: 'pauseCheckIns',
      phrasesKey: 'schedule.commands.pause',
      async run(dc) {
        const result = await checkIns.pause(personIdOf(dc.context.activity));
        const key = {
          paused: 'paused',
          alreadyPaused: 'alreadyPaused',
          stopped: 'wasStopped',
          notEnrolled: 'notEnrolled',
        }[result];
        await say(dc, `schedule.status.${key}`);
        await carryOn(dc, true);
      },
    },
    {
      id: 'resumeCheckIns',
      phrasesKey: 'schedule.commands.resume',
      async run(dc) {
        const personId = personIdOf(dc.context.activity);
        const result = await checkIns.resume(personId);
        if (result.status === 'resumed' || result.status === 'alreadyActive') {
          await say(dc, `schedule.status.${result.status}`, { date: await nextDate(personId, result.nextAt) });
        } else {
          await say(dc, result.status === 'stopped' ? 'schedule.status.wasStopped' : 'schedule.status.notEnrolled');
        }
        await carryOn(dc, false);
      },
    },
    {
      id: 'stopCheckIns',
      phrasesKey: 'schedule.commands.stop',
      async run(dc) {
        const result = await checkIns.stop(personIdOf(dc.context.activity));
        await say(dc, `schedule.status.${result}`);
        await carryOn(dc, true);
      },
    },
    {
      id: 'checkInNow',
      phrasesKey: 'schedule.commands.checkInNow',
      async run(dc) {
        if (dc.activeDialog?.id === CHECKIN_DIALOG) await dc.replaceDialog(CHECKIN_DIALOG);
        else await dc.beginDialog(CHECKIN_DIALOG);
      },
    },
    {
      id: 'progress',
      phrasesKey: 'schedule.commands.progress',
      async run(dc) {
        await dc.beginDialog(PROGRESS_DIALOG);
        if (!dc.activeDialog) await dc.beginDialog(ROOT_DIALOG);
      },
    },
  ];
}
