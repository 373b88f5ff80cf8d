import type { Content } from '../../src/platform/content/Content';
import { looksLikeQuestion } from '../../src/features/explain/questions';
import type { TopicSearch } from '../../src/features/explain/topicSearch';
import { CHECKIN_ENROLL_DIALOG } from '../checkins/CheckInEnrollDialog';
import { EXPLAIN_DIALOG, type ExplainOptions } from '../explain/ExplainDialog';
import { HELP_NOW_DIALOG } from './HelpNowDialog';
import { ABOUT_DIALOG, SUPPORT_DIALOG } from './InfoDialog';
import { INTAKE_DIALOG } from '../intake/IntakeDialog';
import { PROGRAM_DIALOG } from '../program/ProgramDialog';
import type { MenuEntry, MenuFallback } from './RootDialog';

/**
 * The main menu, in the order people see it. Labels and synonyms live in content (menu.options.<value>,
 * menu.synonyms.<value>); this list only says which dialog each entry starts and which ones keep
 * personal data (consent first). The composition root hands it to RootDialog.
 */
export const MAIN_MENU: readonly MenuEntry[] = [
  { value: 'support', dialogId: SUPPORT_DIALOG },
  { value: 'about', dialogId: ABOUT_DIALOG },
  { value: 'intake', dialogId: INTAKE_DIALOG, needsConsent: true },
  { value: 'learn', dialogId: EXPLAIN_DIALOG },
  { value: 'program', dialogId: PROGRAM_DIALOG, needsConsent: true },
  { value: 'checkins', dialogId: CHECKIN_ENROLL_DIALOG, needsConsent: true },
  { value: 'helpNow', dialogId: HELP_NOW_DIALOG },
];

/** A question typed at the menu goes to the explainers ("what is 7-OH?"). */
export function questionsGoToExplainers(content: Content, topics: Pick<TopicSearch, 'find'>): MenuFallback {
  return {
    dialogId: EXPLAIN_DIALOG,
    accepts: (text) => looksLikeQuestion(text, content) || topics.find(text).kind === 'match',
    options: (text): ExplainOptions => ({ question: text }),
  };
}
