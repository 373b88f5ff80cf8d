import type { ConnectorClient } from 'botframework-connector';

interface TimedRequest {
  timeout: number;
}

interface PipelineHolder {
  client?: {
    pipeline?: {
      addPolicy(policy: {
        name: string;
        sendRequest(request: TimedRequest, next: (request: TimedRequest) => Promise<unknown>): Promise<unknown>;
      }): void;
    };
  };
}

/**
 * Makes every HTTP attempt of a connector client give up after `timeoutMs`. A channel (or an address
 * someone put in serviceUrl) that accepts the connection and never answers would otherwise keep the turn,
 * and the conversation's lock, waiting forever. It is added to the client's pipeline, as the check-in
 * sender's retry removal is, because the SDK's connector factory replaces any request policies it is
 * given in its options. A timed-out attempt is not retried.
 */
export function addTimeout(connector: ConnectorClient, timeoutMs: number): void {
  const pipeline = (connector as unknown as PipelineHolder).client?.pipeline;
  if (!pipeline)
    throw new Error('The connector client has no pipeline to add a timeout to (botframework-connector changed?)');
  pipeline.addPolicy({
    name: 'steadyOutboundTimeout',
    sendRequest(request, next) {
      if (!request.timeout || request.timeout > timeoutMs) request.timeout = timeoutMs;
      return next(request);
    },
  });
}
