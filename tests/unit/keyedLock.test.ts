import { KeyedLock } from '../../src/platform/util/KeyedLock';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedLock', () => {
  test('tasks on one key run one at a time, in the order they arrived', async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    const task = (name: string, steps: number) => async () => {
      events.push(`${name} start`);
      for (let i = 0; i < steps; i++) await tick();
      events.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      lock.run('c1', task('a', 3)),
      lock.run('c1', task('b', 1)),
      lock.run('c1', task('c', 2)),
    ]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(lock.size).toBe(0);
  });

  test('different keys do not wait for each other, and a failing task releases the key', async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    let release!: () => void;
    const slow = lock.run('c1', () =>
      new Promise<void>((resolve) => (release = resolve)).then(() => events.push('c1 done')),
    );
    await lock.run('c2', async () => events.push('c2 done'));
    expect(events).toEqual(['c2 done']);
    release();
    await slow;
    await expect(lock.run('c3', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lock.run('c3', async () => 'after')).toBe('after');
  });
});
