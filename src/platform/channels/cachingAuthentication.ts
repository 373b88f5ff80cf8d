import type { Activity } from 'botbuilder';
import {
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  JwtTokenValidation,
  type UserTokenClient,
} from 'botframework-connector';
import { DelegatingAuthentication } from './DelegatingAuthentication';

/** Enough for every channel's serviceUrl a deployment sees; cleared whole when full, so it never grows. */
const MAX_CACHED_CLIENTS = 1000;

/** A bounded map of promises that forgets an entry whose promise fails, so a failure is retried next time. */
class PromiseCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  get(key: string, make: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= MAX_CACHED_CLIENTS) this.entries.clear();
      entry = make();
      entry.catch(() => this.entries.delete(key));
      this.entries.set(key, entry);
    }
    return entry;
  }
}

class CachingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: PromiseCache<ConnectorClient>,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.clients.get(`${this.appId}|${serviceUrl}|${audience ?? ''}`, () =>
      this.inner.create(serviceUrl, audience),
    );
  }
}

/**
 * Wraps Bot Framework authentication so connector and user-token clients are made once per app id,
 * serviceUrl and audience and then reused. CloudAdapter otherwise builds both clients (an HTTP pipeline
 * each) on every turn, which costs more than the rest of a short turn. Clients hold no per-turn state;
 * their credentials fetch and refresh tokens on their own.
 */
export class ClientCachingAuthentication extends DelegatingAuthentication {
  private readonly connectors = new PromiseCache<ConnectorClient>();
  private readonly userTokens = new PromiseCache<UserTokenClient>();

  constructor(inner: BotFrameworkAuthentication) {
    super(inner);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.withCachingFactory(await this.inner.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.withCachingFactory(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.caching(claimsIdentity, this.inner.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokens.get(appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  private withCachingFactory(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.caching(result.claimsIdentity, result.connectorFactory) };
  }

  private caching(claimsIdentity: ClaimsIdentity, factory: ConnectorFactory): ConnectorFactory {
    return new CachingConnectorFactory(factory, appIdOf(claimsIdentity), this.connectors);
  }
}

/**
 * Who the clients act for: the bot's app id (the token's audience, what the SDK builds clients with) and the
 * calling app's id, so a skill's caller never shares a client with a channel. Both are '' for a local bot.
 */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  const audience = claimsIdentity.claims.find((claim) => claim.type === 'aud')?.value ?? '';
  return `${audience}|${JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? ''}`;
}
