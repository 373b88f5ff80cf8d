import { z } from 'zod';

/**
 * The part of the official Microsoft Teams app manifest schema v1.17
 * (https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json) that a
 * bot-only app uses, written out by hand as zod: the schema can't be downloaded in this build
 * environment. Field names, required fields, patterns, enums and length limits follow the official
 * schema; sections this app never sets (tabs, connectors, compose extensions, ...) are refused rather
 * than modelled, so an unexpected field fails the test instead of passing unchecked.
 */
export const MANIFEST_VERSION = '1.17';
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

const guid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/);
const semver = z.string().max(256).regex(/^([0-9]|[1-9][0-9]*)\.([0-9]|[1-9][0-9]*)\.([0-9]|[1-9][0-9]*)$/);
const httpsUrl = z.string().max(2048).regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^\s]+$/);
const relativePath = z.string().max(2048).regex(/^(?![a-zA-Z]+:)[^\s\\]+$/, { message: 'must be a file in the package' });
const botScope = z.enum(['team', 'personal', 'groupChat']);

const command = z.object({ title: z.string().max(32), description: z.string().max(128) }).strict();

export const teamsManifestSchema = z
  .object({
    $schema: z.string().optional(),
    manifestVersion: z.literal(MANIFEST_VERSION),
    version: semver,
    id: guid,
    localizationInfo: z.never().optional(),
    developer: z
      .object({
        name: z.string().min(1).max(32),
        mpnId: z.string().max(10).optional(),
        websiteUrl: httpsUrl,
        privacyUrl: httpsUrl,
        termsOfUseUrl: httpsUrl,
      })
      .strict(),
    name: z.object({ short: z.string().min(1).max(30), full: z.string().max(100).optional() }).strict(),
    description: z.object({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }).strict(),
    icons: z.object({ outline: relativePath, color: relativePath }).strict(),
    accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    bots: z
      .array(
        z
          .object({
            botId: z.string().max(64).regex(/^[0-9a-zA-Z-]+$/),
            needsChannelSelector: z.boolean().optional(),
            isNotificationOnly: z.boolean().optional(),
            supportsFiles: z.boolean().optional(),
            supportsCalling: z.boolean().optional(),
            supportsVideo: z.boolean().optional(),
            scopes: z.array(botScope).min(1).max(3).refine((s) => new Set(s).size === s.length, { message: 'scopes must be unique' }),
            commandLists: z.array(z.object({ scopes: z.array(botScope).min(1).max(3), commands: z.array(command).max(10) }).strict()).max(3).optional(),
          })
          .strict(),
      )
      .max(1)
      .optional(),
    permissions: z.array(z.enum(['identity', 'messageTeamMembers'])).optional(),
    validDomains: z.array(z.string().max(2048)).max(16).optional(),
    showLoadingIndicator: z.boolean().optional(),
    isFullScreen: z.boolean().optional(),
    defaultInstallScope: z.enum(['personal', 'team', 'groupChat', 'meetings']).optional(),
  })
  .strict();

export type TeamsManifest = z.infer<typeof teamsManifestSchema>;
