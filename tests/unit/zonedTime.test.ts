import {
  canonicalTimeZone,
  instantOf,
  isQuietTime,
  nextWeeklyOccurrence,
  outsideQuietHours,
  wallTimeAt,
} from '../../src/platform/util/zonedTime';
import { parseQuietHours } from '../../src/platform/util/localTime';

const NY = 'America/New_York';
const QUIET = parseQuietHours('21:00-09:00')!;

describe('zoned time', () => {
  test.each([
    // after, weekday, time, zone, expected
    ['2027-03-07T23:00:00Z', 0, '18:00', NY, '2027-03-14T22:00:00.000Z'], // EST -> EDT: an hour earlier in UTC
    ['2026-10-25T22:00:00Z', 0, '18:00', NY, '2026-11-01T23:00:00.000Z'], // EDT -> EST: an hour later in UTC
    ['2026-12-01T15:00:00Z', 2, '10:00', NY, '2026-12-08T15:00:00.000Z'], // same weekday, exactly now: next week
    ['2026-12-01T14:59:00Z', 2, '10:00', NY, '2026-12-01T15:00:00.000Z'], // a minute before: today
    ['2027-03-21T12:00:00Z', 0, '09:00', 'Australia/Sydney', '2027-03-27T22:00:00.000Z'], // southern hemisphere, AEDT
    ['2027-04-01T00:00:00Z', 0, '09:00', 'Australia/Sydney', '2027-04-03T23:00:00.000Z'], // after its April change, AEST
    ['2026-12-01T00:00:00Z', 3, '12:30', 'Asia/Kolkata', '2026-12-02T07:00:00.000Z'], // half-hour offset
  ])('after %s, weekday %i at %s in %s -> %s', (after, weekday, time, zone, expected) => {
    const [hour, minute] = time.split(':').map(Number);
    expect(nextWeeklyOccurrence(new Date(after), weekday, { hour, minute }, zone).toISOString()).toBe(expected);
  });

  test('a time skipped in spring moves forward by the gap; a time repeated in autumn takes the first', () => {
    expect(instantOf(2027, 3, 14, { hour: 2, minute: 30 }, NY).toISOString()).toBe('2027-03-14T07:30:00.000Z'); // 3:30 EDT
    expect(instantOf(2026, 11, 1, { hour: 1, minute: 30 }, NY).toISOString()).toBe('2026-11-01T05:30:00.000Z'); // 1:30 EDT
  });

  test('fifty-two weekly steps stay on the same local weekday and time through both changes', () => {
    let at = new Date('2026-12-06T23:00:00Z');
    for (let i = 0; i < 52; i++) {
      at = nextWeeklyOccurrence(at, 0, { hour: 18, minute: 0 }, NY);
      expect(wallTimeAt(at, NY)).toMatchObject({ weekday: 0, hour: 18, minute: 0 });
    }
  });

  test.each([
    ['20:59', false],
    ['21:00', true],
    ['23:30', true],
    ['03:00', true],
    ['08:59', true],
    ['09:00', false],
  ])('quiet hours 21:00-09:00: %s quiet = %s', (time, quiet) => {
    const [hour, minute] = time.split(':').map(Number);
    expect(isQuietTime({ hour, minute }, QUIET)).toBe(quiet);
  });

  test('quiet hours that do not wrap midnight, and none at all', () => {
    const lunch = parseQuietHours('12:00-13:00')!;
    expect(isQuietTime({ hour: 12, minute: 30 }, lunch)).toBe(true);
    expect(isQuietTime({ hour: 13, minute: 0 }, lunch)).toBe(false);
    expect(isQuietTime({ hour: 3, minute: 0 }, parseQuietHours('00:00-00:00')!)).toBe(false);
  });

  test('outsideQuietHours moves a late-evening or early instant to the end of quiet hours, local time', () => {
    expect(outsideQuietHours(new Date('2026-12-07T03:00:00Z'), NY, QUIET).toISOString()).toBe(
      '2026-12-07T14:00:00.000Z',
    ); // 10 pm -> 9 am
    expect(outsideQuietHours(new Date('2026-12-07T10:00:00Z'), NY, QUIET).toISOString()).toBe(
      '2026-12-07T14:00:00.000Z',
    ); // 5 am -> 9 am
    const afternoon = new Date('2026-12-07T20:00:00Z');
    expect(outsideQuietHours(afternoon, NY, QUIET)).toBe(afternoon);
  });

  test('zone names: canonical spelling, unknown names refused; quiet-hour strings validated', () => {
    expect(canonicalTimeZone('america/new_york')).toBe('America/New_York');
    expect(canonicalTimeZone('Mars/Olympus')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
    expect(parseQuietHours('21:00-9')).toBeUndefined();
    expect(parseQuietHours('25:00-09:00')).toBeUndefined();
  });
});
