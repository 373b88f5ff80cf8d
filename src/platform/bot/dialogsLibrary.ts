// The botbuilder-dialogs classes and enums the dialogs use as values, from the package's public entry.
// (This file used to import each from the package's internal lib/ modules to skip loading the
// Recognizers-Text libraries at start-up; dependencies now run as published, see docs/architecture.md.)
export {
  ComponentDialog,
  Dialog,
  DialogContext,
  DialogReason,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
