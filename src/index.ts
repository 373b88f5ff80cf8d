import type { TurnContext } from 'botbuilder';
import { DialogSet } from './platform/bot/dialogsLibrary';
import { ConsentDialog } from '../dialogs/privacy/ConsentDialog';
import { CrisisDialog } from '../dialogs/safety/CrisisDialog';
import { DeleteDataDialog } from '../dialogs/privacy/DeleteDataDialog';
import { ABOUT_DIALOG, InfoDialog, SUPPORT_DIALOG } from '../dialogs/menu/InfoDialog';
import { HelpNowDialog } from '../dialogs/menu/HelpNowDialog';
import { MAIN_MENU, questionsGoToExplainers } from '../dialogs/menu/mainMenu';
import { UnderstandingRouter } from '../dialogs/menu/UnderstandingRouter';
import { Understanding } from './features/understanding/understand';
import { coreCommands } from '../dialogs/menu/globalCommands';
import { IntakeDialog } from '../dialogs/intake/IntakeDialog';
import type { IntakeDeps } from '../dialogs/intake/support';
import { privacyCommands } from '../dialogs/privacy/privacyCommands';
import { EXPLAIN_DIALOG, ExplainDialog } from '../dialogs/explain/ExplainDialog';
import { learnCommands } from '../dialogs/program/learnCommands';
import { ProgramDialog } from '../dialogs/program/ProgramDialog';
import { RootDialog } from '../dialogs/menu/RootDialog';
import { ROOT_DIALOG } from '../dialogs/shared/rootDialog';
import { SafetyGuard } from '../dialogs/safety/safetyGuard';
import { CoachBot } from './platform/bot/CoachBot';
import { TurnConversationState, TurnUserState } from './platform/bot/TurnStateWriter';
import type { CoachServices } from './services';
import type { DialogServices } from '../dialogs/shared/services';
import { createCloudAdapter, createProactiveAdapter, installTurnErrorHandler } from './platform/channels/adapter';
import { describeError } from './platform/logger';
import { deletePersonalData, finishPendingErasures } from './features/privacy/personalData';
import { channelAwareLogic } from './platform/channels/channelLogic';
import {
  type ConversationReferenceStore,
  StoredConversationReferences,
} from './platform/channels/conversationReferences';
import { createSlackDirect, type SlackDirect } from './platform/channels/slack';
import type { SlackSender } from './platform/channels/slack/webApi';
import type { SlackDeduplicator } from './platform/channels/slack/dedup';
import { SlackCheckInSender } from './features/checkins/senders/SlackCheckInSender';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { RoutingCheckInSender } from './features/checkins/routingSender';
import { TeamsGate } from './platform/channels/teams/TeamsGate';
import {
  createDirectLine,
  createDirectLineEndpoint,
  type DirectLine,
  TOKEN_ENDPOINT,
} from './platform/channels/directline';
import { beginScheduledCheckIn, CheckInDialog } from '../dialogs/checkins/CheckInDialog';
import { CHECKIN_ENROLL_DIALOG, CheckInEnrollDialog } from '../dialogs/checkins/CheckInEnrollDialog';
import { checkInCommands } from '../dialogs/checkins/checkInCommands';
import { ProgressDialog } from '../dialogs/checkins/ProgressDialog';
import { BotCheckInSender } from './features/checkins/senders/BotCheckInSender';
import { DefaultRenderer } from './platform/channels/render';
import { type Clock, systemClock } from './platform/clock';
import { type Config, ConfigError, loadConfig, loadDotEnv } from './platform/config';
import { loadContent } from './platform/content/loader';
import { createLogger, type Logger } from './platform/logger';
import { createConsentService } from './features/privacy/consent';
import { createPersonalDataService } from './features/privacy/personalData';
import { createRetentionJob } from './features/privacy/retentionJob';
import { createSafetyEventLog } from './features/safety/events';
import { ChatModelCaution } from './features/safety/modelScreen';
import { type CautionModel, SafetyNet } from './features/safety/SafetyNet';
import type { Metrics } from './platform/metrics';
import { createServer, type RunningServer } from './platform/server';
import { IntakeService } from './features/intake/IntakeService';
import { createIntakeExtractor } from './features/intake/reader/extractor';
import { loadExtractionPrompts, loadVocabulary } from './features/intake/reader/vocabulary';
import { type ChatModel, createChatModel } from './platform/nlu/model';
import { ExplainerPhraser } from './features/explain/phrasing';
import { TopicSearch } from './features/explain/topicSearch';
import { programIntentPattern } from './features/program/commands';
import { ProgramService } from './features/program/ProgramService';
import { type CheckInReviewer, DefaultCheckInReviewer } from './features/checkins/review';
import {
  CheckInDispatcher,
  DEFAULT_DISPATCH_SETTINGS,
  type DispatchReport,
} from './features/checkins/CheckInDispatcher';
import { CheckInPlanner } from './features/checkins/CheckInPlanner';
import { createCheckInJob } from './features/checkins/checkInJob';
import { type ScheduledJob, Scheduler, type SchedulerTimers } from './platform/scheduler/Scheduler';
import { CheckInService } from './features/checkins/CheckInService';
import { type ProgramWeekSource, programOrEnrollmentWeeks } from './features/program/programWeek';
import type { CheckInSender } from './features/checkins/sender';
import { openDataStore } from './platform/storage';
import type { DataStore } from './platform/storage/repositories';
import { createWebPages } from './platform/web/pages';

/** How long an explainer rephrasing may take when LLM_TIMEOUT_MS is not set (it is, whenever a model is). */
const DEFAULT_PHRASING_TIMEOUT_MS = 4000;

/** Seams a test or tool may replace; everything else is built from config. */
export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  store?: DataStore;
  model?: ChatModel;
  /** An optional second opinion for the safety net; it can only add caution. None by default. */
  cautionModel?: CautionModel;
  /** Proactive sends; the default goes through the CloudAdapter. */
  checkInSender?: CheckInSender;
  /** Program week per person; the default counts weeks since enrollment (issue 6's program can replace it). */
  programWeeks?: ProgramWeekSource;
  /** Weekly review of a check-in; the default applies issue 7's rules. The risk engine re-assesses beside it. */
  checkInReviewer?: CheckInReviewer;
  /** Where Teams installs and Slack messages leave the conversation reference for check-ins. Durable by default. */
  references?: ConversationReferenceStore;
  /** Replaces Slack's Web API client for the direct Slack route. */
  slackSender?: SlackSender;
  /** Slack event de-duplication for both ways in (Events API, Socket Mode); in memory by default. */
  slackDedup?: SlackDeduplicator;
  /** Socket Mode's ping timeout (its reconnect back-off step); tests shorten it. */
  slackSocketModePingTimeoutMs?: number;
  /** Where Bot Framework (Azure AD) tokens come from; the SDK's own by default. Tests use a fake on loopback. */
  botFrameworkCredentials?: ServiceClientCredentialsFactory;
  /** The scheduler's timers; a test passes a fake to prove that building starts nothing. */
  timers?: SchedulerTimers;
}

export interface App {
  config: Config;
  services: CoachServices;
  bot: CoachBot;
  /** Intake answers and risk assessments; check-ins call `reassess` and `handoffOffer` on it. */
  intake: IntakeService;
  adapter: ReturnType<typeof createCloudAdapter>;
  /** The self-hosted Direct Line channel behind the web page. */
  directLine: DirectLine;
  /** Runs one turn through the bot; what the HTTP route and the terminal chat both call. */
  logic: (context: TurnContext) => Promise<void>;
  /** Conversation references, saved by the bot on every turn of someone who agreed, for proactive check-ins. */
  references: ConversationReferenceStore;
  /** The direct Slack route (Events API + Interactivity); set when SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are. */
  slack?: SlackDirect;
  http: RunningServer;
  /**
   * The one scheduler, built with its list of jobs and not started: `main` starts it; `tick(at)` runs
   * every job once (`npm run checkins`); `run(job, at)` runs one.
   */
  scheduler: Scheduler;
  /** The scheduler's jobs by name, for the operator commands and tests. */
  jobs: { checkIns: ScheduledJob<DispatchReport>; retention: ScheduledJob<number> };
  /** Runs the check-ins due at `at` once, through the scheduler (after any run in progress). */
  runCheckIns(at?: Date): Promise<DispatchReport>;
  checkIns: CheckInService;
  /** Set when metrics are on (METRICS=loopback or METRICS_TOKEN). */
  metrics?: Metrics;
  stop(): Promise<void>;
}

/**
 * The composition root: config -> store -> content -> feature services -> dialogs -> bot -> adapter ->
 * channels -> server -> scheduler and its jobs. It only wires: it opens the store but starts no timer,
 * listens on no port and connects nowhere (`main` below does that; `npm run chat` never does).
 */
export async function buildApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const content = loadContent('en');
  // Metrics are off by default; when on, the store and the turn logic are seen through counters.
  // prom-client is loaded only then.
  let openSockets = () => 0;
  const metricsModule = config.metrics.enabled ? await import('./platform/metrics') : undefined;
  const metrics: Metrics | undefined = metricsModule ? new metricsModule.Metrics(() => openSockets()) : undefined;
  const openedStore = overrides.store ?? (await openDataStore(config.database));
  const store = metricsModule && metrics ? metricsModule.instrumentStore(openedStore, metrics) : openedStore;
  const clock = overrides.clock ?? systemClock;
  const program = new ProgramService({ content, progress: store.programProgress, clock });
  const model = overrides.model ?? (await createChatModel(config.llm));
  const renderer = new DefaultRenderer(content);
  // The turn pipeline and the channels get the store; dialogs get feature services instead, never a repository.
  const services: CoachServices = { content, renderer, store, clock, logger, model, program, metrics };
  const dialogServices: DialogServices = {
    content,
    renderer,
    clock,
    logger,
    model,
    program,
    metrics,
    consent: createConsentService({
      consents: store.consents,
      clock,
      policyVersion: () => content.text('privacy.version'),
    }),
    safetyEvents: createSafetyEventLog({ safetyEvents: store.safetyEvents, clock }),
    personalData: createPersonalDataService({ store }),
  };
  const topicSearch = new TopicSearch(content.explainers());
  const understanding = new Understanding(content, { featurePatterns: [programIntentPattern(content)] });
  const phraser = new ExplainerPhraser(services.model, {
    timeoutMs: config.llm?.timeoutMs ?? DEFAULT_PHRASING_TIMEOUT_MS,
  });

  const vocabulary = loadVocabulary(content.locale);
  const extractor = await createIntakeExtractor({
    vocabulary,
    prompts: loadExtractionPrompts(content.locale),
    model: services.model,
    timeoutMs: config.llm?.timeoutMs,
    onOutcome: ({ field, source, failure }) => {
      if (source !== 'rules') logger.info({ field, source, failure }, 'intake extraction');
    },
  });
  const intake = new IntakeService(store.intake, services.clock, content, logger);

  const programWeeks: ProgramWeekSource =
    overrides.programWeeks ?? programOrEnrollmentWeeks(services.program, store.enrollments);
  const planner = new CheckInPlanner(store.dueQueue, programWeeks, config.checkIns.followupHours);
  const checkIns = new CheckInService({
    store,
    planner,
    weeks: programWeeks,
    clock: services.clock,
    quietHours: config.checkIns.quietHours,
  });
  const intakeDeps: IntakeDeps = {
    services: dialogServices,
    extractor,
    intake,
    vocabulary,
    explainDialogId: EXPLAIN_DIALOG,
    // Paused check-ins count as enrolled: the person chose to pause them.
    checkIns: { enrollDialogId: CHECKIN_ENROLL_DIALOG, enrolled: (personId) => checkIns.isEnrolled(personId) },
  };

  const conversationState = new TurnConversationState(store.state);
  const userState = new TurnUserState(store.state);
  const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
  dialogs.add(new RootDialog(dialogServices, MAIN_MENU, questionsGoToExplainers(content, topicSearch)));
  dialogs.add(new IntakeDialog(intakeDeps));
  dialogs.add(new InfoDialog(SUPPORT_DIALOG, 'support.text', dialogServices));
  dialogs.add(new InfoDialog(ABOUT_DIALOG, 'about.text', dialogServices));
  dialogs.add(new HelpNowDialog(dialogServices));
  dialogs.add(new ExplainDialog(dialogServices, { search: topicSearch, phraser, bank: understanding.bank }));
  dialogs.add(new ProgramDialog(dialogServices));
  dialogs.add(new CrisisDialog(dialogServices));
  dialogs.add(new ConsentDialog(dialogServices));
  dialogs.add(new DeleteDataDialog(dialogServices));
  const screen = config.safetyModelScreen;
  const cautionModel =
    overrides.cautionModel ??
    (screen && services.model ? new ChatModelCaution(services.model, screen.timeoutMs) : undefined);
  const safetyNet = new SafetyNet({
    model: cautionModel,
    modelTimeoutMs: screen?.timeoutMs,
    isOwnText: (text) => content.isOwnText(text),
  });
  dialogs.add(new CheckInEnrollDialog(dialogServices, checkIns));
  dialogs.add(
    new CheckInDialog(dialogServices, checkIns, overrides.checkInReviewer ?? new DefaultCheckInReviewer(), intake),
  );
  dialogs.add(new ProgressDialog(dialogServices, checkIns));

  const commands = [
    ...coreCommands(dialogServices),
    ...privacyCommands(dialogServices, config.retention.days),
    ...learnCommands(dialogServices),
    ...checkInCommands(dialogServices, checkIns),
  ];
  const references = overrides.references ?? new StoredConversationReferences(store.conversationRefs, store.consents);
  const bot = new CoachBot({
    services,
    conversationState,
    userState,
    stateStorage: store.state,
    references,
    dialogs,
    rootDialogId: ROOT_DIALOG,
    commands,
    router: new UnderstandingRouter(
      dialogServices,
      understanding,
      commands,
      conversationState.createProperty('understandingOffer'),
    ),
    guards: [new SafetyGuard(safetyNet, dialogServices)],
  });

  const directLineEndpoint = createDirectLineEndpoint(config.directLine, services);
  const adapter = createCloudAdapter(
    config.auth,
    directLineEndpoint,
    overrides.botFrameworkCredentials,
    config.outboundTimeoutMs,
  );
  installTurnErrorHandler(adapter, { conversationState, content, renderer: services.renderer, logger });
  const teams = new TeamsGate({ content, renderer: services.renderer, logger });
  const channelLogic = channelAwareLogic((context: TurnContext) => bot.run(context), { teams });
  const logic = metrics ? metrics.instrumentTurns(channelLogic) : channelLogic;
  const directLine = createDirectLine({
    config: config.directLine,
    services,
    endpoint: directLineEndpoint,
    adapter,
    logic,
    botId: config.auth.appId || 'steady',
    erasePerson: (personId) => deletePersonalData(services.store, personId, { at: services.clock.now() }),
  });
  openSockets = () => directLine.stream.openSockets;
  const webPages = createWebPages({
    content,
    tokenUrl: TOKEN_ENDPOINT,
    connectOrigins: config.directLine.azure ? azureOrigins(config.directLine.azure.domain) : [],
  });
  const slack = config.slack
    ? await createSlackDirect({
        config: config.slack,
        services,
        adapter,
        logic,
        references,
        sender: overrides.slackSender,
        dedup: overrides.slackDedup,
        socketModePingTimeoutMs: overrides.slackSocketModePingTimeoutMs,
      })
    : undefined;
  const http = createServer({
    adapter,
    logic,
    store,
    logger,
    maxBodyBytes: config.maxBodyBytes,
    unauthenticated: config.auth.appId ? undefined : config.unauthenticated,
    mounts: [directLine, webPages, ...(slack ? [slack] : [])],
    metrics: metrics
      ? { registry: metrics, token: config.metrics.token, loopback: config.metrics.loopback }
      : undefined,
  });
  const deliverCheckIn = (context: TurnContext, job: Parameters<typeof beginScheduledCheckIn>[1]) =>
    bot.runProactive(context, (dc) => beginScheduledCheckIn(dc, job));
  // One sending path per channel: direct Slack conversations through Slack's Web API, the rest through Bot Framework.
  const sender =
    overrides.checkInSender ??
    new RoutingCheckInSender(
      slack ? [new SlackCheckInSender(slack.channel, deliverCheckIn)] : [],
      new BotCheckInSender(
        createProactiveAdapter(
          config.auth,
          directLineEndpoint,
          overrides.botFrameworkCredentials,
          config.outboundTimeoutMs,
        ),
        config.auth.appId,
        deliverCheckIn,
        services.clock,
      ),
    );
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
      sendTimeoutMs: config.checkIns.sendTimeoutMs,
    },
  });
  // All periodic work is a job of the one scheduler; building it starts no timer (main calls start()).
  const jobs = {
    checkIns: createCheckInJob({
      dispatcher,
      logger,
      everyMs: config.checkIns.intervalMs,
      onDispatch: metrics ? (report) => metrics.recordDispatch(report) : undefined,
    }),
    retention: createRetentionJob({
      store,
      logger,
      retentionDays: config.retention.days,
      everyMs: config.retention.checkMinutes * 60_000,
    }),
  };
  const scheduler = new Scheduler({
    clock: services.clock,
    logger,
    jobs: [jobs.checkIns, jobs.retention],
    timers: overrides.timers,
  });

  return {
    config,
    services,
    bot,
    intake,
    adapter,
    directLine,
    logic,
    references,
    slack,
    http,
    scheduler,
    jobs,
    runCheckIns: (at) => scheduler.run(jobs.checkIns, at),
    checkIns,
    metrics,
    async stop() {
      await scheduler.stop();
      await http.close(config.shutdownGraceMs);
      await store.close();
    },
  };
}

/** Azure Direct Line answers on https and streams on wss from the same host. */
function azureOrigins(domain: string): string[] {
  const url = new URL(domain);
  return [url.origin, `${url.protocol === 'http:' ? 'ws' : 'wss'}://${url.host}`];
}

/**
 * The last resort, once the server is up: an error no handler caught (a socket that failed after its
 * request was answered, a promise nobody awaited) is logged by name and stack frames, never its message,
 * and everyone else's chat goes on. Requests have their own guard that answers 400/500 (src/http).
 */
function keepServingAfterStrayErrors(logger: Logger): void {
  process.on('uncaughtException', (error) =>
    logger.error({ error: describeError(error) }, 'uncaught error; the server keeps running'),
  );
  process.on('unhandledRejection', (error) =>
    logger.error({ error: describeError(error) }, 'unhandled rejection; the server keeps running'),
  );
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
  // "Delete my data" that a crash cut short is finished before anyone can reach the server.
  const erased = await finishPendingErasures(app.services.store, {
    before: (personId) => app.directLine.channel.revokePerson(personId),
    onError: (error) =>
      app.services.logger.error(
        { error: describeError(error) },
        'an unfinished erase failed again; it is retried at the next start',
      ),
  });
  if (erased > 0) app.services.logger.info({ erased }, 'unfinished erases finished at start-up');
  const port = await app.http.listen(config.port, config.host);
  keepServingAfterStrayErrors(app.services.logger);
  // Socket Mode (when SLACK_APP_TOKEN is set) connects out to Slack; one-shot tools never open it.
  await app.slack?.connect();
  app.scheduler.start();
  app.services.logger.info(
    { host: config.host, port, jobs: app.scheduler.jobNames, checkInIntervalMs: config.checkIns.intervalMs },
    'kratom coach listening',
  );
  const shownHost = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
  process.stdout.write(
    `Steady is listening on http://${config.host}:${port} - open http://${shownHost}:${port}/ to chat\n`,
  );

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
