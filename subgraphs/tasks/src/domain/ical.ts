/**
 * iCalendar (RFC 5545) text for a work calendar, for the per-unit feed that calendar apps
 * subscribe to. Pure. Each entry is an all-day event on its due date (a deadline is what a
 * calendar shows well; the period is in the description). Text is escaped (§3.3.11) and lines
 * folded at 75 octets without splitting a UTF-8 character (§3.1); lines end in CRLF.
 */
import { addDays } from '@tiaokuai/leadership';
import type { CalendarEntry } from './calendar';

export interface IcsCalendar {
  /** Shown by calendar apps as the calendar's name (X-WR-CALNAME). */
  name: string;
  /** The host part of every UID, so events of different hubs do not collide. */
  uidDomain: string;
  /** DTSTAMP of every event: when the feed was produced (UTC). */
  stamp: Date;
  events: ReadonlyArray<{ entry: CalendarEntry; summary: string; description: string }>;
}

/**
 * TEXT value escaping: backslash, semicolon, comma, newline; other control characters (not allowed in TEXT) become
 * spaces.
 */
export const escapeText = (s: string): string =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');

/** Folds one content line into lines of at most 75 octets, continuation lines starting with a space. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // continuation lines carry the leading space
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const basic = (day: string) => day.replace(/-/g, '');
const stampOf = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');

export function renderIcs(cal: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tiaokuai Hub//行事历//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
  ];
  for (const { entry: e, summary, description } of cal.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}@${cal.uidDomain}`,
      `DTSTAMP:${stampOf(cal.stamp)}`,
      `DTSTART;VALUE=DATE:${basic(e.dueOn)}`,
      `DTEND;VALUE=DATE:${basic(addDays(e.dueOn, 1))}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `CATEGORIES:${e.kind === 'TASK' ? '任务' : '责任清单'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
