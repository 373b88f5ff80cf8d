import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationState,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import {
  type AuthenticateRequestResult,
  ConnectorClient,
  type ConnectorClientOptions,
  ConnectorFactory,
  type ServiceClientCredentialsFactory,
  TokenCredentials,
} from 'botframework-connector';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config';
import type { Content } from '../content/Content';
import { describeError, type Logger } from '../logger';
import { ClientCachingAuthentication } from './cachingAuthentication';
import { OwnChannelAuthentication, type OwnChannelEndpoint } from './directline/botConnector';
import type { MessageRenderer } from './render';
import { connectorOptions } from './connectorHttpClient';
import { TrustedServiceUrlAuthentication } from './trustedServiceUrls';

type WebResource = Parameters<TokenCredentials['signRequest']>[0];

/** Credentials for a turn that has no outbound connector: any attempt to call out fails instead of fetching a token. */
class NoOutboundCredentials extends TokenCredentials {
  constructor() {
    super('none');
  }

  override signRequest(_webResource: WebResource): Promise<WebResource> {
    return Promise.reject(
      new Error('a local turn has no Bot Framework connector (its replies are returned, not sent)'),
    );
  }
}

/** Connectors for local turns: never authenticated, never used (replies are collected with expectReplies). */
class LocalTurnConnectorFactory extends ConnectorFactory {
  override create(serviceUrl: string): Promise<ConnectorClient> {
    return Promise.resolve(new ConnectorClient(new NoOutboundCredentials(), { baseUri: serviceUrl }));
  }
}

const authConfiguration = (auth: Config['auth']) => ({
  MicrosoftAppId: auth.appId,
  MicrosoftAppPassword: auth.appPassword,
  MicrosoftAppType: auth.appType,
  MicrosoftAppTenantId: auth.tenantId,
});

/** CloudAdapter plus in-process entries for our own channels, the terminal chat and tools. */
export class CoachAdapter extends CloudAdapter {
  constructor(
    auth: ConstructorParameters<typeof CloudAdapter>[0],
    private readonly appId = '',
  ) {
    super(auth);
  }

  /**
   * Runs a turn for an activity that arrived over HTTP and passed the server's own checks, with the
   * request's Authorization header; returns what to answer with (the replies, for expectReplies).
   */
  processInbound(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }

  /**
   * Runs a turn with expectReplies and returns the replies (no HTTP, no channel). For in-process callers that
   * checked the activity themselves (the direct Slack route, the terminal chat): no Bot Framework JWT is
   * checked and no Bot Framework token is ever fetched, with or without an app id.
   */
  async processLocally(
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<Partial<Activity>[]> {
    const local: AuthenticateRequestResult = {
      audience: '',
      callerId: undefined,
      claimsIdentity: this.createClaimsIdentity(this.appId),
      connectorFactory: new LocalTurnConnectorFactory(),
    };
    const response = await this.processActivity(local, { ...activity, deliveryMode: 'expectReplies' }, logic);
    const body = response?.body as { activities?: Partial<Activity>[] } | undefined;
    return body?.activities ?? [];
  }

  /**
   * Runs a turn for an activity our self-hosted channel already authenticated (by its own signed
   * token), like CloudAdapter's named-pipe entry: no Bot Framework JWT is checked, and replies go to
   * the activity's serviceUrl through the connector factory, as they would for Azure's channels.
   */
  async processFromOwnChannel(activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const claimsIdentity = this.createClaimsIdentity(this.appId);
    const authenticated: AuthenticateRequestResult = {
      audience: '',
      callerId: undefined,
      claimsIdentity,
      connectorFactory: this.botFrameworkAuthentication.createConnectorFactory(claimsIdentity),
    };
    await this.processActivity(authenticated, activity, logic);
  }
}

/** Every call to a channel gives up after this long unless the config says otherwise (OUTBOUND_TIMEOUT_MS). */
export const DEFAULT_OUTBOUND_TIMEOUT_MS = 15_000;

/**
 * credentials: where Azure AD tokens come from; the default is the SDK's own (from the app id and password).
 * Tests replace it with a fake token source on loopback. Every connector call times out after timeoutMs.
 */
export function createCloudAdapter(
  auth: Config['auth'],
  ownChannel?: OwnChannelEndpoint,
  credentials?: ServiceClientCredentialsFactory,
  timeoutMs = DEFAULT_OUTBOUND_TIMEOUT_MS,
): CoachAdapter {
  return adapterWith(auth, ownChannel, credentials, connectorOptions({ timeoutMs }));
}

/** A CloudAdapter for proactive sends (weekly check-ins), configured like the app's, whose connectors try each request once. */
export function createProactiveAdapter(
  auth: Config['auth'],
  ownChannel?: OwnChannelEndpoint,
  credentials?: ServiceClientCredentialsFactory,
  timeoutMs = DEFAULT_OUTBOUND_TIMEOUT_MS,
): CoachAdapter {
  // Check-ins retry durably through the due-queue instead of sleeping inside a send.
  return adapterWith(auth, ownChannel, credentials, connectorOptions({ timeoutMs, singleAttempt: true }));
}

function adapterWith(
  auth: Config['auth'],
  ownChannel: OwnChannelEndpoint | undefined,
  credentials: ServiceClientCredentialsFactory | undefined,
  options: ConnectorClientOptions,
): CoachAdapter {
  return new CoachAdapter(
    new ClientCachingAuthentication(channelAuthentication(auth, ownChannel, credentials, options)),
    auth.appId,
  );
}

/**
 * Bot Framework authentication from config. With an app id, connectors are made only for allow-listed
 * service URLs (the token stays with Bot Framework); our own Direct Line channel's replies use its bot tokens.
 */
function channelAuthentication(
  auth: Config['auth'],
  ownChannel?: OwnChannelEndpoint,
  credentials?: ServiceClientCredentialsFactory,
  connectorOptions?: ConnectorClientOptions,
) {
  const configured = new ConfigurationBotFrameworkAuthentication(
    authConfiguration(auth),
    credentials,
    undefined,
    undefined,
    connectorOptions,
  );
  const guarded = auth.appId ? new TrustedServiceUrlAuthentication(configured, auth.trustedServiceHosts) : configured;
  return ownChannel ? new OwnChannelAuthentication(guarded, ownChannel, connectorOptions) : guarded;
}

/**
 * When a turn fails: log an error id (never message text), tell the person in plain words, and reset
 * only the conversation's dialog stack. Their saved profile (user state) is left alone.
 */
export function installTurnErrorHandler(
  adapter: CloudAdapter,
  deps: { conversationState: ConversationState; content: Content; renderer: MessageRenderer; logger: Logger },
): void {
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    const errorId = randomUUID().slice(0, 8);
    deps.logger.error({ errorId, error: describeError(error), channelId: context.activity.channelId }, 'turn failed');
    try {
      // Deleting the stored dialog state is the whole reset: saving after it would write an empty row
      // back, and after "delete my data" that row would belong to no one (nothing ever removes it).
      await deps.conversationState.delete(context);
    } catch (resetError) {
      deps.logger.error({ errorId, error: describeError(resetError) }, 'could not reset dialog state');
    }
    try {
      const reply = deps.renderer.render(
        { text: deps.content.text('errors.generic', { errorId }) },
        context.activity.channelId,
      );
      await context.sendActivity(reply);
    } catch (sendError) {
      deps.logger.error({ errorId, error: describeError(sendError) }, 'could not tell the person about the error');
    }
  };
}
