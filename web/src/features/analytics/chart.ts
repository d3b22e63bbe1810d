/** Shaping the analytics' series for the hand-drawn SVG charts: scales, ticks, bars and lines. */

/** A round number at or above `max` to end an axis at (1, 2 or 5 times a power of ten; 1 for nothing). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/**
 * The ticks from 0 to `top` (a `niceMax`), at whole steps where the axis is short: 0–1, 0–2 and 0–5 by ones,
 * 10 by twos, 20 by fives, 50 by tens.
 */
export function ticks(top: number): number[] {
  const power = 10 ** Math.floor(Math.log10(top));
  const leading = Math.round(top / power);
  const count = top < 10 ? Math.min(top, 5) : leading === 2 ? 4 : 5;
  return Array.from({ length: count + 1 }, (_, i) => (top * i) / count);
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bars for `values` across `width` × `height` (a gap between bars; a zero is a bar of no height). */
export function bars(values: readonly number[], width: number, height: number, top = niceMax(Math.max(0, ...values))): Bar[] {
  const slot = values.length ? width / values.length : 0;
  const gap = Math.min(slot * 0.2, 6);
  return values.map((value, i) => {
    const h = (Math.max(0, value) / top) * height;
    return { x: i * slot + gap / 2, y: height - h, width: Math.max(slot - gap, 1), height: h };
  });
}

/** An SVG path through `values` across `width` × `height`, between their own min and max (a flat line mid-height). */
export function linePath(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return "";
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .map((v, i) => {
      const y = span === 0 ? height / 2 : height - ((v - min) / span) * height;
      return `${i === 0 ? "M" : "L"}${(i * step).toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
}

/** Every `n`-th label so that at most `most` show under an axis (the first and the rest evenly). */
export function labelEvery(count: number, most: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, most)));
}
