// Two inline-SVG charts, no script: horizontal bars (Observable Plot) and a date strip (drawn here:
// it stacks same-day events and zooms into the busiest span, which Plot's marks do not do for us).
// Every label goes through the escaping template; every mark can link to a row of the page.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { formatNumber, h, Raw } from './html.js';

export interface Bar {
  label: string;
  value: number;
  color: string;
  href?: string;
  title?: string;
}

const FONT = new Raw('font-family="system-ui, sans-serif" font-size="12"');

/** Cuts a label to n characters with an ellipsis (SVG text does not wrap). */
function clip(s: string, n: number): string {
  const cps = Array.from(s);
  return cps.length <= n ? s : cps.slice(0, n - 1).join('') + '…';
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Horizontal bars drawn by Observable Plot into a server-side DOM (linkedom): static SVG, no script. */
export function barChart(bars: Bar[], opts: { width?: number; label?: string } = {}): Raw {
  const width = opts.width ?? 720;
  const row = 20;
  const data = bars.map((b, i) => ({ ...b, key: `${i}`, shown: clip(b.label, 34) }));
  const { document } = parseHTML('<!DOCTYPE html><html><body></body></html>');
  const svg = Plot.plot({
    document: document as unknown as Document,
    width,
    height: bars.length * row + 8,
    marginLeft: 250,
    marginRight: 50,
    marginTop: 4,
    marginBottom: 4,
    style: { fontFamily: 'system-ui, sans-serif', fontSize: '12px' },
    x: { axis: null, domain: [0, Math.max(1, ...bars.map((b) => b.value))] },
    // One band per bar, in the given order, labelled with the (clipped) name.
    y: { domain: data.map((d) => d.key), tickFormat: (k: string) => data[Number(k)].shown, tickSize: 0, label: null, padding: 0.3 },
    marks: [
      Plot.barX(data, {
        x: 'value',
        y: 'key',
        fill: (d: (typeof data)[number]) => d.color,
        href: (d: (typeof data)[number]) => d.href ?? null,
        title: (d: (typeof data)[number]) => d.title ?? `${d.label}: ${formatNumber(d.value)}`,
        rx: 2,
      }),
      Plot.text(data, { x: 'value', y: 'key', text: (d: (typeof data)[number]) => formatNumber(d.value), dx: 6, textAnchor: 'start' }),
    ],
  }) as unknown as { setAttribute(k: string, v: string): void; outerHTML: string };
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', opts.label ?? 'bar chart');
  return new Raw(svg.outerHTML);
}

// ---- dates ----

const DAY = 86_400_000;
const MAX_STACK = 180;
/** Days since 1970-01-01 of an ISO date (UTC, no clock involved). */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return Number.NaN; // e.g. DuckDB's "0044-03-15 (BC)": not drawn
  const t = new Date(0);
  t.setUTCFullYear(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)); // Date.UTC would read year 44 as 1944
  return t.getTime() / DAY;
}
function isoOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

interface Tick {
  day: number;
  label: string;
}

/** Round ticks (days, months or years) between two day numbers, at most about ten. */
export function dateTicks(from: number, to: number): Tick[] {
  const span = Math.max(1, to - from);
  const ticks: Tick[] = [];
  const [y0] = isoOf(from).split('-').map(Number);
  const [y1] = isoOf(to).split('-').map(Number);
  if (span > 3 * 365) {
    const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500].find((s) => (y1 - y0) / s <= 10) ?? 1000;
    for (let y = Math.ceil(y0 / step) * step; y <= y1; y += step) {
      const day = dayNumber(`${String(y).padStart(4, '0')}-01-01`);
      if (day >= from && day <= to) ticks.push({ day, label: String(y) });
    }
  } else if (span > 60) {
    const months = (y1 - y0) * 12 + 12;
    const step = [1, 2, 3, 6, 12].find((s) => span / 30 / s <= 10) ?? 12;
    for (let k = 0; k <= months; k++) {
      const y = y0 + Math.floor(k / 12);
      const m = (k % 12) + 1;
      if ((m - 1) % step !== 0) continue;
      const day = dayNumber(`${y}-${String(m).padStart(2, '0')}-01`);
      if (day >= from && day <= to) ticks.push({ day, label: `${y}-${String(m).padStart(2, '0')}` });
    }
  } else {
    const step = [1, 2, 7, 14].find((s) => span / s <= 10) ?? 14;
    for (let day = Math.ceil(from); day <= to; day += step) ticks.push({ day, label: isoOf(day) });
  }
  return ticks;
}

export interface TimePoint {
  start: string;
  end: string | null;
  color: string;
  href: string;
  title: string;
  /** Legend group (stacked together in the histogram). */
  group?: string;
}

export interface TimelineOptions {
  width?: number;
  label?: string;
  /** Legend groups in stacking order, with their colours (histogram mode). */
  groups?: [string, string][];
}

/** Above this many events the strip becomes a histogram: dots would only pile up. */
export const DENSE = 60;

/** Events on a date axis: a strip of marks when there are few, else a stacked histogram. */
export function timeline(points: TimePoint[], opts: TimelineOptions = {}): Raw {
  points = points.filter((p) => Number.isFinite(dayNumber(p.start)));
  if (points.length === 0) return h``;
  return points.length > DENSE ? histogram(points, opts) : strip(points, opts);
}

/** Events on a date axis: a dot for a day, a bar for a longer period; dots on the same spot stack up. */
function strip(points: TimePoint[], opts: TimelineOptions): Raw {
  const width = opts.width ?? 960;
  const pad = 40;
  const starts = points.map((p) => dayNumber(p.start));
  const ends = points.map((p, i) => Math.max(starts[i], p.end ? dayNumber(p.end) : starts[i]));
  let from = Math.min(...starts);
  let to = Math.max(...ends);
  if (to - from < 2) {
    from -= 3;
    to += 3;
  }
  const x = (day: number) => round(pad + ((width - 2 * pad) * (day - from)) / (to - from));
  // Stack marks whose pixels overlap: each lane keeps the right edge of its last mark.
  const order = points.map((_, i) => i).sort((a, b) => starts[a] - starts[b] || ends[a] - ends[b] || a - b);
  const laneEnds: number[] = [];
  const lane = new Array<number>(points.length);
  for (const i of order) {
    const x0 = x(starts[i]) - 5;
    let l = laneEnds.findIndex((e) => e < x0);
    if (l < 0) l = laneEnds.push(0) - 1;
    lane[i] = l;
    laneEnds[l] = Math.max(x(ends[i]), x(starts[i])) + 5;
  }
  // Dense corpora would stack marks very high: squeeze the lanes into at most MAX_STACK pixels.
  const laneH = Math.min(12, MAX_STACK / Math.max(1, laneEnds.length));
  const r = Math.max(1.5, Math.min(5, laneH / 2 - 0.5));
  const top = 10;
  const axisY = round(top + laneEnds.length * laneH + 6);
  const height = axisY + 26;
  const marks = order.map((i) => {
    const cy = round(axisY - 8 - lane[i] * laneH);
    const x0 = x(starts[i]);
    const x1 = x(ends[i] + 1);
    const shape =
      ends[i] > starts[i]
        ? h`<rect x="${x0}" y="${round(cy - r)}" width="${round(Math.max(6, x1 - x0))}" height="${round(2 * r)}" rx="${round(r)}" fill="${points[i].color}" fill-opacity="0.75"></rect>`
        : h`<circle cx="${x0}" cy="${cy}" r="${round(r)}" fill="${points[i].color}"></circle>`;
    return h`<a href="${points[i].href}"><title>${points[i].title}</title>${shape}</a>`;
  });
  const ticks = dateTicks(from, to).map(
    (t) => h`<line x1="${x(t.day)}" x2="${x(t.day)}" y1="${axisY}" y2="${axisY + 5}" stroke="#555"></line><text x="${x(t.day)}" y="${axisY + 18}" text-anchor="middle">${t.label}</text>`,
  );
  return h`<svg class="chart" role="img" aria-label="${opts.label ?? 'timeline'}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT}>
<line x1="${pad}" x2="${width - pad}" y1="${axisY}" y2="${axisY}" stroke="#555"></line>${ticks}${marks}</svg>`;
}

// ---- histogram ----

interface Bucketing {
  name: string;
  /** Rough length in days, to pick a bucket size. */
  days: number;
  start: (day: number) => number;
  label: (start: number) => string;
}

const ymd = (day: number) => isoOf(day).split('-').map(Number);
const dayOf = (y: number, m: number) => dayNumber(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`);
const calendar = (name: string, days: number, months: number, label: (y: number, m: number) => string): Bucketing => ({
  name,
  days,
  start: (day) => {
    const [y, m] = ymd(day);
    const k = Math.floor((y * 12 + m - 1) / months) * months;
    return dayOf(Math.floor(k / 12), (k % 12) + 1);
  },
  label: (start) => {
    const [y, m] = ymd(start);
    return label(y, m);
  },
});
const BUCKETS: Bucketing[] = [
  { name: 'day', days: 1, start: Math.floor, label: isoOf },
  // Weeks start on Monday; day 4 (1970-01-05) was one.
  { name: 'week', days: 7, start: (d) => Math.floor((d - 4) / 7) * 7 + 4, label: (s) => `week of ${isoOf(s)}` },
  calendar('month', 30.44, 1, (y, m) => `${y}-${String(m).padStart(2, '0')}`),
  calendar('quarter', 91.3, 3, (y, m) => `${y} Q${(m + 2) / 3}`),
  calendar('year', 365.25, 12, (y) => String(y)),
  calendar('decade', 3652.5, 120, (y) => `${y}s`),
  calendar('century', 36525, 1200, (y) => `${y}s`),
];

/** The next bucket's first day (buckets have calendar lengths). */
function bucketEnd(b: Bucketing, start: number): number {
  let d = start + Math.max(1, Math.floor(b.days));
  while (b.start(d) === start) d++;
  return b.start(d);
}

/** Events per period, stacked by legend group; each piece links to the first of its events. */
function histogram(points: TimePoint[], opts: TimelineOptions): Raw {
  const width = opts.width ?? 960;
  const pad = 40;
  const starts = points.map((p) => dayNumber(p.start));
  const lo = Math.min(...starts);
  const hi = Math.max(...starts);
  const b = BUCKETS.find((k) => (hi - lo) / k.days <= 80) ?? BUCKETS[BUCKETS.length - 1];
  const buckets = new Map<number, number[]>();
  points.forEach((_, i) => {
    const k = b.start(starts[i]);
    if (!buckets.has(k)) buckets.set(k, []);
    buckets.get(k)!.push(i);
  });
  const from = b.start(lo);
  const to = bucketEnd(b, b.start(hi));
  const x = (day: number) => round(pad + ((width - 2 * pad) * (day - from)) / (to - from));
  const max = Math.max(...[...buckets.values()].map((v) => v.length));
  const plotH = 160;
  const top = 16;
  const axisY = top + plotH;
  const unit = plotH / max;
  const order = (opts.groups ?? []).map(([g]) => g);
  const groupRank = (g: string | undefined) => (g === undefined || !order.includes(g) ? order.length : order.indexOf(g));
  const bars = [...buckets.entries()]
    .sort((p, q) => p[0] - q[0])
    .map(([start, idx]) => {
      const x0 = x(start);
      const w = round(Math.max(2, x(bucketEnd(b, start)) - x0 - 1));
      const byGroup = new Map<string, number[]>();
      for (const i of idx) {
        const g = points[i].group ?? points[i].color;
        if (!byGroup.has(g)) byGroup.set(g, []);
        byGroup.get(g)!.push(i);
      }
      let y = axisY;
      const pieces = [...byGroup.entries()]
        .sort((p, q) => groupRank(points[p[1][0]].group) - groupRank(points[q[1][0]].group) || (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0))
        .map(([g, members]) => {
          const hgt = round(members.length * unit);
          y = round(y - hgt);
          const first = members[0];
          return h`<a href="${points[first].href}"><title>${b.label(start)}: ${members.length} ${points[first].group ?? ''} event${members.length === 1 ? '' : 's'} (of ${idx.length})</title><rect x="${x0}" y="${y}" width="${w}" height="${hgt}" fill="${points[first].color}"></rect></a>`;
        });
      return h`${pieces}`;
    });
  const ticks = dateTicks(from, to).map(
    (t) => h`<line x1="${x(t.day)}" x2="${x(t.day)}" y1="${axisY}" y2="${axisY + 5}" stroke="#555"></line><text x="${x(t.day)}" y="${axisY + 18}" text-anchor="middle">${t.label}</text>`,
  );
  const height = axisY + 26;
  return h`<svg class="chart" role="img" aria-label="${opts.label ?? 'timeline'}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT}>
<line x1="${pad}" x2="${width - pad}" y1="${top}" y2="${top}" stroke="#ddd"></line><text x="${pad}" y="${top - 4}" fill="#5c5c5c">${max} event${max === 1 ? '' : 's'} per ${b.name}</text>
<line x1="${pad}" x2="${width - pad}" y1="${axisY}" y2="${axisY}" stroke="#555"></line>${ticks}${bars}</svg>`;
}
