import type * as restify from 'restify';

/**
 * Something that adds routes to the app's HTTP server (the Direct Line channel, Slack, the web pages).
 * It lives in src/http so that channels and pages can offer mounts without importing the server.
 */
export interface ServerMount {
  mount(server: restify.Server): void;
  /** Told the address the server bound, once it listens. */
  listening?(address: string, port: number): void;
  /** Stops taking new work and waits up to graceMs for its work in flight, before the listener closes. */
  close?(graceMs: number): Promise<void>;
}
