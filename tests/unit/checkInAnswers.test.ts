import { timeZoneFromActivity } from '../../src/platform/channels/timeZone';
import { parseGrams, parseTimeOfDay, parseWeekday, parseWholeNumber } from '../../src/features/checkins/checkInAnswers';
import { loadContent } from '../../src/platform/content/loader';

const content = loadContent('en');
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((d) =>
  content.list(`schedule.dayWords.${d}`),
);
const NOON = content.list('schedule.timeWords.noon');
const dayWords = { min: content.list('checkin.daysUsed.none'), max: content.list('checkin.daysUsed.all') };

describe('free-text answers', () => {
  test.each([
    ['5', 5],
    ['5 days', 5],
    ['about five', 5],
    ['every day', 7],
    ['none', 0],
    ['0', 0],
    ['8', undefined],
    ['5 or 6', undefined],
    ['2.5', undefined],
    ['lots', undefined],
  ])('days used %j -> %s', (text, expected) => {
    expect(parseWholeNumber(text, 0, 7, dayWords)).toBe(expected);
  });

  test.each([
    ['6', 6],
    ['6g', 6],
    ['6.5 grams', 6.5],
    ['6,5 g', 6.5],
    ['about 12 g a day', 12],
    ['2 teaspoons', undefined],
    ['0', undefined],
    ['400', undefined],
    ['six', undefined],
  ])('grams %j -> %s', (text, expected) => {
    expect(parseGrams(text)).toBe(expected);
  });

  test.each([
    ['6pm', { hour: 18, minute: 0 }],
    ['6 pm', { hour: 18, minute: 0 }],
    ['6:30 p.m.', { hour: 18, minute: 30 }],
    ['18:45', { hour: 18, minute: 45 }],
    ['7:15', { hour: 19, minute: 15 }],
    ['12 am', { hour: 0, minute: 0 }],
    ['12pm', { hour: 12, minute: 0 }],
    ['noon', { hour: 12, minute: 0 }],
    ['sunday at 10am', { hour: 10, minute: 0 }],
    ['6', undefined],
    ['13 pm', undefined],
    ['25:00', undefined],
  ])('time %j', (text, expected) => {
    expect(parseTimeOfDay(text, NOON)).toEqual(expected);
  });

  test.each([
    ['sunday 6pm', 0],
    ['Mondays', 1],
    ['thurs', 4],
    ['monday or tuesday', undefined],
    ['someday', undefined],
  ])('weekday %j -> %s', (text, expected) => {
    expect(parseWeekday(text, DAYS)).toBe(expected);
  });

  test.each([
    [{ localTimezone: 'America/Chicago' }, 'America/Chicago'],
    [{ localTimezone: 'america/denver' }, 'America/Denver'],
    [{ entities: [{ type: 'clientInfo', timezone: 'Europe/Paris' }] }, 'Europe/Paris'],
    [{ localTimezone: 'Nowhere/Land', entities: [{ type: 'clientInfo', timezone: 'Asia/Tokyo' }] }, 'Asia/Tokyo'],
    [{ localTimezone: 'Nowhere/Land' }, undefined],
    [{}, undefined],
  ])('time zone from the channel %j -> %s', (activity, expected) => {
    expect(timeZoneFromActivity(activity)).toBe(expected);
  });
});
