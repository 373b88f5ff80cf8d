import { inflateSync } from 'node:zlib';
import { parseAt } from '../../src/cli/checkins';
import { ConfigError, loadConfig } from '../../src/platform/config';
import { encodePng } from '../../src/features/checkins/png';
import { renderProgressChart } from '../../src/features/checkins/progressChart';
import { Pacer } from '../../src/features/checkins/pacer';
import { outcomeForStatus, parseRetryAfter } from '../../src/features/checkins/sender';

const NOW = new Date('2026-12-06T23:00:00Z');

describe('send outcomes', () => {
  test.each([
    [undefined, 'transient'],
    [500, 'transient'],
    [502, 'transient'],
    [408, 'transient'],
    [401, 'transient'],
    [429, 'rateLimited'],
    [403, 'gone'],
    [404, 'gone'],
    [400, 'rejected'],
    [413, 'rejected'],
  ])('status %s -> %s', (status, kind) => {
    expect(outcomeForStatus(status).kind).toBe(kind);
  });

  test.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Sun, 06 Dec 2026 23:01:30 GMT', 90_000],
    ['Sun, 06 Dec 2026 22:00:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('Retry-After %j -> %s ms', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });
});

describe('pacing', () => {
  test('sends are spaced 1/rate apart; 0 means no waiting', async () => {
    let now = 0;
    const waits: number[] = [];
    const pacer = new Pacer(
      4,
      () => now,
      async (ms) => {
        waits.push(ms);
      },
    );
    await Promise.all([pacer.wait(), pacer.wait(), pacer.wait()]);
    expect(waits).toEqual([250, 500]);
    now = 2000;
    await pacer.wait();
    expect(waits).toEqual([250, 500]);
    const off = new Pacer(
      0,
      () => 0,
      async () => {
        throw new Error('should not sleep');
      },
    );
    await off.wait();
  });
});

describe('PNG', () => {
  test('chunk checksums match the PNG specification (the IEND chunk always ends in ae426082)', () => {
    const png = encodePng(1, 1, new Uint8Array([0, 0, 0]));
    expect(png.subarray(-12).toString('hex')).toBe('0000000049454e44ae426082');
  });

  test('a 2x1 image round-trips its header and size checks', () => {
    const png = encodePng(2, 1, new Uint8Array([255, 0, 0, 0, 0, 255]));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([2, 1, 8, 2]);
    expect(() => encodePng(2, 2, new Uint8Array(3))).toThrow();
  });

  test('the progress chart draws bars and the cravings line in their colours', () => {
    const png = renderProgressChart(
      [
        { week: 1, daysUsed: 7, gramsPerDay: 10, cravings: 8 },
        { week: 2, daysUsed: 6, gramsPerDay: 5, cravings: 2 },
      ],
      { amount: 'Grams a day', cravings: 'Cravings 0-10', week: 'Week' },
    );
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([720, 480]);
    const pixels = inflateSync(png.subarray(41, png.length - 16));
    const colourCount = (rgb: number[]) => {
      let n = 0;
      for (let i = 0; i < pixels.length - 2; i++)
        if (pixels[i] === rgb[0] && pixels[i + 1] === rgb[1] && pixels[i + 2] === rgb[2]) n++;
      return n;
    };
    expect(colourCount([43, 108, 176])).toBeGreaterThan(5000); // bars
    expect(colourCount([192, 86, 33])).toBeGreaterThan(500); // line and markers
  });
});

describe('configuration and the operator command', () => {
  test('check-in defaults work offline; bad values are refused by name', () => {
    const config = loadConfig({});
    expect(config.checkIns).toMatchObject({
      intervalMs: 60_000,
      sendsPerSecond: 20,
      concurrency: 16,
      leaseMs: 300_000,
      followupHours: 24,
    });
    expect(config.checkIns.quietHours).toEqual({ start: { hour: 21, minute: 0 }, end: { hour: 9, minute: 0 } });
    expect(loadConfig({ CHECKIN_SENDS_PER_SECOND: '0' }).checkIns.sendsPerSecond).toBe(0);
    for (const [variable, value] of [
      ['CHECKIN_QUIET_HOURS', '9pm-9am'],
      ['CHECKIN_SENDS_PER_SECOND', '-1'],
      ['CHECKIN_LEASE_MS', '5'],
    ]) {
      expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(variable));
    }
  });

  test('--at takes an ISO instant with a zone; anything else names the flag', () => {
    expect(parseAt(['--at', '2026-12-07T18:00:00Z'], NOW).toISOString()).toBe('2026-12-07T18:00:00.000Z');
    expect(parseAt(['--at=2026-12-07T13:00:00-05:00'], NOW).toISOString()).toBe('2026-12-07T18:00:00.000Z');
    expect(parseAt([], NOW)).toBe(NOW);
    expect(() => parseAt(['--at', 'next tuesday'], NOW)).toThrow(ConfigError);
    expect(() => parseAt(['--at', '2026-12-07 18:00'], NOW)).toThrow(/--at/);
  });
});
