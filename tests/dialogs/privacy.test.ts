import Database from 'better-sqlite3';
import type { PersonalDataOwner } from '../../src/platform/storage/repositories';
import { EXPORT_FORMAT, type PersonalDataExport } from '../../src/features/privacy/personalData';
import {
  messageActivity,
  postActivity,
  say,
  startTestApp,
  type TestApp,
  type TurnOptions,
  withTestApp,
} from '../support/app';

/** Every value in every table of the SQLite file, as one string to search. */
function dumpDatabase(file: string): { tables: string[]; text: string } {
  const db = new Database(file, { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  const text = tables.map((table) => JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all())).join('\n');
  db.close();
  return { tables, text };
}

function decodeDataUrl(url: string): string {
  const [, base64] = /^data:application\/json;charset=utf-8;base64,(.+)$/.exec(url) ?? [];
  return Buffer.from(base64, 'base64').toString('utf8');
}

describe('privacy controls', () => {
  let t: TestApp;
  let text: (key: string, vars?: Record<string, string | number>) => string;
  beforeAll(async () => {
    t = await startTestApp();
    text = (key, vars) => t.app.services.content.text(key, vars);
  });
  afterAll(async () => t.stop());

  test('"privacy" shows the policy at any time, and the prompt that was waiting asks again', async () => {
    const options = { conversationId: 'policy', userId: 'policy-person' };
    await say(t.baseUrl, 'hi', options);
    const policy = [text('privacy.policy'), text('privacy.retention', { retentionDays: 365 }), text('privacy.rights')];
    expect(await say(t.baseUrl, 'privacy', options)).toEqual([...policy, text('menu.prompt')]);
    expect(policy[1]).toContain('365 days');
    await say(t.baseUrl, 'delete my data', options);
    expect(await say(t.baseUrl, 'Privacy policy', options)).toEqual([...policy, text('privacy.delete.confirm')]);
  });

  test('"export my data" sends a JSON file and a readable summary through the same channel', async () => {
    const options = { conversationId: 'export-c1', userId: 'export-person' };
    const personId = 'test:export-person';
    await say(t.baseUrl, 'hi', options);
    await t.app.services.store.consents.set(personId, 'granted', text('privacy.version'), t.clock.now());
    await say(t.baseUrl, 'I want to kill myself', options);
    await say(t.baseUrl, 'hello', { ...options, conversationId: 'export-c2' });

    const { replies } = await postActivity(t.baseUrl, messageActivity('export my data', options));
    const [exported, menu] = replies;
    expect(menu.text).toBe(text('menu.prompt'));
    expect(exported.text).toBe(
      [
        text('privacy.export.intro'),
        text('privacy.export.sections.people', { createdAt: '2026-12-01', lastSeenAt: '2026-12-01' }),
        text('privacy.export.sections.consent', {
          status: text('privacy.export.values.granted'),
          decidedAt: '2026-12-01',
        }),
        text('privacy.export.sections.safetyEvents', { count: 1 }),
        text('privacy.export.sections.botState', { count: 3 }),
        text('privacy.export.sections.conversation_refs', { count: 1 }),
        text('privacy.export.nothingElse'),
      ].join('\n'),
    );
    const [file] = exported.attachments ?? [];
    expect(file).toMatchObject({ name: 'steady-my-data-2026-12-01.json', contentType: 'application/json' });
    const data = JSON.parse(decodeDataUrl(file.contentUrl!)) as PersonalDataExport;
    expect(data.format).toBe(EXPORT_FORMAT);
    expect(data.personId).toBe(personId);
    expect(data.sections.people).toMatchObject({ personId, channelId: 'test' });
    expect(data.sections.consent).toMatchObject({ status: 'granted' });
    expect(data.sections.safetyEvents).toEqual([{ kind: 'suicide', occurredAt: '2026-12-01T15:00:00.000Z' }]);
    const keys = (data.sections.botState as Array<{ key: string }>).map((s) => s.key).sort();
    expect(keys).toEqual([
      'test/conversations/export-c1/',
      'test/conversations/export-c2/',
      'test/users/export-person/',
    ]);
    expect(JSON.stringify(data)).not.toContain('kill myself');
  });

  test('on a channel that cannot take files, the copy follows the summary as text', async () => {
    const options = { conversationId: 'export-sms', userId: 'export-sms-person', channelId: 'sms' };
    await say(t.baseUrl, 'hi', options);
    const { replies } = await postActivity(t.baseUrl, messageActivity('download my data', options));
    expect(replies[0].attachments ?? []).toHaveLength(0);
    expect(replies[0].text).toContain(text('privacy.export.intro'));
    const json = replies[0].text!.slice(replies[0].text!.indexOf('{'));
    expect(JSON.parse(json).personId).toBe('sms:export-sms-person');
  });

  test('"delete my data" asks first; "no" keeps everything', async () => {
    const options = { conversationId: 'keep', userId: 'keep-person' };
    await say(t.baseUrl, 'hi', options);
    expect(await say(t.baseUrl, 'delete my data', options)).toEqual([text('privacy.delete.confirm')]);
    expect(await say(t.baseUrl, 'No, keep it', options)).toEqual([text('privacy.delete.kept'), text('menu.prompt')]);
    expect(await t.app.services.store.people.get('test:keep-person')).toBeDefined();
  });

  test('"delete my data" then "yes" removes every row and state item of theirs from every table; others are untouched', async () => {
    const externalCalls: string[] = [];
    const webHistory: PersonalDataOwner = {
      name: 'webHistory',
      exportFor: async () => [],
      deleteFor: async (personId) => void externalCalls.push(personId),
    };
    t.app.services.store.registerPersonalData(webHistory);

    const gone: TurnOptions = { conversationId: 'zq-doomed-conv-a', userId: 'zq-doomed-user' };
    const personId = 'test:zq-doomed-user';
    const other: TurnOptions = { conversationId: 'stays-conv', userId: 'stays-user' };
    for (const who of [gone, other]) await say(t.baseUrl, 'hi', who);
    for (const id of [personId, 'test:stays-user'])
      await t.app.services.store.consents.set(id, 'granted', text('privacy.version'), t.clock.now());
    await say(t.baseUrl, 'I want to die', gone);
    await say(t.baseUrl, "I can't do this anymore", gone);
    await say(t.baseUrl, 'no', gone);
    await say(t.baseUrl, 'hi', { ...gone, conversationId: 'zq-doomed-conv-b' });
    await say(t.baseUrl, 'I want to die', other);
    expect(dumpDatabase(t.dbFile).text).toContain('zq-doomed');

    expect(await say(t.baseUrl, 'delete my data', gone)).toEqual([text('privacy.delete.confirm')]);
    const { replies } = await postActivity(t.baseUrl, messageActivity('yes', gone));
    // The confirmation, then the event every channel gets (CONTRACTS item 2).
    expect(replies.map((r) => [r.type, r.text ?? r.name])).toEqual([
      ['message', text('privacy.delete.done')],
      ['event', 'steady.dataDeleted'],
    ]);

    const { tables, text: everything } = dumpDatabase(t.dbFile);
    expect(tables).toEqual(
      expect.arrayContaining(['people', 'bot_state', 'consents', 'safety_events', 'person_state_keys']),
    );
    expect(everything).not.toContain('zq-doomed');
    expect(everything).toContain('stays-user');
    expect(await t.app.services.store.safetyEvents.listFor('test:stays-user')).toHaveLength(1);
    expect(externalCalls).toEqual([personId]);
    expect(t.logs.text).not.toContain('zq-doomed');

    // The next message is a first meeting again.
    const fresh = await say(t.baseUrl, 'hello', gone);
    expect(fresh.slice(0, 3)).toEqual([text('welcome.greeting'), text('welcome.notClinician'), text('privacy.notice')]);
  });

  test('a failing owner is reported plainly and nothing is claimed done', async () => {
    await withTestApp({}, async (other) => {
      other.app.services.store.registerPersonalData({
        name: 'flaky',
        exportFor: async () => null,
        deleteFor: async () => {
          throw new Error('disk on fire');
        },
      });
      const options = { conversationId: 'flaky', userId: 'flaky-person' };
      await say(other.baseUrl, 'hi', options);
      await say(other.baseUrl, 'delete my data', options);
      expect(await say(other.baseUrl, 'yes', options)).toEqual([
        other.app.services.content.text('privacy.delete.failed'),
        other.app.services.content.text('menu.prompt'),
      ]);
      expect(other.logs.text).toContain('personal data deletion failed');
      expect(other.logs.text).not.toContain('disk on fire');
    });
  });

  test('the export file is a data URL only where the channel takes files', async () => {
    const rendered = t.app.services.renderer.render(
      { text: 'x', files: [{ name: 'a.json', contentType: 'application/json', content: '{"a":1}' }] },
      'webchat',
    );
    expect(rendered.attachments?.[0].contentUrl).toBe(
      `data:application/json;charset=utf-8;base64,${Buffer.from('{"a":1}').toString('base64')}`,
    );
  });
});
