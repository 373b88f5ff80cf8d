import type { Clock } from '../../src/clock';

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
