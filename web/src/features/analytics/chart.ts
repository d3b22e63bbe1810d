/** Shaping the analytics' series for the hand-drawn SVG charts: scales, ticks, bars and lines. */

/** A round number at or above `max` to end an axis at (1, 2 or 5 times a power of ten; 1 for nothing). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** `count` + 1 evenly spaced ticks from 0 to `top`, as whole numbers where they can be. */
export function ticks(top: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => Math.round(((top * i) / count) * 100) / 100);
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
