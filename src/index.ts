import { ConversationState, UserState, type TurnContext } from 'botbuilder';
import { DialogSet } from 'botbuilder-dialogs';
import { EXPLAIN_DIALOG, ExplainDialog, type ExplainOptions } from '../dialogs/ExplainDialog';
import { ABOUT_DIALOG, InfoDialog, SUPPORT_DIALOG } from '../dialogs/InfoDialog';
import { coreCommands } from '../dialogs/globalCommands';
import { learnCommands } from '../dialogs/learnCommands';
import { PROGRAM_DIALOG, ProgramDialog } from '../dialogs/ProgramDialog';
import { ROOT_DIALOG, RootDialog } from '../dialogs/RootDialog';
import { CoachBot } from './bot/CoachBot';
import type { CoachServices } from './bot/services';
import { createCloudAdapter, installTurnErrorHandler } from './channels/adapter';
import { DefaultRenderer } from './channels/render';
import { type Clock, systemClock } from './clock';
import { type Config, ConfigError, loadConfig, loadDotEnv } from './config';
import { loadContent } from './content/loader';
import { createLogger, type Logger } from './logger';
import { createServer, type RunningServer } from './server';
import { type ChatModel, createChatModel } from './nlu/model';
import { ExplainerPhraser } from './nlu/phrasing';
import { looksLikeQuestion } from './nlu/questions';
import { TopicSearch } from './nlu/topicSearch';
import { ProgramService } from './program/ProgramService';
import { openDataStore } from './storage';
import type { DataStore } from './storage/repositories';

/** How long an explainer rephrasing may take when LLM_TIMEOUT_MS is not set (it is, whenever a model is). */
const DEFAULT_PHRASING_TIMEOUT_MS = 4000;

/** Seams a test or tool may replace; everything else is built from config. */
export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  store?: DataStore;
  model?: ChatModel;
}

export interface App {
  config: Config;
  services: CoachServices;
  bot: CoachBot;
  adapter: ReturnType<typeof createCloudAdapter>;
  /** Runs one turn through the bot; what the HTTP route and the terminal chat both call. */
  logic: (context: TurnContext) => Promise<void>;
  http: RunningServer;
  stop(): Promise<void>;
}

/** The composition root: config -> store -> content -> dialogs -> bot -> adapter -> server. */
export async function buildApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const content = loadContent('en');
  const store = overrides.store ?? (await openDataStore(config.database));
  const clock = overrides.clock ?? systemClock;
  const services: CoachServices = {
    content,
    renderer: new DefaultRenderer(content),
    store,
    clock,
    logger,
    model: overrides.model ?? createChatModel(config.llm),
    program: new ProgramService({ content, progress: store.programProgress, clock }),
  };
  const topicSearch = new TopicSearch(content.explainers());
  const phraser = new ExplainerPhraser(services.model, { timeoutMs: config.llm?.timeoutMs ?? DEFAULT_PHRASING_TIMEOUT_MS });

  const conversationState = new ConversationState(store.state);
  const userState = new UserState(store.state);
  const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
  dialogs.add(
    new RootDialog(
      services,
      [
        { value: 'support', dialogId: SUPPORT_DIALOG },
        { value: 'about', dialogId: ABOUT_DIALOG },
        { value: 'learn', dialogId: EXPLAIN_DIALOG },
        { value: 'program', dialogId: PROGRAM_DIALOG },
      ],
      {
        // A question typed at the menu goes to the explainers ("what is 7-OH?").
        dialogId: EXPLAIN_DIALOG,
        accepts: (text) => looksLikeQuestion(text, content) || topicSearch.find(text).kind === 'match',
        options: (text): ExplainOptions => ({ question: text }),
      },
    ),
  );
  dialogs.add(new InfoDialog(SUPPORT_DIALOG, 'support.text', services));
  dialogs.add(new InfoDialog(ABOUT_DIALOG, 'about.text', services));
  dialogs.add(new ExplainDialog(services, { search: topicSearch, phraser }));
  dialogs.add(new ProgramDialog(services));

  const bot = new CoachBot({
    services,
    conversationState,
    userState,
    dialogs,
    rootDialogId: ROOT_DIALOG,
    commands: [...coreCommands(services), ...learnCommands(services)],
  });

  const adapter = createCloudAdapter(config.auth);
  installTurnErrorHandler(adapter, { conversationState, content, renderer: services.renderer, logger });
  const logic = (context: TurnContext) => bot.run(context);
  const http = createServer({ adapter, logic, store, logger, maxBodyBytes: config.maxBodyBytes });

  return {
    config,
    services,
    bot,
    adapter,
    logic,
    http,
    async stop() {
      await http.close(config.shutdownGraceMs);
      await store.close();
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const app = await buildApp(config);
  const port = await app.http.listen(config.port, config.host);
  app.services.logger.info({ host: config.host, port }, 'kratom coach listening');
  process.stdout.write(`Steady is listening on http://${config.host}:${port}\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.services.logger.info({ signal }, 'shutting down');
    await app.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
