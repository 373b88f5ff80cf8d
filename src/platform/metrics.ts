import type { TurnContext } from 'botbuilder';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataStore } from './storage/repositories';

/**
 * The counters an operator watches (GET /metrics, Prometheus text). One registry per app, so tests that
 * build several apps in one process keep them apart. Labels are kinds and channels only, never an id.
 */
/** The counts of one check-in run that the metrics read (the check-in dispatcher's report has them). */
export type DispatchOutcomeCounts = Record<
  'sent' | 'failed' | 'retried' | 'cancelled' | 'deferred' | 'paused' | 'rateLimited' | 'abandoned',
  number
>;

export class Metrics {
  readonly registry = new Registry();
  readonly turns: Counter<'channel'>;
  readonly turnSeconds: Histogram<'channel'>;
  readonly turnErrors: Counter<'channel'>;
  readonly crisisReplies: Counter<'kind'>;
  readonly handoffs: Counter<'source'>;
  readonly checkIns: Counter<'outcome'>;
  readonly databaseErrors: Counter<'repository'>;

  constructor(openSockets: () => number = () => 0) {
    const registers = [this.registry];
    this.turns = new Counter({
      name: 'steady_turns_total',
      help: 'Turns handled (each message or event from a person).',
      labelNames: ['channel'],
      registers,
    });
    this.turnSeconds = new Histogram({
      name: 'steady_turn_duration_seconds',
      help: 'Time from receiving a turn to its replies being sent and its state saved.',
      labelNames: ['channel'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.turnErrors = new Counter({
      name: 'steady_turn_errors_total',
      help: 'Turns that failed with an error.',
      labelNames: ['channel'],
      registers,
    });
    this.crisisReplies = new Counter({
      name: 'steady_crisis_replies_total',
      help: 'Crisis replies sent, by kind of danger.',
      labelNames: ['kind'],
      registers,
    });
    this.handoffs = new Counter({
      name: 'steady_handoffs_total',
      help: 'Treatment hand-offs shown, by where (intake or check-in).',
      labelNames: ['source'],
      registers,
    });
    this.checkIns = new Counter({
      name: 'steady_checkins_total',
      help: 'Check-in outcomes: sent, answered, failed, retried, cancelled, deferred, paused, rate_limited, abandoned.',
      labelNames: ['outcome'],
      registers,
    });
    this.databaseErrors = new Counter({
      name: 'steady_database_errors_total',
      help: 'Database calls that failed, by repository.',
      labelNames: ['repository'],
      registers,
    });
    new Gauge({
      name: 'steady_directline_open_sockets',
      help: 'Direct Line WebSockets open now.',
      registers,
      collect() {
        this.set(openSockets());
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'steady_' });
  }

  /** Wraps the turn logic: counts each turn, its time, and its failure (then rethrows it to the adapter). */
  instrumentTurns(logic: (context: TurnContext) => Promise<void>): (context: TurnContext) => Promise<void> {
    return async (context) => {
      const channel = channelLabel(context.activity.channelId);
      const stop = this.turnSeconds.startTimer({ channel });
      this.turns.inc({ channel });
      try {
        await logic(context);
      } catch (error) {
        this.turnErrors.inc({ channel });
        throw error;
      } finally {
        stop();
      }
    };
  }

  /** Adds one scheduler run's outcomes. */
  recordDispatch(report: DispatchOutcomeCounts): void {
    const outcomes: Array<[string, number]> = [
      ['sent', report.sent],
      ['failed', report.failed],
      ['retried', report.retried],
      ['cancelled', report.cancelled],
      ['deferred', report.deferred],
      ['paused', report.paused],
      ['rate_limited', report.rateLimited],
      ['abandoned', report.abandoned],
    ];
    for (const [outcome, count] of outcomes) if (count > 0) this.checkIns.inc({ outcome }, count);
  }

  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

const KNOWN_CHANNELS = new Set(['directline', 'webchat', 'msteams', 'slack', 'emulator', 'test']);

/** Channel ids come from the request: unknown ones share one label so nobody can grow the series without end. */
function channelLabel(channelId: string | undefined): string {
  return channelId && KNOWN_CHANNELS.has(channelId) ? channelId : 'other';
}

/**
 * The store, seen through counters: every repository call that fails counts as a database error, and the
 * writes that mean a hand-off or an answered check-in count as such. (Crisis replies are counted where they
 * are sent, in CrisisDialog: the store keeps them only for people who agreed to have data kept.) The store itself is
 * unchanged; its repositories are wrapped once, here.
 */
export function instrumentStore(store: DataStore, metrics: Metrics): DataStore {
  const wrapped = new Map<PropertyKey, unknown>();
  const observe = <T extends object>(
    name: string,
    repository: T,
    after?: (method: string, args: unknown[]) => void,
  ): T =>
    new Proxy(repository, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          let result: unknown;
          try {
            result = value.apply(target, args);
          } catch (error) {
            metrics.databaseErrors.inc({ repository: name });
            throw error;
          }
          if (result instanceof Promise) {
            return result.then(
              (settled: unknown) => {
                after?.(String(property), args);
                return settled;
              },
              (error: unknown) => {
                metrics.databaseErrors.inc({ repository: name });
                throw error;
              },
            );
          }
          return result;
        };
      },
    });

  const hooks: Record<string, (method: string, args: unknown[]) => void> = {
    intake: (method, args) => {
      const entry = args[1] as { trigger?: string; assessment?: { handoff?: boolean } } | undefined;
      if (method === 'addAssessment' && entry?.assessment?.handoff)
        metrics.handoffs.inc({ source: entry.trigger === 'intake' ? 'intake' : 'reassessment' });
    },
    checkIns: (method, args) => {
      if (method !== 'save') return;
      metrics.checkIns.inc({ outcome: 'answered' });
      if ((args[3] as { handoff?: boolean } | undefined)?.handoff) metrics.handoffs.inc({ source: 'checkin' });
    },
  };
  const repositories = [
    'state',
    'people',
    'directLine',
    'intake',
    'safetyEvents',
    'consents',
    'stateKeys',
    'programProgress',
    'conversationRefs',
    'enrollments',
    'dueQueue',
    'checkIns',
    'operations',
  ];
  return new Proxy(store, {
    get(target, property, receiver) {
      if (typeof property === 'string' && repositories.includes(property)) {
        if (!wrapped.has(property))
          wrapped.set(property, observe(property, Reflect.get(target, property, receiver) as object, hooks[property]));
        return wrapped.get(property);
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
