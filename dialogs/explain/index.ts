import type { FeatureDialogs } from '../shared/featureDialogs';
import type { DialogServices } from '../shared/services';
import { ExplainDialog, type ExplainTools } from './ExplainDialog';

/** The explainers and answers from the question bank. */
export function explainDialogs(services: DialogServices, tools: ExplainTools): FeatureDialogs {
  return { dialogs: [new ExplainDialog(services, tools)], commands: [] };
}
