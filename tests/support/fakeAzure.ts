import { ServiceClientCredentialsFactory, TokenCredentials } from 'botframework-connector';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type WebResource = Parameters<TokenCredentials['signRequest']>[0];

export const FAKE_APP_ID = '00000000-0000-0000-0000-0000000000a1';

/**
 * A fake Azure AD token endpoint on loopback (the true edge Bot Framework credentials talk to): every token
 * request is recorded and answered with a fresh, recognisable token. `unreachable()` gives a factory whose
 * endpoint is a closed port, like a server that cannot reach Azure at all.
 */
export class FakeAzureAd {
  readonly tokenRequests: Array<{ appId: string; audience?: string }> = [];
  readonly issued: string[] = [];
  private server?: Server;
  private url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const appId = req.headers['x-app-id'] as string;
      this.tokenRequests.push({ appId, audience: req.headers['x-audience'] as string | undefined });
      const token = `bf-token-${this.issued.length + 1}`;
      this.issued.push(token);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: token, expires_in: 3600 }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/token`;
  }

  /** The credentials factory the app gets (AppOverrides.botFrameworkCredentials). */
  credentials(): ServiceClientCredentialsFactory {
    return new TokenEndpointCredentialsFactory(() => this.url);
  }

  /** A factory whose token endpoint nobody answers (a port that was just closed). */
  static async unreachable(): Promise<{ factory: ServiceClientCredentialsFactory; attempts: () => number }> {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/token`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const factory = new TokenEndpointCredentialsFactory(() => url);
    return { factory, attempts: () => factory.attempts };
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

class TokenEndpointCredentialsFactory extends ServiceClientCredentialsFactory {
  attempts = 0;

  constructor(private readonly endpoint: () => string) {
    super();
  }

  async isValidAppId(appId: string): Promise<boolean> {
    return appId === FAKE_APP_ID;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  async createCredentials(appId: string, audience: string | undefined): Promise<TokenCredentials> {
    return new TokenEndpointCredentials(async () => {
      this.attempts++;
      const response = await fetch(this.endpoint(), {
        method: 'POST',
        headers: { 'x-app-id': appId, 'x-audience': audience ?? '' },
      });
      return ((await response.json()) as { access_token: string }).access_token;
    });
  }
}

/** Like the SDK's app credentials: fetches a token when a request is signed, then attaches it. */
class TokenEndpointCredentials extends TokenCredentials {
  constructor(private readonly fetchToken: () => Promise<string>) {
    super('pending');
  }

  override async signRequest(webResource: WebResource): Promise<WebResource> {
    this.token = await this.fetchToken();
    return super.signRequest(webResource);
  }
}
