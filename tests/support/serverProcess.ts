import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Lines the server printed on stdout (pino JSON and the listening line). */
  output: string[];
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

const ROOT = join(__dirname, '..', '..');

/** Starts the real server (src/index.ts) as its own process and waits for /healthz. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', join(ROOT, 'src/index.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 20 s')), 20000);
    child.stdout!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        output.push(line);
        const match = /listening on http:\/\/[^:]+:(\d+)/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${output.join('\n')}`));
    });
  });
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    output,
    kill(signal = 'SIGKILL') {
      return new Promise((resolve) => {
        // A process killed by a signal has exitCode null and signalCode set.
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      });
    },
  };
}
