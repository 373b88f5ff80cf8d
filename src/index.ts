import { ConversationState, UserState, type TurnContext } from 'botbuilder';
import { DialogSet } from 'botbuilder-dialogs';
import { beginScheduledCheckIn, CheckInDialog } from '../dialogs/CheckInDialog';
import { CHECKIN_ENROLL_DIALOG, CheckInEnrollDialog } from '../dialogs/CheckInEnrollDialog';
import { checkInCommands } from '../dialogs/checkInCommands';
import { ABOUT_DIALOG, InfoDialog, SUPPORT_DIALOG } from '../dialogs/InfoDialog';
import { coreCommands } from '../dialogs/globalCommands';
import { ProgressDialog } from '../dialogs/ProgressDialog';
import { ROOT_DIALOG, RootDialog } from '../dialogs/RootDialog';
import { BotCheckInSender } from './bot/BotCheckInSender';
import { CoachBot } from './bot/CoachBot';
import type { CoachServices } from './bot/services';
import { createCloudAdapter, createProactiveAdapter, installTurnErrorHandler } from './channels/adapter';
import { DefaultRenderer } from './channels/render';
import { type Clock, systemClock } from './clock';
import { type Config, ConfigError, loadConfig, loadDotEnv } from './config';
import { loadContent } from './content/loader';
import { createLogger, type Logger } from './logger';
import { createServer, type RunningServer } from './server';
import { type ChatModel, createChatModel } from './nlu/model';
import { type CheckInReviewer, DefaultCheckInReviewer } from './checkins/review';
import { CheckInDispatcher, DEFAULT_DISPATCH_SETTINGS } from './scheduler/CheckInDispatcher';
import { CheckInPlanner } from './scheduler/CheckInPlanner';
import { CheckInScheduler } from './scheduler/CheckInScheduler';
import { CheckInService } from './scheduler/CheckInService';
import { type ProgramWeekSource, WeeksSinceEnrollment } from './scheduler/programWeek';
import type { CheckInSender } from './scheduler/sender';
import { openDataStore } from './storage';
import type { DataStore } from './storage/repositories';

/** Seams a test or tool may replace; everything else is built from config. */
export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  store?: DataStore;
  model?: ChatModel;
  /** Proactive sends; the default goes through the CloudAdapter. */
  checkInSender?: CheckInSender;
  /** Program week per person; the default counts weeks since enrollment (issue 6's program can replace it). */
  programWeeks?: ProgramWeekSource;
  /** Weekly re-assessment; the default applies issue 7's rules (issue 5's risk engine can replace it). */
  checkInReviewer?: CheckInReviewer;
}

export interface App {
  config: Config;
  services: CoachServices;
  bot: CoachBot;
  adapter: ReturnType<typeof createCloudAdapter>;
  /** Runs one turn through the bot; what the HTTP route and the terminal chat both call. */
  logic: (context: TurnContext) => Promise<void>;
  http: RunningServer;
  /** Weekly check-ins: tick(at) runs what is due at an instant; start() runs it on an interval. */
  scheduler: CheckInScheduler;
  checkIns: CheckInService;
  stop(): Promise<void>;
}

/** The composition root: config -> store -> content -> dialogs -> bot -> adapter -> server. */
export async function buildApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const content = loadContent('en');
  const store = overrides.store ?? (await openDataStore(config.database));
  const services: CoachServices = {
    content,
    renderer: new DefaultRenderer(content),
    store,
    clock: overrides.clock ?? systemClock,
    logger,
    model: overrides.model ?? createChatModel(config.llm),
  };

  const programWeeks = overrides.programWeeks ?? new WeeksSinceEnrollment(store.enrollments);
  const planner = new CheckInPlanner(store.dueQueue, programWeeks, config.checkIns.followupHours);
  const checkIns = new CheckInService({ store, planner, weeks: programWeeks, clock: services.clock, quietHours: config.checkIns.quietHours });

  const conversationState = new ConversationState(store.state);
  const userState = new UserState(store.state);
  const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
  dialogs.add(
    new RootDialog(services, [
      { value: 'support', dialogId: SUPPORT_DIALOG },
      { value: 'about', dialogId: ABOUT_DIALOG },
      { value: 'checkins', dialogId: CHECKIN_ENROLL_DIALOG },
    ]),
  );
  dialogs.add(new InfoDialog(SUPPORT_DIALOG, 'support.text', services));
  dialogs.add(new InfoDialog(ABOUT_DIALOG, 'about.text', services));
  dialogs.add(new CheckInEnrollDialog(services, checkIns));
  dialogs.add(new CheckInDialog(services, checkIns, overrides.checkInReviewer ?? new DefaultCheckInReviewer()));
  dialogs.add(new ProgressDialog(services, checkIns));

  const bot = new CoachBot({
    services,
    conversationState,
    userState,
    dialogs,
    rootDialogId: ROOT_DIALOG,
    commands: [...coreCommands(services), ...checkInCommands(services, checkIns)],
  });

  const adapter = createCloudAdapter(config.auth);
  installTurnErrorHandler(adapter, { conversationState, content, renderer: services.renderer, logger });
  const logic = (context: TurnContext) => bot.run(context);
  const http = createServer({ adapter, logic, store, logger, maxBodyBytes: config.maxBodyBytes });

  const sender =
    overrides.checkInSender ??
    new BotCheckInSender(createProactiveAdapter(config.auth), config.auth.appId, (context, job) => bot.runProactive(context, (dc) => beginScheduledCheckIn(dc, job)), services.clock);
  const dispatcher = new CheckInDispatcher({
    store,
    sender,
    planner,
    logger,
    settings: {
      ...DEFAULT_DISPATCH_SETTINGS,
      concurrency: config.checkIns.concurrency,
      sendsPerSecond: config.checkIns.sendsPerSecond,
      leaseMs: config.checkIns.leaseMs,
    },
  });
  // Other periodic work (issue 4's retention purge) joins with scheduler.addJob({ name, run }).
  const scheduler = new CheckInScheduler({ dispatcher, clock: services.clock, logger, intervalMs: config.checkIns.intervalMs });

  return {
    config,
    services,
    bot,
    adapter,
    logic,
    http,
    scheduler,
    checkIns,
    async stop() {
      await scheduler.stop();
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
  app.scheduler.start();
  app.services.logger.info({ host: config.host, port, checkInIntervalMs: config.checkIns.intervalMs }, 'kratom coach listening');
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
