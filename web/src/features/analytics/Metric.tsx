import { formatCount, NOT_REPORTED } from "./format";

/**
 * A number as the page shows it: a metric that is not reported is a dash, read out as "not reported" (a
 * screen reader would say "em dash", or nothing).
 */
export function Metric({ value, format = formatCount }: { value: number | null | undefined; format?: (value: number) => string }) {
  if (value === null || value === undefined) {
    return (
      <span data-not-reported="">
        <span aria-hidden="true">{NOT_REPORTED}</span>
        <span className="visually-hidden">not reported</span>
      </span>
    );
  }
  return <>{format(value)}</>;
}
