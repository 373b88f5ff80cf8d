import type { Content } from '../../../content/Content';
import { ACCENT_COLOR, colorIcon, outlineIcon } from './icons';
import { MANIFEST_SCHEMA_URL, MANIFEST_VERSION, type TeamsManifest, teamsManifestSchema } from './manifestSchema';
import { writeZip } from './zip';

export const COLOR_ICON = 'color.png';
export const OUTLINE_ICON = 'outline.png';

export interface TeamsPackageInput {
  /** MicrosoftAppId: the Azure Bot's app id, used as the bot id and as the Teams app id. */
  appId: string;
  /** The app's version, from package.json (Teams wants major.minor.patch). */
  version: string;
  websiteUrl: string;
  content: Content;
}

/**
 * The Teams app manifest for a personal-scope bot. Names and descriptions come from content; only
 * personal scope is offered, because coaching is one to one (the gate refuses other scopes anyway).
 */
export function teamsManifest(input: TeamsPackageInput): TeamsManifest {
  const text = (key: string) => input.content.text(`teams.app.${key}`);
  const manifest: TeamsManifest = {
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
  return teamsManifestSchema.parse(manifest);
}

/** The zip Teams sideloads: manifest.json and the two icons at the root. */
export function teamsPackage(input: TeamsPackageInput): { manifest: TeamsManifest; zip: Buffer } {
  const manifest = teamsManifest(input);
  const zip = writeZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: COLOR_ICON, data: colorIcon() },
    { name: OUTLINE_ICON, data: outlineIcon() },
  ]);
  return { manifest, zip };
}
