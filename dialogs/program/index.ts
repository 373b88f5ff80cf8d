import type { FeatureDialogs } from '../shared/featureDialogs';
import type { DialogServices } from '../shared/services';
import { learnCommands } from './learnCommands';
import { ProgramDialog } from './ProgramDialog';

/** The 12-week program's sessions, and "start week N" from anywhere. */
export function programDialogs(services: DialogServices): FeatureDialogs {
  return { dialogs: [new ProgramDialog(services)], commands: learnCommands(services) };
}
