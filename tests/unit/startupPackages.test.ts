import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from '../support/app';
import { freshPostgresUrl, TEST_DATABASE_URL } from '../support/postgres';

const ROOT = join(__dirname, '..', '..');

/** The npm packages a fresh process loads while building the app with this environment. */
async function packagesLoadedWith(env: Record<string, string>): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--disable-warning=DEP0111', '--import', 'tsx', join(ROOT, 'tests/support/loadedPackages.ts')],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        LOG_LEVEL: 'silent',
        DATABASE_URL: `sqlite:${join(makeTempDir('packages-'), 'coach.db')}`,
        ...env,
      },
    },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as string[];
}

// Start-up time is mostly module loading: the default deployment should not load what it does not use.
describe('packages loaded at start-up', () => {
  const optional = (name: string) =>
    name === 'pg' || name === 'prom-client' || name.startsWith('@langchain/') || name.startsWith('@slack/');
  // botbuilder-dialogs' public entry loads the Recognizers-Text libraries of its built-in prompts; importing
  // its internal lib/ modules to avoid that is no longer done (dependencies run as published).

  test('the default (SQLite, no model, no Slack, no metrics) loads no PostgreSQL driver, @langchain/core, Slack client or prom-client', async () => {
    const loaded = await packagesLoadedWith({});
    expect(loaded).toEqual(expect.arrayContaining(['better-sqlite3', 'botbuilder', 'botbuilder-dialogs', 'restify']));
    expect(loaded.filter(optional)).toEqual([]);
  }, 30_000);

  test('with a model and Slack configured, @langchain/core and the Slack Web API client are loaded', async () => {
    const loaded = await packagesLoadedWith({
      LLM_BASE_URL: 'http://127.0.0.1:9/v1',
      LLM_MODEL: 'any',
      SLACK_SIGNING_SECRET: 'test-signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-test',
    });
    expect(loaded).toEqual(expect.arrayContaining(['@langchain/core', '@slack/web-api']));
    // Socket Mode's client only with SLACK_APP_TOKEN.
    expect(loaded).not.toContain('@slack/socket-mode');
  }, 30_000);

  test('with Socket Mode configured, its client is loaded too', async () => {
    const loaded = await packagesLoadedWith({ SLACK_APP_TOKEN: 'xapp-1-A0-test', SLACK_BOT_TOKEN: 'xoxb-test' });
    expect(loaded).toEqual(expect.arrayContaining(['@slack/web-api', '@slack/socket-mode']));
  }, 30_000);

  // Only with a PostgreSQL server (.ci/run starts one); the two cases above run everywhere.
  (TEST_DATABASE_URL ? test : test.skip)(
    'on PostgreSQL, the SQLite native module is not loaded',
    async () => {
      const database = freshPostgresUrl();
      try {
        const loaded = await packagesLoadedWith({ DATABASE_URL: database.url });
        expect(loaded).toContain('pg');
        expect(loaded).not.toContain('better-sqlite3');
      } finally {
        await database.dispose();
      }
    },
    30_000,
  );
});
