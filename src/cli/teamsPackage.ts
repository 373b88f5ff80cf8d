import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { teamsPackage } from '../platform/channels/teams/package/manifest';
import { ConfigError, loadConfig, loadDotEnv } from '../platform/config';
import { loadContent } from '../platform/content/loader';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * `npm run teams:package [-- --out <file>]`: writes the Teams app package (manifest.json, color and
 * outline icons) as a zip, with MicrosoftAppId as the bot id. Default: teams/steady-teams-app.zip.
 */
function main(): void {
  loadDotEnv();
  const config = loadConfig();
  if (!GUID.test(config.auth.appId)) {
    throw new ConfigError('MicrosoftAppId', "must be your Azure Bot's app id (a GUID) to build the Teams package");
  }
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : join('teams', 'steady-teams-app.zip'));
  const root = resolve(__dirname, '..', '..', '..');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const { zip, manifest } = teamsPackage({
    appId: config.auth.appId,
    version,
    websiteUrl: config.teams.websiteUrl,
    content: loadContent('en'),
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  process.stdout.write(
    `Wrote ${out} (Teams manifest ${manifest.manifestVersion}, bot ${manifest.bots?.[0]?.botId}).\n`,
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
}
