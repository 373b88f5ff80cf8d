import type { TopicSearch } from '../../src/features/explain/topicSearch';
import type { FeatureDialogs } from '../shared/featureDialogs';
import type { DialogServices } from '../shared/services';
import { coreCommands } from './globalCommands';
import { HelpNowDialog } from './HelpNowDialog';
import { ABOUT_DIALOG, InfoDialog, SUPPORT_DIALOG } from './InfoDialog';
import { MAIN_MENU, questionsGoToExplainers } from './mainMenu';
import { RootDialog } from './RootDialog';

/** The main menu, the one-turn answers it offers (support, about, help right now), help and start over. */
export function menuDialogs(services: DialogServices, topics: Pick<TopicSearch, 'find'>): FeatureDialogs {
  return {
    dialogs: [
      new RootDialog(services, MAIN_MENU, questionsGoToExplainers(services.content, topics)),
      new InfoDialog(SUPPORT_DIALOG, 'support.text', services),
      new InfoDialog(ABOUT_DIALOG, 'about.text', services),
      new HelpNowDialog(services),
    ],
    commands: coreCommands(services),
  };
}
