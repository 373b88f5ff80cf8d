import type { Activity } from 'botbuilder';
import {
  type AuthenticateRequestResult,
  BotFrameworkAuthentication,
  type BotFrameworkClient,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  TokenCredentials,
  type UserTokenClient,
} from 'botframework-connector';
import { ClientCachingAuthentication } from '../../src/platform/channels/cachingAuthentication';

/** The edge: authentication that counts every client it makes and can be told to fail once. */
class CountingAuthentication extends BotFrameworkAuthentication {
  connectorsMade = 0;
  userTokenClientsMade = 0;
  failNext = false;

  private factory(): ConnectorFactory {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the inner class's methods read the outer fake
    const self = this;
    return new (class extends ConnectorFactory {
      async create(serviceUrl: string): Promise<ConnectorClient> {
        if (self.failNext) {
          self.failNext = false;
          throw new Error('no token');
        }
        self.connectorsMade++;
        return new ConnectorClient(new TokenCredentials('t'), { baseUri: serviceUrl });
      }
    })();
  }
  async authenticateRequest(_activity: Activity, _authHeader: string): Promise<AuthenticateRequestResult> {
    const claimsIdentity = new ClaimsIdentity([{ type: 'aud', value: 'bot-app' }], true);
    return {
      audience: 'https://api.botframework.com',
      claimsIdentity,
      callerId: undefined,
      connectorFactory: this.factory(),
    };
  }
  authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
    return this.authenticateRequest({} as Activity, '');
  }
  createConnectorFactory(): ConnectorFactory {
    return this.factory();
  }
  async createUserTokenClient(): Promise<UserTokenClient> {
    this.userTokenClientsMade++;
    return {} as UserTokenClient;
  }
  override createBotFrameworkClient(): BotFrameworkClient {
    return {} as BotFrameworkClient;
  }
  override getOriginatingAudience(): string {
    return '';
  }
  override authenticateChannelRequest(): Promise<ClaimsIdentity> {
    return Promise.resolve(new ClaimsIdentity([], true));
  }
}

const identity = (aud: string) => new ClaimsIdentity([{ type: 'aud', value: aud }], true);

describe('ClientCachingAuthentication', () => {
  test('one connector client per app, serviceUrl and audience, reused across turns', async () => {
    const inner = new CountingAuthentication();
    const auth = new ClientCachingAuthentication(inner);
    const first = await (
      await auth.authenticateRequest({} as Activity, 'Bearer x')
    ).connectorFactory!.create('https://a.example/', 'aud1');
    const second = await (
      await auth.authenticateRequest({} as Activity, 'Bearer y')
    ).connectorFactory!.create('https://a.example/', 'aud1');
    expect(second).toBe(first);
    expect(await auth.createConnectorFactory(identity('bot-app')).create('https://a.example/', 'aud1')).toBe(first);
    expect(inner.connectorsMade).toBe(1);

    const otherUrl = await auth.createConnectorFactory(identity('bot-app')).create('https://b.example/', 'aud1');
    const otherAudience = await auth.createConnectorFactory(identity('bot-app')).create('https://a.example/', 'aud2');
    const otherApp = await auth.createConnectorFactory(identity('another-app')).create('https://a.example/', 'aud1');
    expect(new Set([first, otherUrl, otherAudience, otherApp]).size).toBe(4);
    expect(inner.connectorsMade).toBe(4);
  });

  test('a client that failed to be made is tried again next time', async () => {
    const inner = new CountingAuthentication();
    const auth = new ClientCachingAuthentication(inner);
    inner.failNext = true;
    await expect(auth.createConnectorFactory(identity('bot-app')).create('https://a.example/')).rejects.toThrow(
      'no token',
    );
    await expect(auth.createConnectorFactory(identity('bot-app')).create('https://a.example/')).resolves.toBeInstanceOf(
      ConnectorClient,
    );
    expect(inner.connectorsMade).toBe(1);
  });

  test('one user-token client per app id', async () => {
    const inner = new CountingAuthentication();
    const auth = new ClientCachingAuthentication(inner);
    const a = await auth.createUserTokenClient(identity('bot-app'));
    expect(await auth.createUserTokenClient(identity('bot-app'))).toBe(a);
    await auth.createUserTokenClient(identity('another-app'));
    expect(inner.userTokenClientsMade).toBe(2);
  });
});
