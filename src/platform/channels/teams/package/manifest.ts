import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Content } from '../../../content/Content';
import { ROOT_DIR } from '../../../paths';

export const COLOR_ICON = 'color.png';
export const OUTLINE_ICON = 'outline.png';
/** The icons are committed PNG files: 192x192 full colour and 32x32 white outline on transparent. */
export const TEAMS_ICON_DIR = join(ROOT_DIR, 'deploy', 'teams');

/** Steady's accent colour (a calm green, the colour icon's background), also the manifest's accentColor. */
export const ACCENT_COLOR = '#2E7D6B';

/** tests/teams/ validates every manifest against Microsoft's published schema of this version. */
export const MANIFEST_VERSION = '1.17';
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

/** The fields of the manifest a personal-scope bot sets (Microsoft's schema has many more). */
export interface TeamsManifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  name: { short: string; full: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  accentColor: string;
  bots: Array<{ botId: string; scopes: Array<'personal' | 'team' | 'groupChat'>; supportsFiles: boolean; isNotificationOnly: boolean }>;
  permissions: Array<'identity' | 'messageTeamMembers'>;
  validDomains: string[];
  defaultInstallScope: 'personal';
}

export interface TeamsPackageInput {
  /** MicrosoftAppId: the Azure Bot's app id, used as the bot id and as the Teams app id. */
  appId: string;
  /** The app's version, from package.json (Teams wants major.minor.patch). */
  version: string;
  websiteUrl: string;
  content: Content;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const MAJOR_MINOR_PATCH = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

/** The three values that come from outside (config and package.json), checked before they reach the manifest. */
function checkInput(input: TeamsPackageInput): void {
  if (!GUID.test(input.appId)) throw new Error('The Teams app id (MicrosoftAppId) must be a GUID');
  if (!MAJOR_MINOR_PATCH.test(input.version)) throw new Error('The Teams app version must be major.minor.patch, like 1.0.0');
  if (!/^https?:\/\/\S+$/i.test(input.websiteUrl)) throw new Error('TEAMS_WEBSITE_URL must be a web address (https://...)');
}

/**
 * The Teams app manifest for a personal-scope bot. Names and descriptions come from content; only
 * personal scope is offered, because coaching is one to one (the gate refuses other scopes anyway).
 */
export function teamsManifest(input: TeamsPackageInput): TeamsManifest {
  checkInput(input);
  const text = (key: string) => input.content.text(`teams.app.${key}`);
  return {
    $schema: MANIFEST_SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    version: input.version,
    id: input.appId,
    developer: {
      name: text('developerName'),
      websiteUrl: input.websiteUrl,
      privacyUrl: `${input.websiteUrl}#privacy`,
      termsOfUseUrl: `${input.websiteUrl}#terms`,
    },
    name: { short: text('shortName'), full: text('fullName') },
    description: { short: text('shortDescription'), full: text('fullDescription') },
    icons: { color: COLOR_ICON, outline: OUTLINE_ICON },
    accentColor: ACCENT_COLOR,
    bots: [{ botId: input.appId, scopes: ['personal'], supportsFiles: false, isNotificationOnly: false }],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [],
    defaultInstallScope: 'personal',
  };
}

/** A fixed date for every entry keeps the package byte-for-byte reproducible. */
const ENTRY_TIME = new Date(1980, 0, 1);

/** The zip Teams sideloads: manifest.json and the two icons at the root. */
export function teamsPackage(input: TeamsPackageInput): { manifest: TeamsManifest; zip: Buffer } {
  const manifest = teamsManifest(input);
  const zip = zipSync(
    {
      'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
      [COLOR_ICON]: readFileSync(join(TEAMS_ICON_DIR, COLOR_ICON)),
      [OUTLINE_ICON]: readFileSync(join(TEAMS_ICON_DIR, OUTLINE_ICON)),
    },
    { mtime: ENTRY_TIME },
  );
  return { manifest, zip: Buffer.from(zip) };
}
