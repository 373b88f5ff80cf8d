import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { TurnGuard } from '../../src/platform/bot/CoachBot';
import type { DialogServices } from '../shared/services';
import type { SafetyNet } from '../../src/features/safety/SafetyNet';
import { answerDanger, CRISIS_DIALOG, type CrisisOptions } from './CrisisDialog';

/**
 * The crisis safety net as a TurnGuard: every message, on every channel, is checked before commands
 * and dialogs. Clear danger gets its answer at once and the turn stops there: nothing else reads the
 * message (no dose read-back, no lesson), and the question the person was on keeps waiting. Words that
 * could mean danger or venting get the direct safety question (the crisis dialog on top of the stack).
 */
export class SafetyGuard implements TurnGuard {
  readonly name = 'safety';

  constructor(
    private readonly net: SafetyNet,
    private readonly services: DialogServices,
  ) {}

  async inspect(context: TurnContext, dc: DialogContext): Promise<boolean> {
    const text =
      context.activity.type === 'message' && typeof context.activity.text === 'string' ? context.activity.text : '';
    if (text.trim() === '') return false;
    const detection = await this.net.assess(text);
    if (detection.kind === 'none') return false;
    const questionPending = dc.activeDialog?.id === CRISIS_DIALOG;
    const waiting = dc.stack.length > (questionPending ? 1 : 0);
    if (detection.kind === 'ambiguous') {
      const options: CrisisOptions = { detection, resumes: waiting };
      if (questionPending) await dc.replaceDialog(CRISIS_DIALOG, options);
      else await dc.beginDialog(CRISIS_DIALOG, options);
      return true;
    }
    await answerDanger(this.services, context, detection, waiting);
    // An answer to a pending safety question that itself says danger settles the question.
    if (questionPending) await dc.endDialog();
    return true;
  }
}
