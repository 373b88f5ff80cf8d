import type { TurnContext } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { checkInDialogs } from '../dialogs/checkins';
import { beginScheduledCheckIn } from '../dialogs/checkins/CheckInDialog';
import { CHECKIN_ENROLL_DIALOG } from '../dialogs/checkins/CheckInEnrollDialog';
import { explainDialogs } from '../dialogs/explain';
import { EXPLAIN_DIALOG } from '../dialogs/explain/ExplainDialog';
import { intakeDialogs } from '../dialogs/intake';
import { menuDialogs } from '../dialogs/menu';
import { UnderstandingRouter } from '../dialogs/menu/UnderstandingRouter';
import { privacyDialogs } from '../dialogs/privacy';
import { programDialogs } from '../dialogs/program';
import { safetyDialogs } from '../dialogs/safety';
import type { FeatureDialogs } from '../dialogs/shared/featureDialogs';
import { ROOT_DIALOG } from '../dialogs/shared/rootDialog';
import type { DialogServices } from '../dialogs/shared/services';
import { createCheckIns } from './features/checkins';
import type { DispatchReport } from './features/checkins/CheckInDispatcher';
import type { CheckInService } from './features/checkins/CheckInService';
import { type CheckInReviewer, DefaultCheckInReviewer } from './features/checkins/review';
import type { CheckInSender } from './features/checkins/sender';
import { createCheckInSender } from './features/checkins/senders';
import { createExplain } from './features/explain';
import { createIntake } from './features/intake';
import type { IntakeService } from './features/intake/IntakeService';
import { createPrivacy } from './features/privacy';
import { finishPendingErasures } from './features/privacy/personalData';
import { createProgram } from './features/program';
import type { ProgramWeekSource } from './features/program/programWeek';
import { createSafety } from './features/safety';
import type { CautionModel } from './features/safety/SafetyNet';
import { Understanding } from './features/understanding/understand';
import { CoachBot } from './platform/bot/CoachBot';
import { DialogSet } from './platform/bot/dialogsLibrary';
import { TurnConversationState, TurnUserState } from './platform/bot/TurnStateWriter';
import { createCloudAdapter, createProactiveAdapter, installTurnErrorHandler } from './platform/channels/adapter';
import { channelAwareLogic } from './platform/channels/channelLogic';
import {
  type ConversationReferenceStore,
  StoredConversationReferences,
} from './platform/channels/conversationReferences';
import {
  createDirectLine,
  createDirectLineEndpoint,
  type DirectLine,
  TOKEN_ENDPOINT,
} from './platform/channels/directline';
import { DefaultRenderer } from './platform/channels/render';
import { createSlackDirect, type SlackDirect } from './platform/channels/slack';
import type { SlackDeduplicator } from './platform/channels/slack/dedup';
import type { SlackSender } from './platform/channels/slack/webApi';
import { TeamsGate } from './platform/channels/teams/TeamsGate';
import { type Clock, systemClock } from './platform/clock';
import { type Config, ConfigError, loadConfig, loadDotEnv } from './platform/config';
import { loadContent } from './platform/content/loader';
import { createLogger, describeError, type Logger } from './platform/logger';
import type { Metrics } from './platform/metrics';
import { type ChatModel, createChatModel } from './platform/nlu/model';
import { type ScheduledJob, Scheduler, type SchedulerTimers } from './platform/scheduler/Scheduler';
import { createServer, type RunningServer } from './platform/server';
import { openDataStore } from './platform/storage';
import type { DataStore } from './platform/storage/repositories';
import { createWebPages } from './platform/web/pages';
import type { CoachServices } from './services';

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
  const model = overrides.model ?? (await createChatModel(config.llm));
  const renderer = new DefaultRenderer(content);

  // Feature services: each feature gets only the repositories and settings it needs.
  const program = createProgram({ content, store, clock, weeks: overrides.programWeeks });
  const privacy = createPrivacy({ store, clock, content, logger, retention: config.retention });
  const safety = createSafety({
    store,
    clock,
    content,
    model,
    screen: config.safetyModelScreen,
    cautionModel: overrides.cautionModel,
  });
  const explain = createExplain({ content, model, timeoutMs: config.llm?.timeoutMs ?? DEFAULT_PHRASING_TIMEOUT_MS });
  const intake = await createIntake({ store, clock, content, logger, model, modelTimeoutMs: config.llm?.timeoutMs });
  const checkIns = createCheckIns({ store, clock, weeks: program.weeks, settings: config.checkIns });
  const understanding = new Understanding(content, { featurePatterns: [program.intentPattern] });

  // The turn pipeline and the channels get the store; dialogs get feature services instead, never a repository.
  const services: CoachServices = { content, renderer, store, clock, logger, model, program: program.service, metrics };
  const dialogServices: DialogServices = {
    content,
    renderer,
    clock,
    logger,
    model,
    program: program.service,
    metrics,
    consent: privacy.consent,
    safetyEvents: safety.events,
    personalData: privacy.personalData,
  };

  const conversationState = new TurnConversationState(store.state);
  const userState = new TurnUserState(store.state);
  const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
  const safetyFeature = safetyDialogs(dialogServices, safety.net);
  // Commands are tried in this order (help and start over first).
  const features: FeatureDialogs[] = [
    menuDialogs(dialogServices, explain.topics),
    privacyDialogs(dialogServices, config.retention.days),
    programDialogs(dialogServices),
    checkInDialogs(dialogServices, {
      checkIns: checkIns.service,
      reviewer: overrides.checkInReviewer ?? new DefaultCheckInReviewer(),
      intake: intake.service,
    }),
    intakeDialogs({
      services: dialogServices,
      extractor: intake.extractor,
      intake: intake.service,
      vocabulary: intake.vocabulary,
      explainDialogId: EXPLAIN_DIALOG,
      // Paused check-ins count as enrolled: the person chose to pause them.
      checkIns: {
        enrollDialogId: CHECKIN_ENROLL_DIALOG,
        enrolled: (personId) => checkIns.service.isEnrolled(personId),
      },
    }),
    explainDialogs(dialogServices, { search: explain.topics, phraser: explain.phraser, bank: understanding.bank }),
    safetyFeature,
  ];
  for (const feature of features) for (const dialog of feature.dialogs) dialogs.add(dialog);
  const commands = features.flatMap((feature) => feature.commands);
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
    guards: [safetyFeature.guard],
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
    erasePerson: privacy.erasePerson,
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
  const sender =
    overrides.checkInSender ??
    createCheckInSender({
      deliver: deliverCheckIn,
      proactiveAdapter: createProactiveAdapter(
        config.auth,
        directLineEndpoint,
        overrides.botFrameworkCredentials,
        config.outboundTimeoutMs,
      ),
      appId: config.auth.appId,
      clock,
      slack: slack?.channel,
    });
  // All periodic work is a job of the one scheduler; building it starts no timer (main calls start()).
  const jobs = {
    checkIns: checkIns.job({
      sender,
      logger,
      onDispatch: metrics ? (report) => metrics.recordDispatch(report) : undefined,
    }),
    retention: privacy.retentionJob,
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
    intake: intake.service,
    adapter,
    directLine,
    logic,
    references,
    slack,
    http,
    scheduler,
    jobs,
    runCheckIns: (at) => scheduler.run(jobs.checkIns, at),
    checkIns: checkIns.service,
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
