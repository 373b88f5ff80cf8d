import { createServer, type Server } from 'node:http';
import { Writable } from 'node:stream';
import { guardRequestHandlers } from '../../src/platform/http/requestGuards';
import { createLogger } from '../../src/platform/logger';

/**
 * Issue 21's last resort around request handling: whatever a handler throws while routing (restify 11
 * threw from url.parse, decodeURIComponent throws URIError) is answered, logged without its message, and
 * the server goes on serving.
 */
describe('the request guard', () => {
  let server: Server;
  let base: string;
  const lines: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(chunk.toString()), done()) });
    server = createServer((req, res) => {
      if (req.url === '/uri') decodeURIComponent('%E0%A4%A'); // throws URIError, message quotes nothing we want logged
      if (req.url === '/boom') throw new Error('secret words a person typed');
      res.end('ok');
    });
    guardRequestHandlers(server, createLogger('error', sink));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  test('a URIError is a 400, anything else a 500, both with a short JSON reason; the server keeps serving', async () => {
    const uri = await fetch(`${base}/uri`);
    expect([uri.status, await uri.json()]).toEqual([400, { error: 'bad_request' }]);
    const boom = await fetch(`${base}/boom`);
    expect([boom.status, await boom.json()]).toEqual([500, { error: 'internal_error' }]);
    expect(boom.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await (await fetch(`${base}/fine`)).text()).toBe('ok');
    const logged = lines.join('');
    expect(logged).toContain('request handling threw; answered without it');
    expect(logged).not.toContain('secret words');
  });
});
