import { responseKeys } from '../../../dialogs/safety/CrisisDialog';
import type { Classifier } from '../../../src/features/safety/classifier';
import { detectDanger } from '../../../src/features/safety/detect';
import type { Outcome } from './corpus';

/** What the detector alone answers a message (classifier: false = the rules alone; a model = that one). */
export function detectorOutcome(text: string, classifier: boolean | Classifier = true): Outcome {
  const detection = detectDanger(text, { classifier });
  if (detection.kind === 'none')
    return {
      crisisLine: false,
      asked: false,
      yesBringsCrisisLine: false,
      emergency: false,
      poisonControl: false,
      alarmed: false,
    };
  const keys = responseKeys(detection.kind, detection);
  const asked = keys.includes('safety.ambiguous.question');
  return {
    crisisLine: keys.includes('safety.suicide.reachOut') || keys.includes('safety.medical.alsoSuicide'),
    asked,
    // CrisisDialog.followAnswer: "yes" is answered as suicide.
    yesBringsCrisisLine: asked,
    emergency: keys.includes('safety.medical.text'),
    poisonControl: keys.includes('safety.medical.poison'),
    alarmed: true,
  };
}
