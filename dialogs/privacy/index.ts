import type { FeatureDialogs } from '../shared/featureDialogs';
import type { DialogServices } from '../shared/services';
import { ConsentDialog } from './ConsentDialog';
import { DeleteDataDialog } from './DeleteDataDialog';
import { privacyCommands } from './privacyCommands';

/** The consent question, delete my data, and the privacy commands (what you keep, export, delete). */
export function privacyDialogs(services: DialogServices, retentionDays: number): FeatureDialogs {
  return {
    dialogs: [new ConsentDialog(services), new DeleteDataDialog(services)],
    commands: privacyCommands(services, retentionDays),
  };
}
