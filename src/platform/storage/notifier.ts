import type { ChangeNotifier } from './repositories';

/** The notifier for one process (SQLite: one instance owns the file): listeners are called at once. */
export class InProcessNotifier implements ChangeNotifier {
  private readonly listeners = new Set<(topic: string) => void>();

  publish(topic: string): void {
    for (const listener of [...this.listeners]) listener(topic);
  }

  subscribe(listener: (topic: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.listeners.clear();
    return Promise.resolve();
  }
}
