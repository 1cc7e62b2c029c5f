// Slot computation: deterministic from cron + time zone + instant, across time zones and daylight-saving changes.
import { describe, expect, it } from 'vitest';
import { nextSlot, parseSchedule, previousSlot } from '../../src/scheduler/slots.js';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

describe('parseSchedule', () => {
  it.each([
    ['07:30', '30 7 * * *', '07:30 daily'],
    ['8:05', '5 8 * * *', '08:05 daily'],
    ['0 8 * * 1-5', '0 8 * * 1-5', 'cron 0 8 * * 1-5'],
    ['*/15 * * * *', '*/15 * * * *', 'cron */15 * * * *'],
  ])('reads %s as %s', (input, cron, label) => {
    expect(parseSchedule(input)).toEqual({ cron, label });
  });

  it.each(['24:00', '7:60', 'tomorrow', '0 0 8 * * *', '0 8 30 2 *', '0 8 L * *', ''])('refuses %s', (input) => {
    expect(parseSchedule(input)).toBeNull();
  });
});

describe('slots in time zones', () => {
  it.each([
    ['UTC', '2024-01-15T12:00:00Z', '2024-01-16T08:00:00.000Z'],
    ['Europe/Paris', '2024-01-15T12:00:00Z', '2024-01-16T07:00:00.000Z'],
    ['Europe/Paris', '2024-07-15T12:00:00Z', '2024-07-16T06:00:00.000Z'],
    ['America/New_York', '2024-01-15T12:00:00Z', '2024-01-15T13:00:00.000Z'],
    ['Asia/Kolkata', '2024-01-15T12:00:00Z', '2024-01-16T02:30:00.000Z'],
    ['Australia/Sydney', '2024-01-15T12:00:00Z', '2024-01-15T21:00:00.000Z'],
  ])('08:00 in %s after %s is %s', (tz, at, expected) => {
    expect(iso(nextSlot('0 8 * * *', tz, Date.parse(at)))).toBe(expected);
  });

  it('finds the latest slot at or before an instant, including the instant itself', () => {
    const slot = Date.parse('2024-01-16T07:00:00Z');
    expect(previousSlot('0 8 * * *', 'Europe/Paris', slot)).toBe(slot);
    expect(previousSlot('0 8 * * *', 'Europe/Paris', slot - 1)).toBe(slot - 86_400_000);
  });

  it('keeps weekday schedules on local weekdays', () => {
    // Sunday 9 June 2024 in Tokyo: the last weekday 08:00 was Friday the 7th (23:00 UTC on the 6th).
    expect(iso(previousSlot('0 8 * * 1-5', 'Asia/Tokyo', Date.parse('2024-06-09T00:00:00Z')))).toBe(
      '2024-06-06T23:00:00.000Z',
    );
  });
});

describe('slots across daylight-saving changes', () => {
  it('moves a daily 08:00 with the local clock when Paris springs forward (23 hours apart)', () => {
    const a = nextSlot('0 8 * * *', 'Europe/Paris', Date.parse('2024-03-30T00:00:00Z'));
    const b = nextSlot('0 8 * * *', 'Europe/Paris', a ?? 0);
    expect(iso(a)).toBe('2024-03-30T07:00:00.000Z');
    expect(iso(b)).toBe('2024-03-31T06:00:00.000Z');
  });

  it('moves a daily 08:00 back when New York falls back (25 hours apart)', () => {
    const a = nextSlot('0 8 * * *', 'America/New_York', Date.parse('2024-11-02T00:00:00Z'));
    const b = nextSlot('0 8 * * *', 'America/New_York', a ?? 0);
    expect(iso(a)).toBe('2024-11-02T12:00:00.000Z');
    expect(iso(b)).toBe('2024-11-03T13:00:00.000Z');
  });

  it('sends a time skipped by the spring jump right after the jump, once', () => {
    // 02:30 does not exist in Paris on 31 March 2024: the slot is 03:30 CEST (01:30 UTC).
    const slot = nextSlot('30 2 * * *', 'Europe/Paris', Date.parse('2024-03-30T12:00:00Z'));
    expect(iso(slot)).toBe('2024-03-31T01:30:00.000Z');
    expect(iso(nextSlot('30 2 * * *', 'Europe/Paris', slot ?? 0))).toBe('2024-04-01T00:30:00.000Z');
  });

  it('sends a time repeated by the autumn fold once, at its first occurrence', () => {
    // 01:30 happens twice in New York on 3 November 2024 (05:30 and 06:30 UTC): one slot, the first.
    const first = nextSlot('30 1 * * *', 'America/New_York', Date.parse('2024-11-03T00:00:00Z'));
    expect(iso(first)).toBe('2024-11-03T05:30:00.000Z');
    expect(iso(nextSlot('30 1 * * *', 'America/New_York', first ?? 0))).toBe('2024-11-04T06:30:00.000Z');
    expect(previousSlot('30 1 * * *', 'America/New_York', Date.parse('2024-11-03T06:45:00Z'))).toBe(first);
  });
});
