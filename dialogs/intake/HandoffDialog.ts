import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { personIdOf } from '../../src/bot/identity';
import { type IntakeDeps, send } from './support';

export const HANDOFF_DIALOG = 'handoff';

/**
 * Offers the treatment hand-off card again while the latest assessment says hand off (check-ins
 * begin this after `IntakeService.reassess`). Ends at once with { offered }.
 */
export class HandoffDialog extends Dialog {
  constructor(private readonly deps: IntakeDeps) {
    super(HANDOFF_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const offer = await this.deps.intake.handoffOffer(personIdOf(dc.context.activity));
    if (offer) await send(this.deps, dc.context, offer);
    return dc.endDialog({ offered: Boolean(offer) });
  }
}
