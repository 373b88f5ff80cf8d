import type { Clock } from '../../src/platform/clock';
import type { CheckInSender, SendJob, SendOutcome } from '../../src/features/checkins/sender';

export class FakeClock implements Clock {
  constructor(private current = new Date('2026-12-01T15:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Collects pino's JSON lines so tests can assert what was (and was not) logged. */
export class LogCapture {
  readonly lines: string[] = [];
  write(chunk: string): void {
    this.lines.push(...chunk.split('\n').filter(Boolean));
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

/** A CheckInSender that records jobs and answers with scripted outcomes (default: sent). */
export class FakeCheckInSender implements CheckInSender {
  readonly jobs: SendJob[] = [];
  private readonly script: SendOutcome[] = [];
  /** Runs at the start of every send, before the job is recorded (e.g. to look at the store at that moment). */
  inspect?: (job: SendJob) => Promise<void>;

  /** Queues outcomes for the next sends, in order. */
  answer(...outcomes: SendOutcome[]): void {
    this.script.push(...outcomes);
  }

  async send(job: SendJob): Promise<SendOutcome> {
    await this.inspect?.(job);
    this.jobs.push(job);
    return this.script.shift() ?? { kind: 'sent' };
  }
}
