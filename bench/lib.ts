import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export interface Server {
  child: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

/** The node flags of `npm start` (package.json), so the benchmark measures the process operators run. */
export const COACH_NODE_FLAGS: string[] = (() => {
  const { start } = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } })
    .scripts;
  const command = start.slice(start.lastIndexOf('node '));
  return command.split(/\s+/).filter((token) => token.startsWith('--') && !token.startsWith('--disable-warning'));
})();

/** Starts a compiled server script and resolves once it prints its listening line. */
export function startProcess(script: string, env: Record<string, string>, nodeFlags: string[] = []): Promise<Server> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', ...nodeFlags, join(ROOT, 'dist', script)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(chunk.toString());
      if (match)
        resolve({
          child,
          port: Number(match[1]),
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (10 ms resolution). */
export function cpuMilliseconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** How many requests `post` sent a second time after a reset on a reused socket (the report prints it). */
export const resent = { requests: 0 };

/**
 * A keep-alive socket that sat idle (while another server's rounds ran) can be closed by the server just
 * as the agent reuses it; the request then fails with ECONNRESET before the server read it. Node's docs
 * advise sending such a request again, once, on a fresh socket; anything else is a real error.
 */
export function post(port: number, path: string, body: unknown): Promise<{ status: number; body: string }> {
  const payload = JSON.stringify(body);
  return postOnce(port, path, payload).catch((error: NodeJS.ErrnoException & { reusedSocket?: boolean }) => {
    if (!error.reusedSocket || error.code !== 'ECONNRESET') throw error;
    resent.requests++;
    return postOnce(port, path, payload);
  });
}

function postOnce(port: number, path: string, payload: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException & { reusedSocket?: boolean }) => {
      error.reusedSocket = req.reusedSocket;
      reject(error);
    });
    req.end(payload);
  });
}

export function turn(conversationId: string, text: string): Record<string, unknown> {
  return {
    type: 'message',
    text,
    channelId: 'bench',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: `${conversationId}-person` },
    recipient: { id: 'bot' },
    conversation: { id: conversationId },
    deliveryMode: 'expectReplies',
  };
}

export interface LoadResult {
  conversations: number;
  turns: number;
  seconds: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drives `concurrency` conversations at a time, each walking `script` turn by turn, until
 * `conversations` have finished. Every turn waits for its replies (expectReplies). With several ports
 * (instances sharing one database) a conversation's turns go to them in turn, as a load balancer would.
 * With `thinkMs` each conversation pauses after a reply before its next turn, as a person would, for
 * between half and one and a half times `thinkMs` (drawn at random, so the conversations do not move in
 * step and arrive all at once); without it the load is closed-loop (the next turn goes as soon as the
 * reply is back).
 */
export async function runLoad(
  port: number | number[],
  script: string[],
  conversations: number,
  concurrency: number,
  prefix: string,
  thinkMs = 0,
  /** When given, every turn's latency is also pushed here (to combine several runs' percentiles). */
  collect?: number[],
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < conversations) {
      const id = `${prefix}-${next++}`;
      const ports = Array.isArray(port) ? port : [port];
      for (const [index, text] of script.entries()) {
        const t0 = process.hrtime.bigint();
        const response = await post(ports[index % ports.length], '/api/messages', turn(id, text));
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        latencies.push(ms);
        collect?.push(ms);
        if (response.status !== 200) errors++;
        if (thinkMs > 0) await sleep(thinkMs * (0.5 + Math.random()));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { p50Ms, p99Ms } = percentiles(latencies);
  return {
    conversations,
    turns: latencies.length,
    seconds: Math.round(seconds * 100) / 100,
    turnsPerSecond: Math.round(latencies.length / seconds),
    p50Ms,
    p99Ms,
    errors,
  };
}

/** p50 and p99 of latencies in ms (sorts the array in place), to two decimals. */
export function percentiles(latencies: number[]): { p50Ms: number; p99Ms: number } {
  latencies.sort((a, b) => a - b);
  const pick = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 100) / 100;
  return { p50Ms: pick(0.5), p99Ms: pick(0.99) };
}
