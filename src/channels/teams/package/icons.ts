import { encodePng, type Rgba } from './png';

/** Steady's accent colour (a calm green), also the manifest's accentColor. */
export const ACCENT_COLOR = '#2E7D6B';

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/**
 * The mark: a ring (a steady circle) with a rising step inside, drawn from geometry so the package
 * needs no binary files. Coverage is computed with 4x4 supersampling for smooth edges.
 */
function markCoverage(size: number, x: number, y: number): number {
  let inside = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const u = (x + (sx + 0.5) / 4) / size - 0.5;
      const v = (y + (sy + 0.5) / 4) / size - 0.5;
      const r = Math.hypot(u, v);
      const ring = r <= 0.42 && r >= 0.32;
      // Two steps rising to the right, inside the ring.
      const step = (u >= -0.2 && u < 0 && v >= 0.02 && v <= 0.16) || (u >= 0 && u <= 0.2 && v >= -0.14 && v <= 0.16);
      if (ring || step) inside++;
    }
  }
  return inside / 16;
}

/** The 192x192 colour icon: the white mark on the accent colour, full bleed as Teams expects. */
export function colorIcon(size = 192): Buffer {
  const [r, g, b] = hexToRgb(ACCENT_COLOR);
  return encodePng({
    width: size,
    height: size,
    pixel: (x, y): Rgba => {
      const c = markCoverage(size, x, y);
      const mix = (base: number) => Math.round(base + (255 - base) * c);
      return [mix(r), mix(g), mix(b), 255];
    },
  });
}

/** The 32x32 outline icon: the mark in white on a transparent background, as Teams requires. */
export function outlineIcon(size = 32): Buffer {
  return encodePng({ width: size, height: size, pixel: (x, y): Rgba => [255, 255, 255, Math.round(255 * markCoverage(size, x, y))] });
}
