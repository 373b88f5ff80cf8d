import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { TurnGuard } from '../src/bot/CoachBot';
import type { SafetyNet } from '../src/safety/SafetyNet';
import { CRISIS_DIALOG, type CrisisOptions } from './CrisisDialog';

/**
 * The crisis safety net as a TurnGuard: every message, on every channel, is checked before commands
 * and dialogs. On danger the crisis dialog goes on top of the stack; when it ends, the dialog beneath
 * re-prompts, so the person is back where they were.
 */
export class SafetyGuard implements TurnGuard {
  readonly name = 'safety';

  constructor(private readonly net: SafetyNet) {}

  async inspect(context: TurnContext, dc: DialogContext): Promise<boolean> {
    const text = context.activity.type === 'message' && typeof context.activity.text === 'string' ? context.activity.text : '';
    if (text.trim() === '') return false;
    const detection = await this.net.assess(text);
    if (detection.kind === 'none') return false;
    if (dc.activeDialog?.id === CRISIS_DIALOG) {
      const options: CrisisOptions = { detection, resumes: dc.stack.length > 1 };
      await dc.replaceDialog(CRISIS_DIALOG, options);
    } else {
      const options: CrisisOptions = { detection, resumes: dc.stack.length > 0 };
      await dc.beginDialog(CRISIS_DIALOG, options);
    }
    return true;
  }
}
