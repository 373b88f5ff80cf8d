import { type GlobalCommand, isDialogActive } from '../../src/platform/bot/commands';
import type { DialogServices } from '../shared/services';
import { matchesPhrase } from '../../src/platform/nlu/choices';
import { questionAfterPrefix } from '../../src/features/explain/questions';
import { parseProgramCommand } from '../../src/features/program/commands';
import { EXPLAIN_DIALOG, type ExplainOptions } from '../explain/ExplainDialog';
import { beginWithConsent } from '../privacy/consentGate';
import { PROGRAM_DIALOG, type ProgramDialogOptions } from './ProgramDialog';

/**
 * "explain" (and "explain <question>") and the program's global commands ("my program", "where am I?",
 * "go to week 3"). When the dialog they open is already running, the message goes to it instead, so it
 * is handled in place rather than opening a second copy.
 */
export function learnCommands(services: Pick<DialogServices, 'content' | 'consent'>): GlobalCommand[] {
  const { content } = services;
  return [
    {
      id: 'explain',
      phrasesKey: 'explain.commands.menu',
      matches: (text) =>
        matchesPhrase(text, content.list('explain.commands.ask')) || questionAfterPrefix(text, content) !== undefined,
      async run(dc) {
        if (isDialogActive(dc, EXPLAIN_DIALOG)) {
          await dc.continueDialog();
          return;
        }
        const text = dc.context.activity.text ?? '';
        const menu = matchesPhrase(text, content.list('explain.commands.menu'));
        const options: ExplainOptions = menu ? {} : { question: questionAfterPrefix(text, content) ?? text };
        await dc.beginDialog(EXPLAIN_DIALOG, options);
      },
    },
    {
      id: 'program',
      phrasesKey: 'program.commands.open',
      matches: (text) => parseProgramCommand(text, content, 'global') !== undefined,
      async run(dc) {
        if (isDialogActive(dc, PROGRAM_DIALOG)) {
          await dc.continueDialog();
          return;
        }
        const command = parseProgramCommand(dc.context.activity.text ?? '', content, 'global');
        await beginWithConsent(dc, services, PROGRAM_DIALOG, { command } satisfies ProgramDialogOptions);
      },
    },
  ];
}
