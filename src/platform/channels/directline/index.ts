import type { TurnContext } from 'botbuilder';
import type { ChannelServices } from '../services';
import type { DirectLineConfig } from '../../config';
import type { ServerMount } from '../../http/mount';
import type { CoachAdapter } from '../adapter';
import { OwnChannelEndpoint } from './botConnector';
import { DirectLineChannel } from './DirectLineChannel';
import { mountDirectLine } from './routes';
import { DirectLineStream } from './stream';
import { DirectLineTokens, loadTokenSecret } from './tokens';

export { OwnChannelEndpoint } from './botConnector';
export { DirectLineChannel } from './DirectLineChannel';
export { TOKEN_ENDPOINT, type PageSession } from './routes';

const STREAM_TOKEN_SECONDS = 120;
const BOT_TOKEN_SECONDS = 300;

/** Step one, before the adapter exists: the signing keys and the address the bot will post to. */
export function createDirectLineEndpoint(
  config: DirectLineConfig,
  services: Pick<ChannelServices, 'clock'>,
): OwnChannelEndpoint {
  const tokens = new DirectLineTokens(
    loadTokenSecret({ secret: config.tokenSecret, dataDir: config.dataDir }),
    services.clock,
    {
      conversation: config.tokenTtlSeconds,
      stream: STREAM_TOKEN_SECONDS,
      resume: config.resumeDays * 86_400,
      bot: BOT_TOKEN_SECONDS,
    },
  );
  return new OwnChannelEndpoint(tokens);
}

export interface DirectLine extends ServerMount {
  readonly channel: DirectLineChannel;
  readonly stream: DirectLineStream;
  readonly endpoint: OwnChannelEndpoint;
}

/** Step two: the channel, its routes and its WebSocket stream, as one mount for the server. */
export function createDirectLine(deps: {
  config: DirectLineConfig;
  services: ChannelServices;
  endpoint: OwnChannelEndpoint;
  adapter: CoachAdapter;
  logic: (context: TurnContext) => Promise<void>;
  botId: string;
  /** Deletes everything kept about a person (the privacy feature's deletion, handed in by the root). */
  erasePerson: (personId: string) => Promise<void>;
}): DirectLine {
  const { config, services, endpoint } = deps;
  const channel = new DirectLineChannel({
    repo: services.store.directLine,
    endpoint,
    adapter: deps.adapter,
    logic: deps.logic,
    clock: services.clock,
    logger: services.logger,
    limits: config,
    botId: deps.botId,
    changes: services.store.changes,
    revocations: services.store.revocations,
    revokeForSeconds: Math.max(...Object.values(endpoint.tokens.lifetimes)),
    erase: deps.erasePerson,
  });
  const stream = new DirectLineStream(channel, endpoint.tokens, config, services.logger);
  return {
    channel,
    stream,
    endpoint,
    mount(server) {
      mountDirectLine(server, {
        channel,
        tokens: endpoint.tokens,
        endpoint,
        config,
        clock: services.clock,
        logger: services.logger,
      });
      stream.attach(server.server);
    },
    listening(address, port) {
      endpoint.setAddress(address, port);
    },
    async close(graceMs) {
      stream.close();
      await channel.drain(graceMs);
    },
  };
}
