import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname } from 'node:path';
import { z } from 'zod';
import { parseQuietHours, type QuietHours } from './util/localTime';
import { parseTrustProxy, type TrustProxy } from './util/trustProxy';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

const databaseUrl = z
  .string()
  .default('sqlite:./data/coach.db')
  .refine((value) => /^sqlite:.+/.test(value) || /^postgres(ql)?:\/\/.+/.test(value), {
    message:
      'must be sqlite:<file path> (for example sqlite:./data/coach.db) or postgres://user:password@host:5432/database',
  });

/**
 * `postgres://…/db?schema=name` keeps every table in one schema, so several deployments (or test runs) can
 * share a database. The parameter is taken out of the URL handed to the driver.
 */
function splitPostgresSchema(url: string): { url: string; schema?: string } {
  const match = /([?&])schema=([^&]*)(&?)/.exec(url);
  if (!match) return { url };
  const schema = decodeURIComponent(match[2]);
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema))
    throw new ConfigError('DATABASE_URL', 'schema must be letters, digits and _ (for example ?schema=coach)');
  const rest = url.slice(0, match.index) + (match[3] ? match[1] : '') + url.slice(match.index + match[0].length);
  return { url: rest, schema };
}

/** A comma-separated list of host names (no scheme, no port), lower-cased; [::1] may be written with or without brackets. */
const hostList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((host) =>
          host
            .trim()
            .toLowerCase()
            .replace(/^\[(.*)\]$/, '$1'),
        )
        .filter(Boolean),
    )
    .refine((hosts) => hosts.every((host) => /^[a-z0-9.:-]{1,253}$/.test(host)), {
      message: 'must be host names separated by commas, for example localhost,coach.example.org',
    });

/** An optional text where an empty value (as a blank line in .env gives) counts as absent. */
const optionalText = (schema: z.ZodString) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/**
 * Where Azure's channels live (public and government clouds, Teams' regional and GCC hosts). The bot's Azure
 * AD token goes only to https URLs on these hosts; the SDK documents the same rule as "trusted service URLs".
 */
export const DEFAULT_BOT_FRAMEWORK_HOSTS = [
  '*.botframework.com',
  'smba.trafficmanager.net',
  '*.botframework.us',
  '*.botframework.azure.us',
  '*.infra.gcc.teams.microsoft.com',
  '*.infra.gov.teams.microsoft.us',
  '*.infra.dod.teams.microsoft.us',
];

/** `a.example.org, *.example.com` -> lower-case patterns; undefined when one is not a host name. */
export function parseHostPatterns(value: string): string[] | undefined {
  const patterns = value
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  const host = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
  return patterns.every((p) => host.test(p)) ? patterns : undefined;
}

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().min(1).optional(),
    ALLOW_INSECURE_PUBLIC: booleanFlag,
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    MicrosoftAppId: z.string().default(''),
    MicrosoftAppPassword: z.string().default(''),
    MicrosoftAppType: z.enum(APP_TYPES).default('MultiTenant'),
    MicrosoftAppTenantId: z.string().default(''),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(256 * 1024),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    LLM_BASE_URL: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
    LLM_MODEL: z.string().default(''),
    LLM_API_KEY: z.string().default(''),
    LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(4000),
    OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    ALLOWED_HOSTS: hostList('localhost,127.0.0.1,::1'),
    ALLOWED_SERVICE_HOSTS: hostList(''),
    SAFETY_MODEL_SCREEN: booleanFlag,
    SAFETY_MODEL_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(1500),
    DIRECT_LINE_TOKEN_SECRET: optionalText(z.string().min(32, 'must be at least 32 characters')),
    DIRECT_LINE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
    DIRECT_LINE_RESUME_DAYS: z.coerce.number().int().min(1).max(400).default(90),
    DIRECT_LINE_MAX_ACTIVITY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(1024 * 1024)
      .default(32 * 1024),
    DIRECT_LINE_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
    DIRECT_LINE_NEW_CONVERSATIONS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
    DIRECT_LINE_MAX_SOCKETS: z.coerce.number().int().min(1).max(100_000).default(500),
    DIRECT_LINE_MAX_SOCKETS_PER_CONVERSATION: z.coerce.number().int().min(1).max(100).default(4),
    DIRECT_LINE_MAX_SOCKETS_PER_CLIENT: z.coerce.number().int().min(1).max(100_000).default(20),
    DIRECT_LINE_SECRET: optionalText(z.string()),
    DIRECT_LINE_DOMAIN: z
      .string()
      .default('https://directline.botframework.com/v3/directline')
      .refine((value) => /^https?:\/\/[^/]+/.test(value), {
        message: 'must be an http(s) URL, for example https://directline.botframework.com/v3/directline',
      }),
    SLACK_SIGNING_SECRET: optionalText(
      z.string().min(16, 'must be the signing secret from your Slack app (Basic Information)'),
    ),
    SLACK_BOT_TOKEN: optionalText(
      z.string().regex(/^xoxb-/, { message: 'must be a bot token (it starts with xoxb-)' }),
    ),
    SLACK_APP_TOKEN: optionalText(
      z.string().regex(/^xapp-/, {
        message: 'must be an app-level token (it starts with xapp-) with the connections:write scope',
      }),
    ),
    BOT_FRAMEWORK_SERVICE_URLS: z
      .string()
      .default(DEFAULT_BOT_FRAMEWORK_HOSTS.join(','))
      .refine((value) => parseHostPatterns(value) !== undefined, {
        message:
          'must be a comma-separated list of host names, each optionally starting with *. (for example *.botframework.com,smba.trafficmanager.net)',
      }),
    SLACK_API_URL: z.url({ protocol: /^https?$/ }).default('https://slack.com/api/'),
    TEAMS_WEBSITE_URL: z.url({ protocol: /^https$/ }).default('https://github.com/steady-coach/steady'),
    RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(365),
    RETENTION_CHECK_MINUTES: z.coerce
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(360),
    CHECKIN_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(24 * 3_600_000)
      .default(60_000),
    CHECKIN_SENDS_PER_SECOND: z.coerce.number().min(0).max(10_000).default(20),
    CHECKIN_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(16),
    CHECKIN_LEASE_MS: z.coerce
      .number()
      .int()
      .min(10_000)
      .max(24 * 3_600_000)
      .default(300_000),
    CHECKIN_SEND_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
    CHECKIN_FOLLOWUP_HOURS: z.coerce.number().min(1).max(144).default(24),
    TRUST_PROXY: z
      .string()
      .default('')
      .refine((value) => !('error' in parseTrustProxy(value)), {
        error: (issue) => {
          const parsed = parseTrustProxy(String(issue.input));
          return 'error' in parsed ? parsed.error : 'is not valid';
        },
      }),
    METRICS: z.enum(['off', 'loopback']).default('off'),
    METRICS_TOKEN: optionalText(z.string().min(16, 'must be at least 16 characters (a long random string)')),
    CHECKIN_QUIET_HOURS: z
      .string()
      .default('21:00-09:00')
      .refine((value) => parseQuietHours(value) !== undefined, {
        message: 'must look like 21:00-09:00 (start-end, 24-hour local time)',
      }),
  })
  .superRefine((env, ctx) => {
    const host = env.HOST ?? defaultHost(env.MicrosoftAppId);
    if (!env.MicrosoftAppId && !isLoopback(host) && !env.ALLOW_INSECURE_PUBLIC) {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message:
          'must be a loopback address (127.0.0.1, ::1, localhost) while MicrosoftAppId is empty, ' +
          'because requests are not authenticated; set MicrosoftAppId or ALLOW_INSECURE_PUBLIC=true',
      });
    }
    if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'is required when MicrosoftAppId is set',
      });
    }
    if (Boolean(env.LLM_BASE_URL) !== Boolean(env.LLM_MODEL)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.LLM_BASE_URL ? 'LLM_MODEL' : 'LLM_BASE_URL'],
        message: 'must be set together with the other (LLM_BASE_URL and LLM_MODEL)',
      });
    }
    if (env.SAFETY_MODEL_SCREEN && !env.LLM_BASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['SAFETY_MODEL_SCREEN'],
        message: 'needs a model: set LLM_BASE_URL and LLM_MODEL too',
      });
    }
    if ((env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN) && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message:
          'is required with SLACK_SIGNING_SECRET (Events API) or SLACK_APP_TOKEN (Socket Mode): it is the token replies are posted with',
      });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message:
          'or SLACK_APP_TOKEN must be set with SLACK_BOT_TOKEN (SLACK_SIGNING_SECRET for the Events API, SLACK_APP_TOKEN for Socket Mode)',
      });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: 'is required when MicrosoftAppType is SingleTenant',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  /** schema: from `?schema=name` on a postgres URL; the store uses (and creates) that schema instead of public. */
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema?: string; poolSize: number };
  auth: {
    appId: string;
    appPassword: string;
    appType: Env['MicrosoftAppType'];
    tenantId: string;
    /** Hosts the Bot Framework token may be sent to (BOT_FRAMEWORK_SERVICE_URLS); `*.` matches any subdomain. */
    trustedServiceHosts: string[];
  };
  logLevel: Env['LOG_LEVEL'];
  maxBodyBytes: number;
  shutdownGraceMs: number;
  /**
   * Without an app id /api/messages is unauthenticated: it then answers only requests whose Host (and
   * Origin, when sent) names one of `allowedHosts`, and replies only to serviceUrls on loopback or on
   * `allowedServiceHosts`.
   */
  unauthenticated: { allowedHosts: string[]; allowedServiceHosts: string[] };
  /** The longest any call to a channel (Bot Connector, Slack) may take before it is given up. */
  outboundTimeoutMs: number;
  /** The optional language model; undefined when LLM_BASE_URL is empty (the default). */
  llm?: { baseUrl: string; model: string; apiKey: string; timeoutMs: number };
  /**
   * The optional model screen (SAFETY_MODEL_SCREEN, off by default): messages the safety rules did not flag
   * are also shown to the model, which can only add the direct safety question, within timeoutMs.
   */
  safetyModelScreen?: { timeoutMs: number };
  directLine: DirectLineConfig;
  /** People inactive this long have all their data purged; checked every checkMinutes (0 = only by `npm run purge`). */
  retention: { days: number; checkMinutes: number };
  checkIns: {
    /** In-process scheduler wake-up; 0 = off (use `npm run checkins` from cron instead). */
    intervalMs: number;
    /** Pace of proactive sends; 0 = no pacing. */
    sendsPerSecond: number;
    concurrency: number;
    leaseMs: number;
    /** A proactive send that takes longer is retried later (capped at half the lease). */
    sendTimeoutMs: number;
    followupHours: number;
    quietHours: QuietHours;
  };
  /** The direct Slack route (Events API and/or Socket Mode); undefined unless SLACK_BOT_TOKEN is set. */
  slack?: SlackConfig;
  /** What `npm run teams:package` puts in the Teams manifest besides the bot id. */
  teams: { websiteUrl: string };
  /** Which proxies may name the client (X-Forwarded-For) for the per-client rate limits. */
  trustProxy: TrustProxy;
  /** GET /metrics: off (no route), or open to loopback requests, and/or to anyone sending the bearer token. */
  metrics: { enabled: boolean; loopback: boolean; token?: string };
}

export interface SlackConfig {
  /** The Events API over HTTP (signed requests); undefined = no HTTP routes. */
  signingSecret?: string;
  /** Socket Mode (xapp-...); undefined = no Socket Mode connection. */
  appToken?: string;
  botToken: string;
  /** Slack's Web API base URL, ending in a slash; tests point it at a fake on loopback. */
  apiUrl: string;
  /** Each Web API attempt gives up after this long (OUTBOUND_TIMEOUT_MS). */
  timeoutMs: number;
}

export interface DirectLineConfig {
  /** Signing secret from the environment; when absent one is generated once into dataDir. */
  tokenSecret?: string;
  /** The folder that holds the SQLite file; undefined for an in-memory database. */
  dataDir?: string;
  tokenTtlSeconds: number;
  resumeDays: number;
  maxActivityBytes: number;
  messagesPerMinute: number;
  newConversationsPerMinute: number;
  maxSockets: number;
  maxSocketsPerConversation: number;
  /** Open WebSocket streams one client address may hold, so one client cannot take every socket. */
  maxSocketsPerClient: number;
  /** Set when DIRECT_LINE_SECRET is: the page then gets Azure Direct Line tokens instead. */
  azure?: { secret: string; domain: string };
  /** The same as Config.trustProxy: decides the client address the per-client limits count under. */
  trustProxy: TrustProxy;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

function defaultHost(appId: string): string {
  return appId ? '0.0.0.0' : '127.0.0.1';
}

function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/** Parses the environment once; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0] ?? 'environment');
    const received =
      issue.code === 'invalid_value' || issue.code === 'invalid_type' ? describeAllowed(issue) : issue.message;
    throw new ConfigError(variable, received);
  }
  const e = parsed.data;
  const trustProxy = parseTrustProxy(e.TRUST_PROXY) as TrustProxy;
  const databaseFile = e.DATABASE_URL.startsWith('sqlite:') ? e.DATABASE_URL.replace(/^sqlite:(\/\/)?/, '') : undefined;
  return {
    port: e.PORT,
    host: e.HOST ?? defaultHost(e.MicrosoftAppId),
    database:
      databaseFile !== undefined
        ? { kind: 'sqlite', file: databaseFile }
        : { kind: 'postgres', ...splitPostgresSchema(e.DATABASE_URL), poolSize: e.DATABASE_POOL_SIZE },
    auth: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      trustedServiceHosts: parseHostPatterns(e.BOT_FRAMEWORK_SERVICE_URLS)!,
    },
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    unauthenticated: { allowedHosts: e.ALLOWED_HOSTS, allowedServiceHosts: e.ALLOWED_SERVICE_HOSTS },
    outboundTimeoutMs: e.OUTBOUND_TIMEOUT_MS,
    llm: e.LLM_BASE_URL
      ? { baseUrl: e.LLM_BASE_URL, model: e.LLM_MODEL, apiKey: e.LLM_API_KEY, timeoutMs: e.LLM_TIMEOUT_MS }
      : undefined,
    safetyModelScreen: e.SAFETY_MODEL_SCREEN && e.LLM_BASE_URL ? { timeoutMs: e.SAFETY_MODEL_TIMEOUT_MS } : undefined,
    directLine: {
      tokenSecret: e.DIRECT_LINE_TOKEN_SECRET,
      dataDir: databaseFile === undefined || databaseFile === ':memory:' ? undefined : dirname(databaseFile),
      tokenTtlSeconds: e.DIRECT_LINE_TOKEN_TTL_SECONDS,
      resumeDays: e.DIRECT_LINE_RESUME_DAYS,
      maxActivityBytes: e.DIRECT_LINE_MAX_ACTIVITY_BYTES,
      messagesPerMinute: e.DIRECT_LINE_MESSAGES_PER_MINUTE,
      newConversationsPerMinute: e.DIRECT_LINE_NEW_CONVERSATIONS_PER_MINUTE,
      maxSockets: e.DIRECT_LINE_MAX_SOCKETS,
      maxSocketsPerConversation: e.DIRECT_LINE_MAX_SOCKETS_PER_CONVERSATION,
      maxSocketsPerClient: e.DIRECT_LINE_MAX_SOCKETS_PER_CLIENT,
      azure: e.DIRECT_LINE_SECRET
        ? { secret: e.DIRECT_LINE_SECRET, domain: e.DIRECT_LINE_DOMAIN.replace(/\/+$/, '') }
        : undefined,
      trustProxy,
    },
    retention: { days: e.RETENTION_DAYS, checkMinutes: e.RETENTION_CHECK_MINUTES },
    checkIns: {
      intervalMs: e.CHECKIN_INTERVAL_MS,
      sendsPerSecond: e.CHECKIN_SENDS_PER_SECOND,
      concurrency: e.CHECKIN_CONCURRENCY,
      leaseMs: e.CHECKIN_LEASE_MS,
      sendTimeoutMs: e.CHECKIN_SEND_TIMEOUT_MS,
      followupHours: e.CHECKIN_FOLLOWUP_HOURS,
      quietHours: parseQuietHours(e.CHECKIN_QUIET_HOURS)!,
    },
    slack: e.SLACK_BOT_TOKEN
      ? {
          signingSecret: e.SLACK_SIGNING_SECRET,
          appToken: e.SLACK_APP_TOKEN,
          botToken: e.SLACK_BOT_TOKEN,
          apiUrl: e.SLACK_API_URL.replace(/\/*$/, '/'),
          timeoutMs: e.OUTBOUND_TIMEOUT_MS,
        }
      : undefined,
    teams: { websiteUrl: e.TEAMS_WEBSITE_URL.replace(/\/+$/, '') },
    trustProxy,
    metrics: {
      enabled: e.METRICS === 'loopback' || e.METRICS_TOKEN !== undefined,
      loopback: e.METRICS === 'loopback',
      token: e.METRICS_TOKEN,
    },
  };
}

function describeAllowed(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `must be one of: ${issue.values.map(String).join(', ')}`;
  return issue.message;
}

/** Reads an optional .env file into process.env without overriding what is already set. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
