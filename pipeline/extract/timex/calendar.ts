// Pure calendar arithmetic on plain {y, m, d} triples (proleptic Gregorian, UTC).
// Date objects are only used as a calculator; nothing here reads the clock.

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function parseYmd(s: string | null | undefined): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  if (!m) return null;
  const r = { y: +m[1], m: +m[2], d: +m[3] };
  return isValid(r) ? r : null;
}

export function isValid(r: Ymd): boolean {
  return r.m >= 1 && r.m <= 12 && r.d >= 1 && r.d <= daysInMonth(r.y, r.m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function fmtDay(r: Ymd): string {
  return `${pad(r.y, 4)}-${pad(r.m)}-${pad(r.d)}`;
}

export function fmtMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

function fromEpochDay(n: number): Ymd {
  const t = new Date(n * 86400000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function epochDay(r: Ymd): number {
  return Math.round(Date.UTC(r.y, r.m - 1, r.d) / 86400000);
}

export function addDays(r: Ymd, n: number): Ymd {
  return fromEpochDay(epochDay(r) + n);
}

/** Adds months, clamping the day to the target month's length. */
export function addMonths(r: Ymd, n: number): Ymd {
  const idx = r.y * 12 + (r.m - 1) + n;
  const y = Math.floor(idx / 12);
  const m = (idx % 12) + 1;
  return { y, m, d: Math.min(r.d, daysInMonth(y, m)) };
}

/** ISO weekday, Monday = 1 ... Sunday = 7. */
export function isoWeekday(r: Ymd): number {
  const w = new Date(Date.UTC(r.y, r.m - 1, r.d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week-numbering year and week. */
export function isoWeek(r: Ymd): { year: number; week: number } {
  const thursday = addDays(r, 4 - isoWeekday(r));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  return { year: thursday.y, week: Math.floor((epochDay(thursday) - epochDay(jan1)) / 7) + 1 };
}

export function fmtWeek(r: Ymd): string {
  const w = isoWeek(r);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

/** Monday of the ISO week holding r. */
export function weekStart(r: Ymd): Ymd {
  return addDays(r, 1 - isoWeekday(r));
}

export function quarterOf(r: Ymd): number {
  return Math.floor((r.m - 1) / 3) + 1;
}

/** Western Easter Sunday (anonymous Gregorian algorithm). */
export function easter(y: number): Ymd {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}

// Meteorological seasons (northern hemisphere): first month, last month, year offset of the end.
const SEASONS = { SP: [3, 5, 0], SU: [6, 8, 0], FA: [9, 11, 0], WI: [12, 2, 1] } as const;

/**
 * The [start, end] dates and precision a TIMEX3 DATE value covers, or nulls
 * when it names no fixed stretch of calendar (durations, REFs, X-filled).
 * Precision is the calendar unit both ends are aligned to: weeks are 'day',
 * quarters, halves and seasons 'month', centuries 'decade'.
 */
export function rangeOf(value: string): { start: string | null; end: string | null; precision: 'day' | 'month' | 'year' | 'decade' | 'unknown' } {
  const none = { start: null, end: null, precision: 'unknown' as const };
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value))) {
    const r = { y: +m[1], m: +m[2], d: +m[3] };
    if (!isValid(r)) return none;
    return { start: fmtDay(r), end: fmtDay(r), precision: 'day' };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const y = +m[1], mo = +m[2];
    return { start: fmtDay({ y, m: mo, d: 1 }), end: fmtDay({ y, m: mo, d: daysInMonth(y, mo) }), precision: 'month' };
  }
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value))) {
    const y = +m[1], w = +m[2];
    const jan4 = { y, m: 1, d: 4 };
    const mon = addDays(weekStart(jan4), (w - 1) * 7);
    const start = m[3] ? addDays(mon, 5) : mon;
    return { start: fmtDay(start), end: fmtDay(addDays(mon, 6)), precision: 'day' };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const y = +m[1], q = +m[2];
    return { start: fmtDay({ y, m: q * 3 - 2, d: 1 }), end: fmtDay({ y, m: q * 3, d: daysInMonth(y, q * 3) }), precision: 'month' };
  }
  if ((m = /^(\d{4})-H([12])$/.exec(value))) {
    const y = +m[1], h = +m[2];
    return { start: fmtDay({ y, m: h * 6 - 5, d: 1 }), end: fmtDay({ y, m: h * 6, d: daysInMonth(y, h * 6) }), precision: 'month' };
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
    const y = +m[1];
    const s = SEASONS[m[2] as keyof typeof SEASONS];
    const ey = y + s[2];
    return { start: fmtDay({ y, m: s[0], d: 1 }), end: fmtDay({ y: ey, m: s[1], d: daysInMonth(ey, s[1]) }), precision: 'month' };
  }
  if ((m = /^(\d{4})$/.exec(value))) {
    return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: 'year' };
  }
  if ((m = /^(\d{3})$/.exec(value))) {
    return { start: `${m[1]}0-01-01`, end: `${m[1]}9-12-31`, precision: 'decade' };
  }
  if ((m = /^(\d{2})$/.exec(value))) {
    return { start: `${m[1]}00-01-01`, end: `${m[1]}99-12-31`, precision: 'decade' };
  }
  return none;
}
