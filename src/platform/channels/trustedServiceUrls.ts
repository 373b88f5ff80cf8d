import type { Activity } from 'botbuilder';
import {
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
} from 'botframework-connector';
import { DelegatingAuthentication } from './DelegatingAuthentication';

/** A connector was asked for a serviceUrl that is not a Bot Framework service: nothing is sent there. */
export class UntrustedServiceUrlError extends Error {
  constructor(readonly host: string) {
    super(`serviceUrl host ${host} is not in BOT_FRAMEWORK_SERVICE_URLS; the bot's token is not sent there`);
    this.name = 'UntrustedServiceUrlError';
  }
}

const isLoopback = (host: string) => host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * True when the bot's Azure AD token may go to this URL: https on a listed host (`*.` = any subdomain), or
 * plain http only on a loopback host that is listed itself (the Emulator, tests).
 */
export function isTrustedServiceUrl(serviceUrl: string | undefined, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl ?? '');
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  if (url.username || url.password) return false;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(host))) return false;
  return hosts.some((pattern) =>
    pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern,
  );
}

class TrustedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly hosts: readonly string[],
  ) {
    super();
  }

  override async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    if (!isTrustedServiceUrl(serviceUrl, this.hosts)) throw new UntrustedServiceUrlError(safeHost(serviceUrl));
    return this.inner.create(serviceUrl, audience);
  }
}

function safeHost(serviceUrl: string): string {
  try {
    return new URL(serviceUrl).host;
  } catch {
    return '(not a URL)';
  }
}

/**
 * botframework-connector's credentials attach the bot's token to whatever URL a connector calls. With an app
 * id configured, this wrapper refuses to make a connector (for replies and proactive sends alike) for any
 * serviceUrl outside the allow-list, so the token can only ever reach Bot Framework's own services.
 */
export class TrustedServiceUrlAuthentication extends DelegatingAuthentication {
  constructor(
    inner: ConstructorParameters<typeof DelegatingAuthentication>[0],
    private readonly hosts: readonly string[],
  ) {
    super(inner);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.guarded(await this.inner.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.guarded(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new TrustedConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), this.hosts);
  }

  private guarded(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory
      ? { ...result, connectorFactory: new TrustedConnectorFactory(result.connectorFactory, this.hosts) }
      : result;
  }
}
