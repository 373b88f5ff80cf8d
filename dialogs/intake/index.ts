import type { FeatureDialogs } from '../shared/featureDialogs';
import { IntakeDialog } from './IntakeDialog';
import type { IntakeDeps } from './support';

/** The dose-trajectory intake: its questions, the review and the result. */
export function intakeDialogs(deps: IntakeDeps): FeatureDialogs {
  return { dialogs: [new IntakeDialog(deps)], commands: [] };
}
