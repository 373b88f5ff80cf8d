import type { CheckInService } from '../../src/features/checkins/CheckInService';
import type { CheckInReviewer } from '../../src/features/checkins/review';
import type { IntakeService } from '../../src/features/intake/IntakeService';
import type { FeatureDialogs } from '../shared/featureDialogs';
import type { DialogServices } from '../shared/services';
import { CheckInDialog } from './CheckInDialog';
import { checkInCommands } from './checkInCommands';
import { CheckInEnrollDialog } from './CheckInEnrollDialog';
import { ProgressDialog } from './ProgressDialog';

/** Setting up weekly check-ins, the check-in itself, progress, and the check-in commands (pause, resume, stop). */
export function checkInDialogs(
  services: DialogServices,
  deps: { checkIns: CheckInService; reviewer: CheckInReviewer; intake: IntakeService },
): FeatureDialogs {
  return {
    dialogs: [
      new CheckInEnrollDialog(services, deps.checkIns),
      new CheckInDialog(services, deps.checkIns, deps.reviewer, deps.intake),
      new ProgressDialog(services, deps.checkIns),
    ],
    commands: checkInCommands(services, deps.checkIns),
  };
}
