import type { DialogTurnResult, PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../../src/platform/bot/dialogsLibrary';
import { personIdOf } from '../../src/platform/channels/identity';
import type { DialogServices } from '../shared/services';
import type { ChoiceOption } from '../../src/platform/channels/messages';
import { timeZoneFromActivity } from '../../src/platform/channels/timeZone';
import { type ClockTime, parseTimeOfDay, parseWeekday } from '../../src/features/checkins/checkInAnswers';
import type { CheckInService } from '../../src/features/checkins/CheckInService';
import { formatDateTime, formatTimeOfDay } from '../../src/features/checkins/format';
import { canonicalTimeZone, isQuietTime } from '../../src/platform/util/zonedTime';
import { parseClock } from '../../src/platform/util/localTime';
import { type Answer, CheckInAnswerPrompt, type AnswerRequest } from './CheckInAnswerPrompt';

export const CHECKIN_ENROLL_DIALOG = 'checkinEnroll';
const WATERFALL = 'checkinEnroll.steps';
const DAY_PROMPT = 'checkinEnroll.day';
const TIME_PROMPT = 'checkinEnroll.time';
const ZONE_PROMPT = 'checkinEnroll.zone';

/** Sunday first, matching Date.getDay(). Ids only: the words are in content (schedule.days.*). */
export const DAY_IDS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const TIME_CHOICES: Record<string, string> = { morning: '09:00', noon: '12:00', evening: '18:00', night: '20:00' };
const US_ZONES: Record<string, string> = {
  eastern: 'America/New_York',
  central: 'America/Chicago',
  mountain: 'America/Denver',
  arizona: 'America/Phoenix',
  pacific: 'America/Los_Angeles',
  alaska: 'America/Anchorage',
  hawaii: 'Pacific/Honolulu',
};

interface DayAnswer {
  weekday: number;
  time?: ClockTime;
}

interface EnrollValues {
  weekday?: number;
  time?: ClockTime;
}

/**
 * Sets up weekly check-ins: a day and a time (buttons, or free text like "sunday 6pm"), and the time zone
 * from the channel when it says so, otherwise asked. Quiet hours are refused as a check-in time.
 * Begin it from the menu, the `check-ins on` command, or at the end of the intake.
 */
export class CheckInEnrollDialog extends ComponentDialog {
  constructor(
    private readonly services: Pick<DialogServices, 'content' | 'renderer' | 'clock'>,
    private readonly checkIns: CheckInService,
  ) {
    super(CHECKIN_ENROLL_DIALOG);
    const { content } = services;
    const dayWords = DAY_IDS.map((id) => content.list(`schedule.dayWords.${id}`));
    const noonWords = content.list('schedule.timeWords.noon');
    this.addDialog(
      new CheckInAnswerPrompt(DAY_PROMPT, services, {
        dayAndTime: (text): DayAnswer | undefined => {
          const weekday = parseWeekday(text, dayWords);
          return weekday === undefined ? undefined : { weekday, time: parseTimeOfDay(text, noonWords) };
        },
      }),
    );
    this.addDialog(
      new CheckInAnswerPrompt(
        TIME_PROMPT,
        services,
        { time: (text) => parseTimeOfDay(text, noonWords) },
        this.outsideQuietHours.bind(this),
      ),
    );
    this.addDialog(
      new CheckInAnswerPrompt(ZONE_PROMPT, services, {
        zone: (text) => (/[/_]|^utc$|^gmt$/i.test(text.trim()) ? canonicalTimeZone(text.trim()) : undefined),
      }),
    );
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.askDay.bind(this),
        this.askTime.bind(this),
        this.askZone.bind(this),
        this.save.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  private say(step: WaterfallStepContext, key: string, vars?: Record<string, string | number>): Promise<unknown> {
    const { content, renderer } = this.services;
    return step.context.sendActivity(
      renderer.render({ text: content.text(key, vars) }, step.context.activity.channelId),
    );
  }

  /** Every set-up question takes buttons or free text, and "later" leaves everything as it was. */
  private ask(
    step: WaterfallStepContext,
    promptId: string,
    text: string,
    choices: ChoiceOption[],
    retryKey: string,
    parser: string,
  ): Promise<DialogTurnResult> {
    const request: AnswerRequest = { message: { text, choices }, retryKey, parser, controls: ['later'] };
    return step.prompt(promptId, CheckInAnswerPrompt.options(request));
  }

  private dayLabel(weekday: number): string {
    return this.services.content.text(`schedule.days.${DAY_IDS[weekday]}`);
  }

  private quietVars(): Record<string, string> {
    const { quietHours } = this.checkIns;
    const locale = this.services.content.locale;
    return { start: formatTimeOfDay(quietHours.start, locale), end: formatTimeOfDay(quietHours.end, locale) };
  }

  private async askDay(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.services;
    const current = await this.checkIns.get(personIdOf(step.context.activity));
    if (current?.status === 'active') {
      const time = formatTimeOfDay(parseClock(current.localTime)!, content.locale);
      await this.say(step, 'schedule.enroll.current', {
        day: this.dayLabel(current.weekday),
        time,
        zone: current.timeZone,
      });
    }
    await this.say(step, 'schedule.enroll.intro');
    const choices = DAY_IDS.map((id, day) => ({ value: String(day), label: content.text(`schedule.days.${id}`) }));
    return this.ask(
      step,
      DAY_PROMPT,
      content.text('schedule.enroll.askDay'),
      choices,
      'schedule.enroll.retryDay',
      'dayAndTime',
    );
  }

  private async askTime(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as Answer;
    if (answer.kind === 'control') return this.cancel(step);
    const values = step.values as EnrollValues;
    const day: DayAnswer = answer.kind === 'parsed' ? (answer.value as DayAnswer) : { weekday: Number(answer.value) };
    values.weekday = day.weekday;
    if (day.time && !isQuietTime(day.time, this.checkIns.quietHours)) {
      values.time = day.time;
      return step.next();
    }
    if (day.time) await this.say(step, 'schedule.enroll.quiet', this.quietVars());
    const { content } = this.services;
    const choices = Object.entries(TIME_CHOICES).map(([id, value]) => ({
      value,
      label: content.text(`schedule.times.${id}`),
    }));
    const text = content.text('schedule.enroll.askTime', { day: this.dayLabel(day.weekday) });
    return this.ask(step, TIME_PROMPT, text, choices, 'schedule.enroll.retryTime', 'time');
  }

  /** A time inside quiet hours is refused with its own re-ask. */
  private async outsideQuietHours(prompt: PromptValidatorContext<Answer>): Promise<boolean> {
    const request = prompt.options.validations as AnswerRequest;
    const answer = prompt.recognized.value;
    if (!prompt.recognized.succeeded || !answer) {
      request.retryKey = 'schedule.enroll.retryTime';
      request.retryVars = undefined;
      return false;
    }
    if (answer.kind === 'control') return true;
    const time = timeOf(answer);
    if (time && isQuietTime(time, this.checkIns.quietHours)) {
      request.retryKey = 'schedule.enroll.quiet';
      request.retryVars = this.quietVars();
      return false;
    }
    return true;
  }

  private async askZone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as EnrollValues;
    if (!values.time) {
      const answer = step.result as Answer;
      if (answer.kind === 'control') return this.cancel(step);
      values.time = timeOf(answer);
    }
    const fromChannel = timeZoneFromActivity(step.context.activity);
    if (fromChannel) return step.next({ kind: 'parsed', value: fromChannel } satisfies Answer);
    const { content } = this.services;
    const choices = Object.entries(US_ZONES).map(([id, zone]) => ({
      value: zone,
      label: content.text(`schedule.zones.${id}`),
      synonyms: content.list(`schedule.zoneWords.${id}`),
    }));
    return this.ask(
      step,
      ZONE_PROMPT,
      content.text('schedule.enroll.askZone'),
      choices,
      'schedule.enroll.retryZone',
      'zone',
    );
  }

  private async save(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as Answer;
    if (answer.kind === 'control') return this.cancel(step);
    const values = step.values as EnrollValues;
    const timeZone = String(answer.value);
    const { activity } = step.context;
    const { firstAt } = await this.checkIns.enroll({
      personId: personIdOf(activity),
      channelId: activity.channelId,
      weekday: values.weekday!,
      timeZone,
      hour: values.time!.hour,
      minute: values.time!.minute,
    });
    const locale = this.services.content.locale;
    await this.say(step, 'schedule.enroll.done', {
      day: this.dayLabel(values.weekday!),
      time: formatTimeOfDay(values.time!, locale),
      zone: timeZone,
      date: formatDateTime(firstAt, timeZone, locale),
    });
    await this.say(step, 'schedule.enroll.howToChange');
    return step.endDialog();
  }

  private async cancel(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.say(step, 'schedule.enroll.cancelled');
    return step.endDialog();
  }
}

function timeOf(answer: Answer): ClockTime | undefined {
  if (answer.kind === 'parsed') return answer.value as ClockTime;
  if (answer.kind === 'choice') return parseClock(answer.value);
  return undefined;
}
