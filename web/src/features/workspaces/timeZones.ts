/** The time zones a workspace can be in: the browser's list (IANA names), the browser's own zone and UTC first. */
export function timeZoneChoices(browserZone: string, known: readonly string[] = Intl.supportedValuesOf("timeZone")): string[] {
  const first = [...new Set([browserZone, "UTC"])];
  return [...first, ...known.filter((zone) => !first.includes(zone))];
}
