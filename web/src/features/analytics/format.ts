/** Numbers as the analytics page says them: a metric a network does not report (null) is a dash, never 0. */

export const NOT_REPORTED = "—";

const integers = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const percents = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 });
const decimals = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** "1,234", or a dash when not reported. */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? NOT_REPORTED : integers.format(value);
}

/** "4.2%" for 0.042, or a dash. */
export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined ? NOT_REPORTED : percents.format(value);
}

/** "3.5" (an average), or a dash. */
export function formatDecimal(value: number | null | undefined): string {
  return value === null || value === undefined ? NOT_REPORTED : decimals.format(value);
}

export function isReported(value: number | null | undefined): value is number {
  return value !== null && value !== undefined;
}
