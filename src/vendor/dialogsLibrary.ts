// The botbuilder-dialogs classes and enums this bot uses as values, each from its own module. The
// package's index also loads the Recognizers-Text libraries of its built-in prompts (dates, numbers,
// units), which no dialog here uses: about a third of a second of start-up. (Its Prompt class loads the
// number library too, so the prompts here build on dialogs/PromptBase.ts instead.) Types still come from
// 'botbuilder-dialogs' with `import type`, which loads nothing; these are the same classes the index exports.
export { Dialog, DialogReason, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { DialogContext } from 'botbuilder-dialogs/lib/dialogContext';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';
