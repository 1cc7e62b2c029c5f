// Scheduled slots: when a cron schedule falls due in a time zone, computed from an instant (no timers, no waiting).
import { parse, validate } from 'node-cron';

/** A schedule as users give it ("07:30" or a cron expression) and as it is stored (cron). */
export interface ParsedSchedule {
  /** 5-field cron expression: minute hour day-of-month month day-of-week. */
  cron: string;
  /** How /digest list shows it ("07:30 daily" or the cron expression). */
  label: string;
}

interface Fields {
  minutes: number[];
  hours: number[];
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
}

const DAY_MS = 86_400_000;
/** How far slot searches look: a year and a bit covers any 5-field schedule that can ever match. */
const MAX_DAYS = 370;

/** "07:30" -> "30 7 * * *"; a 5-field cron expression is validated and kept; anything else is null. */
export function parseSchedule(input: string): ParsedSchedule | null {
  const text = input.trim().replace(/\s+/g, ' ');
  const hm = /^(\d{1,2})[:h](\d{2})$/.exec(text);
  if (hm) {
    const hour = Number(hm[1]);
    const minute = Number(hm[2]);
    if (hour > 23 || minute > 59) return null;
    return {
      cron: `${minute} ${hour} * * *`,
      label: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} daily`,
    };
  }
  if (text.split(' ').length !== 5 || !validate(text)) return null;
  try {
    fieldsOf(text);
  } catch {
    return null;
  }
  return { cron: text, label: scheduleLabel(text) };
}

/** "30 7 * * *" -> "07:30 daily"; other expressions read as themselves. */
export function scheduleLabel(cron: string): string {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(cron);
  return m ? `${(m[2] ?? '').padStart(2, '0')}:${(m[1] ?? '').padStart(2, '0')} daily` : `cron ${cron}`;
}

const fieldCache = new Map<string, Fields>();

function fieldsOf(cron: string): Fields {
  const cached = fieldCache.get(cron);
  if (cached) return cached;
  const f = parse(cron);
  const numbers = (values: (number | string)[], what: string): number[] =>
    values.map((v) => {
      if (typeof v !== 'number') throw new Error(`unsupported ${what} token ${String(v)}`);
      return v;
    });
  const fields: Fields = {
    minutes: [...f.minute].sort((a, b) => a - b),
    hours: [...f.hour].sort((a, b) => a - b),
    days: new Set(numbers(f.dayOfMonth, 'day-of-month')),
    months: new Set(f.month),
    weekdays: new Set(numbers(f.dayOfWeek, 'day-of-week').map((d) => d % 7)),
  };
  fieldCache.set(cron, fields);
  return fields;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time at an instant in a time zone, as if it were UTC (ms). */
export function wallTime(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/**
 * The instant a wall-clock time happens in a time zone. In a daylight-saving gap (02:30 that never
 * happens) it is the moment after the jump, shifted by the gap (03:30); in an overlap (01:30 twice)
 * the first one. So a daily digest falls due exactly once every day, whatever the clocks do.
 */
export function instantOf(wall: number, timeZone: string): number {
  const before = wall - (wallTime(wall - DAY_MS, timeZone) - (wall - DAY_MS));
  const after = wall - (wallTime(wall + DAY_MS, timeZone) - (wall + DAY_MS));
  const exact = [before, after].filter((t) => wallTime(t, timeZone) === wall);
  if (exact.length > 0) return Math.min(...exact);
  return before;
}

function dayMatches(fields: Fields, day: number): boolean {
  const d = new Date(day);
  return (
    fields.months.has(d.getUTCMonth() + 1) && fields.days.has(d.getUTCDate()) && fields.weekdays.has(d.getUTCDay())
  );
}

/** The latest slot at or before `at`, or null when none in the last year. */
export function previousSlot(cron: string, timeZone: string, at: number): number | null {
  const fields = fieldsOf(cron);
  const today = Math.floor(wallTime(at, timeZone) / DAY_MS) * DAY_MS;
  for (let i = 0; i <= MAX_DAYS; i++) {
    const day = today - i * DAY_MS;
    if (!dayMatches(fields, day)) continue;
    for (let h = fields.hours.length - 1; h >= 0; h--) {
      for (let m = fields.minutes.length - 1; m >= 0; m--) {
        const wall = day + (fields.hours[h] ?? 0) * 3_600_000 + (fields.minutes[m] ?? 0) * 60_000;
        const slot = instantOf(wall, timeZone);
        if (slot <= at) return slot;
      }
    }
  }
  return null;
}

/** The earliest slot strictly after `at`, or null when none within a year. */
export function nextSlot(cron: string, timeZone: string, at: number): number | null {
  const fields = fieldsOf(cron);
  const today = Math.floor(wallTime(at, timeZone) / DAY_MS) * DAY_MS;
  for (let i = -1; i <= MAX_DAYS; i++) {
    const day = today + i * DAY_MS;
    if (!dayMatches(fields, day)) continue;
    for (const hour of fields.hours) {
      for (const minute of fields.minutes) {
        const slot = instantOf(day + hour * 3_600_000 + minute * 60_000, timeZone);
        if (slot > at) return slot;
      }
    }
  }
  return null;
}

/** "Mon 3 Jun 2024, 08:00 (Europe/Paris)": a slot as the subscriber reads it. */
export function formatSlot(instant: number, timeZone: string): string {
  return `${new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant))} (${timeZone})`;
}
