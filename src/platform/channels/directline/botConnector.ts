import {
  type BotFrameworkAuthentication,
  type ClaimsIdentity,
  ConnectorClient,
  type ConnectorClientOptions,
  ConnectorFactory,
  TokenCredentials,
} from 'botframework-connector';
import { DelegatingAuthentication } from '../DelegatingAuthentication';
import type { DirectLineTokens } from './tokens';

type WebResource = Parameters<TokenCredentials['signRequest']>[0];

/**
 * Where the bot reaches our own Direct Line channel: the server's loopback base URL, known once it
 * listens. Replies and proactive messages whose serviceUrl is this address carry a short-lived token
 * of kind 'bot' signed with the channel's secret, instead of an Azure AD token, with or without an app id.
 */
export class OwnChannelEndpoint {
  private base: URL | undefined;

  constructor(readonly tokens: DirectLineTokens) {}

  /** Called with the address the server bound; an unspecified address is reached on loopback. */
  setAddress(address: string, port: number): void {
    const host = address === '0.0.0.0' || address === '' ? '127.0.0.1' : address === '::' ? '::1' : address;
    this.base = new URL(`http://${host.includes(':') ? `[${host}]` : host}:${port}/`);
  }

  /** The serviceUrl stamped on inbound Direct Line activities. */
  get serviceUrl(): string {
    if (!this.base) throw new Error('The Direct Line channel has no address until the server listens');
    return this.base.href;
  }

  owns(serviceUrl: string | undefined): boolean {
    if (!this.base || !serviceUrl) return false;
    try {
      const url = new URL(serviceUrl);
      return url.origin === this.base.origin && (url.pathname === '/' || url.pathname === '');
    } catch {
      return false;
    }
  }

  credentials(): TokenCredentials {
    return new BotTokenCredentials(async () => (await this.tokens.issue('bot', { conv: '', user: '' })).token);
  }
}

/** A fresh bot token on every request, so a long-lived ConnectorClient never sends an expired one. */
class BotTokenCredentials extends TokenCredentials {
  constructor(private readonly mint: () => Promise<string>) {
    super('pending');
  }

  override async signRequest(webResource: WebResource): Promise<WebResource> {
    this.token = await this.mint();
    return super.signRequest(webResource);
  }
}

class OwnChannelConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly endpoint: OwnChannelEndpoint,
    private readonly options: ConnectorClientOptions,
  ) {
    super();
  }

  override async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    if (this.endpoint.owns(serviceUrl))
      return new ConnectorClient(this.endpoint.credentials(), { ...this.options, baseUri: serviceUrl });
    return this.inner.create(serviceUrl, audience);
  }
}

/**
 * Wraps the configured Bot Framework authentication: everything is delegated, except that connectors
 * for our own channel's serviceUrl use bot tokens. This one seam covers replies within a turn and
 * proactive `continueConversationAsync` sends alike.
 */
export class OwnChannelAuthentication extends DelegatingAuthentication {
  constructor(
    inner: BotFrameworkAuthentication,
    private readonly endpoint: OwnChannelEndpoint,
    /** The same connector options as the configured authentication's (the check-in sender's single attempt). */
    private readonly connectorOptions: ConnectorClientOptions = {},
  ) {
    super(inner);
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new OwnChannelConnectorFactory(
      this.inner.createConnectorFactory(claimsIdentity),
      this.endpoint,
      this.connectorOptions,
    );
  }
}
