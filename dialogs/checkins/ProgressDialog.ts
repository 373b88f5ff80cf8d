import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../../src/platform/bot/dialogsLibrary';
import { personIdOf } from '../../src/platform/channels/identity';
import type { DialogServices } from '../shared/services';
import { amountTrend, type WeekPoint, weeklyPoints } from '../../src/features/checkins/progress';
import { formatAmount } from '../../src/features/intake/format';
import { renderProgressChart } from '../../src/features/checkins/progressChart';
import type { CheckInService } from '../../src/features/checkins/CheckInService';

export const PROGRESS_DIALOG = 'progress';

const grams = (value: number) => String(Math.round(value * 10) / 10);

/**
 * The weeks so far: a chart (daily amount and cravings by week, rendered on the server as a PNG) and the
 * same facts in words beside it for screen readers and text-only channels, plus the program week.
 */
export class ProgressDialog extends Dialog {
  constructor(
    private readonly services: Pick<DialogServices, 'content' | 'renderer'>,
    private readonly checkIns: CheckInService,
  ) {
    super(PROGRESS_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { content, renderer } = this.services;
    const { activity } = dc.context;
    const personId = personIdOf(activity);
    const points = weeklyPoints(await this.checkIns.history(personId));
    if (points.length === 0) {
      await dc.context.sendActivity(renderer.render({ text: content.text('progress.none') }, activity.channelId));
      return dc.endDialog();
    }
    const week = await this.checkIns.programWeek(personId);
    const chart = renderProgressChart(points, {
      amount: content.text('progress.chart.amount'),
      cravings: content.text('progress.chart.cravings'),
      week: content.text('progress.chart.week'),
    });
    const text = [
      content.text('progress.programWeek', { week }),
      content.text('progress.intro'),
      ...points.map((p) => this.line(p)),
      this.trend(points),
    ]
      .filter(Boolean)
      .join('\n');
    const image = {
      name: 'steady-progress.png',
      contentType: 'image/png' as const,
      data: chart,
      altText: content.text('progress.chart.altText'),
    };
    await dc.context.sendActivity(renderer.render({ text, images: [image] }, activity.channelId));
    return dc.endDialog();
  }

  private line(p: WeekPoint): string {
    const { content } = this.services;
    return content.text('progress.line', {
      week: p.week,
      days:
        p.daysUsed === null
          ? content.text('progress.daysSkipped')
          : content.text('progress.days', { days: p.daysUsed }),
      amount:
        p.gramsPerDay !== null
          ? content.text('progress.amount', { grams: grams(p.gramsPerDay) })
          : p.units
            ? content.text('progress.amountInUnits', { amount: formatAmount(content, p.units.count, p.units.unit) })
            : content.text('progress.amountSkipped'),
      cravings:
        p.cravings === null
          ? content.text('progress.cravingsSkipped')
          : content.text('progress.cravings', { cravings: p.cravings }),
    });
  }

  private trend(points: WeekPoint[]): string {
    const trend = amountTrend(points);
    if (!trend) return '';
    return this.services.content.text(`progress.trend.${trend.direction}`, {
      from: grams(trend.from.gramsPerDay!),
      to: grams(trend.to.gramsPerDay!),
      fromWeek: trend.from.week,
      toWeek: trend.to.week,
    });
  }
}
