import { type FakeChannel, startFakeChannel } from '../../bench/fakeChannel';
import { grantConsent, say, startTestApp, type TestApp } from '../support/app';
import { appDatabaseEnv, type DatabaseKind } from '../support/databases';

export interface CheckInHarness {
  t: TestApp;
  channel: FakeChannel;
  text(key: string, vars?: Record<string, string | number>): string;
  /** A person chatting on the 'test' channel whose proactive messages go to the fake channel. */
  person(id: string, extra?: Record<string, unknown>): Person;
  stop(): Promise<void>;
}

export interface Person {
  id: string;
  personId: string;
  conversationId: string;
  chat(text: string): Promise<string[]>;
  /** Welcome, then `check-ins on`, a day and time, and a US zone. */
  enroll(dayAndTime?: string, zone?: string): Promise<string[]>;
  /** What the fake channel accepted for this person's conversation. */
  received(): FakeChannel['received'];
}

/** The real app (pacing off, no interval) plus a fake channel on loopback as everyone's serviceUrl. */
export async function startCheckInHarness(
  env: Record<string, string> = {},
  database: DatabaseKind = 'sqlite',
): Promise<CheckInHarness> {
  const channel = await startFakeChannel();
  const db = appDatabaseEnv(database);
  const t = await startTestApp({ env: { CHECKIN_SENDS_PER_SECOND: '0', CHECKIN_INTERVAL_MS: '0', ...db.env, ...env } });
  const text = (key: string, vars?: Record<string, string | number>) => t.app.services.content.text(key, vars);
  return {
    t,
    channel,
    text,
    person(id, extra) {
      const conversationId = `${id}-conversation`;
      // Check-ins keep personal data, so these people have agreed already (the consent gate has its own tests).
      const consented = grantConsent(t, `test:${id}`);
      const chat = async (message: string) => {
        await consented;
        return say(t.baseUrl, message, { conversationId, userId: id, serviceUrl: channel.serviceUrl, extra });
      };
      return {
        id,
        personId: `test:${id}`,
        conversationId,
        chat,
        async enroll(dayAndTime = 'sunday 6pm', zone = 'Eastern') {
          await chat('hi');
          await chat('check-ins on');
          await chat(dayAndTime);
          return chat(zone);
        },
        received: () => channel.received.filter((r) => r.conversationId === conversationId),
      };
    },
    async stop() {
      await t.stop();
      await channel.close();
      await db.dispose();
    },
  };
}
