import { encodePng } from './png';
import type { WeekPoint } from './progress';
import { Raster, type Rgb } from './raster';

export interface ChartLabels {
  /** Legend for the bars (daily amount in grams). */
  amount: string;
  /** Legend for the line (cravings 0-10). */
  cravings: string;
  /** Title under the x axis. */
  week: string;
}

const WIDTH = 720;
const HEIGHT = 480;
const PLOT = { left: 84, right: WIDTH - 72, top: 84, bottom: HEIGHT - 92 };
const SCALE = 3; // 15x21 px glyphs stay readable when a phone shows the image at half size
const MAX_WEEKS = 16;

const INK: Rgb = [34, 34, 34];
const GRID: Rgb = [221, 221, 221];
const BAR: Rgb = [43, 108, 176];
const LINE: Rgb = [192, 86, 33];

function niceStep(max: number): number {
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100, 200]) if (max / step <= 5) return step;
  return Math.ceil(max / 5);
}

/**
 * Bars for the daily amount (left axis, grams) and a line with square markers for cravings (right axis, 0-10),
 * one group per program week. Shapes differ as well as colours, so the chart reads without colour vision.
 */
export function renderProgressChart(allPoints: WeekPoint[], labels: ChartLabels): Buffer {
  const points = allPoints.slice(-MAX_WEEKS);
  const canvas = new Raster(WIDTH, HEIGHT);
  const plotHeight = PLOT.bottom - PLOT.top;

  canvas.fillRect(20, 20, 24, 24, BAR);
  canvas.text(labels.amount, 54, 22, SCALE, INK);
  const secondLegend = 54 + Raster.textWidth(labels.amount, SCALE) + 40;
  canvas.line(secondLegend, 32, secondLegend + 24, 32, LINE, 4);
  canvas.fillRect(secondLegend + 6, 26, 12, 12, LINE);
  canvas.text(labels.cravings, secondLegend + 34, 22, SCALE, INK);

  const maxGrams = Math.max(1, ...points.map((p) => p.gramsPerDay ?? 0));
  const step = niceStep(maxGrams);
  const top = Math.ceil(maxGrams / step) * step;
  const yGrams = (g: number) => PLOT.bottom - (g / top) * plotHeight;
  const yCravings = (c: number) => PLOT.bottom - (c / 10) * plotHeight;

  for (let g = 0; g <= top; g += step) {
    const y = Math.round(yGrams(g));
    canvas.fillRect(PLOT.left, y, PLOT.right - PLOT.left, 1, GRID);
    const label = String(g);
    canvas.text(label, PLOT.left - 10 - Raster.textWidth(label, SCALE), y - 10, SCALE, BAR);
  }
  for (const c of [0, 5, 10]) canvas.text(String(c), PLOT.right + 10, Math.round(yCravings(c)) - 10, SCALE, LINE);

  const slot = (PLOT.right - PLOT.left) / Math.max(points.length, 1);
  const barWidth = Math.min(56, slot * 0.6);
  const centre = (i: number) => PLOT.left + slot * i + slot / 2;
  points.forEach((p, i) => {
    if (p.gramsPerDay !== null && p.gramsPerDay > 0) {
      const y = yGrams(p.gramsPerDay);
      canvas.fillRect(centre(i) - barWidth / 2, y, barWidth, PLOT.bottom - y, BAR);
    }
    const label = String(p.week);
    canvas.text(label, centre(i) - Raster.textWidth(label, SCALE) / 2, PLOT.bottom + 12, SCALE, INK);
  });
  let previous: { x: number; y: number } | undefined;
  points.forEach((p, i) => {
    if (p.cravings === null) {
      previous = undefined;
      return;
    }
    const here = { x: centre(i), y: yCravings(p.cravings) };
    if (previous) canvas.line(previous.x, previous.y, here.x, here.y, LINE, 4);
    previous = here;
  });
  points.forEach((p, i) => {
    if (p.cravings !== null) canvas.fillRect(centre(i) - 7, yCravings(p.cravings) - 7, 14, 14, LINE);
  });

  canvas.fillRect(PLOT.left, PLOT.top, 2, plotHeight + 1, INK);
  canvas.fillRect(PLOT.right - 1, PLOT.top, 2, plotHeight + 1, INK);
  canvas.fillRect(PLOT.left, PLOT.bottom, PLOT.right - PLOT.left + 1, 2, INK);
  canvas.text(
    labels.week,
    (PLOT.left + PLOT.right) / 2 - Raster.textWidth(labels.week, SCALE) / 2,
    HEIGHT - 44,
    SCALE,
    INK,
  );

  return encodePng(WIDTH, HEIGHT, canvas.pixels);
}

export const PROGRESS_CHART_SIZE = { width: WIDTH, height: HEIGHT };
