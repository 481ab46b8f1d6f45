/**
 * China time (Asia/Shanghai): the lists' dates, "today" and every date or time CreditLens shows are
 * China dates and times, whatever zone the computer running it is set to. Intl.DateTimeFormat does
 * the zone arithmetic (no hand-rolled +8 h); its formatter is expensive to create, so one is made
 * on first use (not as the widget's script loads) and reused.
 */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

let formatter: Intl.DateTimeFormat | undefined;
const chinaFormatter = (): Intl.DateTimeFormat =>
  (formatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: CHINA_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }));

interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

let lastClock: { time: number; clock: WallClock } | undefined;

/** The China wall clock at `date`; a Date that is not a time throws a RangeError (as toISOString does). */
function wallClock(date: Date): WallClock {
  // The same instant asked again (every code of one platform answer is judged at one `now`): formatted once.
  const time = date.getTime();
  if (lastClock !== undefined && lastClock.time === time) return lastClock.clock;
  const clock: Record<string, string> = {};
  for (const part of chinaFormatter().formatToParts(date)) clock[part.type] = part.value;
  const result = {
    year: (clock.year ?? '').padStart(4, '0'),
    month: clock.month ?? '',
    day: clock.day ?? '',
    hour: clock.hour ?? '',
    minute: clock.minute ?? '',
    second: clock.second ?? '',
  };
  lastClock = { time, clock: result };
  return result;
}

/** The calendar date in China as `YYYY-MM-DD`: list dates are China dates. */
export function chinaDate(date: Date): string {
  const c = wallClock(date);
  return `${c.year}-${c.month}-${c.day}`;
}

/** China time to the minute, `YYYY-MM-DD HH:mm` (cards, feedback, tables). */
export function chinaDateTime(date: Date): string {
  const c = wallClock(date);
  return `${c.year}-${c.month}-${c.day} ${c.hour}:${c.minute}`;
}

/** China time to the second, `YYYY-MM-DD HH:mm:ss` (printed and verified records). */
export function chinaDateTimeSeconds(date: Date): string {
  const c = wallClock(date);
  return `${c.year}-${c.month}-${c.day} ${c.hour}:${c.minute}:${c.second}`;
}

/**
 * The instant at which China's clocks show `date` (`YYYY-MM-DD`) at `time` (`HH:mm:ss`, default
 * midnight): the zone's offset at that moment comes from the same formatter.
 */
export function chinaInstant(date: string, time = '00:00:00'): Date {
  const asUtc = Date.parse(`${date}T${time}Z`);
  if (Number.isNaN(asUtc)) throw new RangeError(`not a China date and time: ${date} ${time}`);
  const c = wallClock(new Date(asUtc));
  const offset = Date.UTC(Number(c.year), Number(c.month) - 1, Number(c.day), Number(c.hour), Number(c.minute), Number(c.second)) - asUtc;
  return new Date(asUtc - offset);
}
