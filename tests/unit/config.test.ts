import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/platform/config';

describe('loadConfig', () => {
  test('defaults: port 3978, loopback, SQLite under ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database).toEqual({ kind: 'sqlite', file: './data/coach.db' });
    expect(config.auth.appId).toBe('');
    expect(config.logLevel).toBe('info');
  });

  test('postgres: ?schema= picks a schema and is taken out of the URL the driver sees; a bad name is refused', () => {
    const url = 'postgres://coach:pw@db:5432/coach';
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ kind: 'postgres', url, poolSize: 10 });
    expect(loadConfig({ DATABASE_URL: `${url}?schema=steady_a`, DATABASE_POOL_SIZE: '4' }).database).toEqual({
      kind: 'postgres',
      url,
      schema: 'steady_a',
      poolSize: 4,
    });
    expect(loadConfig({ DATABASE_URL: `${url}?sslmode=require&schema=s1` }).database).toMatchObject({
      url: `${url}?sslmode=require`,
      schema: 's1',
    });
    expect(loadConfig({ DATABASE_URL: `${url}?schema=s1&sslmode=require` }).database).toMatchObject({
      url: `${url}?sslmode=require`,
      schema: 's1',
    });
    expect(() => loadConfig({ DATABASE_URL: `${url}?schema=x;drop` })).toThrow(ConfigError);
  });

  test('Direct Line defaults work offline: self-hosted, secret kept next to the database', () => {
    const { directLine } = loadConfig({
      DATABASE_URL: 'sqlite:/var/lib/steady/coach.db',
      DIRECT_LINE_TOKEN_SECRET: '',
    });
    expect(directLine).toMatchObject({
      tokenSecret: undefined,
      dataDir: '/var/lib/steady',
      tokenTtlSeconds: 3600,
      maxActivityBytes: 32768,
      messagesPerMinute: 30,
      azure: undefined,
    });
    expect(
      loadConfig({ DIRECT_LINE_SECRET: 'abc', DIRECT_LINE_DOMAIN: 'http://127.0.0.1:9/v3/directline/' }).directLine
        .azure,
    ).toEqual({
      secret: 'abc',
      domain: 'http://127.0.0.1:9/v3/directline',
    });
  });

  test('an app id moves the default host to all interfaces', () => {
    const config = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' });
    expect(config.host).toBe('0.0.0.0');
  });

  test.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL'],
    [{ HOST: '0.0.0.0' }, 'HOST'],
    [{ HOST: '192.168.1.4' }, 'HOST'],
    [{ MicrosoftAppType: 'Something' }, 'MicrosoftAppType'],
    [{ MicrosoftAppId: 'app' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppId: 'app', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
    [{ ALLOW_INSECURE_PUBLIC: 'yes' }, 'ALLOW_INSECURE_PUBLIC'],
    [{ DIRECT_LINE_TOKEN_SECRET: 'short' }, 'DIRECT_LINE_TOKEN_SECRET'],
    [{ DIRECT_LINE_TOKEN_TTL_SECONDS: '10' }, 'DIRECT_LINE_TOKEN_TTL_SECONDS'],
    [{ DIRECT_LINE_MESSAGES_PER_MINUTE: '0' }, 'DIRECT_LINE_MESSAGES_PER_MINUTE'],
    [{ DIRECT_LINE_MAX_SOCKETS: 'many' }, 'DIRECT_LINE_MAX_SOCKETS'],
    [{ DIRECT_LINE_DOMAIN: 'directline.example' }, 'DIRECT_LINE_DOMAIN'],
  ])('%j is refused, naming %s', (env, variable) => {
    let thrown: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).variable).toBe(variable);
    expect((thrown as Error).message).toContain(variable);
  });

  test('a public host is allowed without an app id only when ALLOW_INSECURE_PUBLIC=true', () => {
    expect(loadConfig({ HOST: '0.0.0.0', ALLOW_INSECURE_PUBLIC: 'true' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
    expect(loadConfig({ HOST: 'localhost' }).host).toBe('localhost');
  });

  test('the server refuses to start on a bad value: one line naming the variable, non-zero exit', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '../../src/index.ts')], {
      env: { PATH: process.env.PATH, PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(result.status).toBe(2);
    const lines = result.stderr
      .trim()
      .split('\n')
      .filter((l) => !l.includes('DeprecationWarning') && !l.includes('trace-deprecation'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: PORT /);
  });
});
