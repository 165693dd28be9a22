/**
 * Calendar days in an issuer's time zone. The zone, not the server's, decides «today»
 * (DESIGN.md §4): a Kaliningrad deadline ends an hour after a Moscow one.
 */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The instant a calendar day starts in the zone, as an ISO timestamp. */
export function startOfDayIn(date: string, timeZone: string): string {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  // The zone's offset at that moment; Russian zones have no daylight saving, so one correction suffices.
  const offset = zoneOffsetMs(timeZone, new Date(utcMidnight));
  return new Date(utcMidnight - offset).toISOString();
}

function zoneOffsetMs(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  return asUtc - at.getTime();
}
