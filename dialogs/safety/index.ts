import type { SafetyNet } from '../../src/features/safety/SafetyNet';
import type { FeatureDialogs } from '../shared/featureDialogs';
import type { DialogServices } from '../shared/services';
import { CrisisDialog } from './CrisisDialog';
import { SafetyGuard } from './safetyGuard';

/** The crisis flow, and the guard that runs the safety net before every dialog. */
export function safetyDialogs(services: DialogServices, net: SafetyNet): FeatureDialogs & { guard: SafetyGuard } {
  return { dialogs: [new CrisisDialog(services)], commands: [], guard: new SafetyGuard(net, services) };
}
