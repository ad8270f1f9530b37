// Scores the figures stage on the Recognizers-Text English specs (number,
// ordinal, percent, currency, dimension, age, temperature, number range).
// A case is right when every gold result is matched by a figure whose span
// overlaps it and whose value equals the gold value (ranges: both ends; an
// amount in cents or pence may be given in the main unit), and a case with no
// gold results gets no figure of the kinds the spec is about (a Currency
// negative may still hold a count). "strict" also fails a negative case on
// any figure at all. Gold results without a number (a bare unit name such as
// "fahrenheit" in "convert 10 celsius to fahrenheit") are not quantities and
// are left out; a case with only such results counts as negative.
// Usage: npx tsx scripts/eval-figures.ts <recognizers dir> [--show N] [--spec NAME]
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { docFromText } from '../pipeline/doc.js';
import { figureStage } from '../pipeline/extract/figures.js';
import { emptyAnnotations } from '../pipeline/extract/index.js';
import type { FigureHit } from '../pipeline/types.js';

interface Gold {
  text: string;
  start: number;
  end: number;
  type: string;
  value: unknown;
  resolution?: Record<string, unknown>;
}

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir || !existsSync(dir)) {
  process.stderr.write('usage: eval-figures.ts <recognizers dir> [--show N] [--spec NAME]\n');
  process.exit(2);
}
const showIdx = args.indexOf('--show');
const show = showIdx >= 0 ? Number(args[showIdx + 1]) : 0;
const specIdx = args.indexOf('--spec');
const onlySpec = specIdx >= 0 ? args[specIdx + 1] : null;

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** Expected [low, high] of a gold result, null when it has no numeric value. */
function goldValue(g: Gold): [number, number | null] | null {
  const raw = typeof g.value === 'object' && g.value !== null ? (g.value as { value?: string }).value : g.value;
  if (typeof raw !== 'string') return null;
  const range = /^([[(])([^,]*),([^\])]*)[\])]$/.exec(raw);
  if (range) {
    const lo = range[2] === '' ? null : Number(range[2]);
    const hi = range[3] === '' ? null : Number(range[3]);
    if (lo !== null) return [lo, hi === lo ? null : hi];
    if (hi !== null) return [hi, null];
    return null;
  }
  const v = Number(raw.replace(/%$/, ''));
  return Number.isFinite(v) ? [v, null] : null;
}

// Figure kinds each spec is about; negative cases are judged on these.
const SPEC_KINDS: Record<string, string[] | null> = {
  'Number-NumberModel': null, 'Number-NumberRangeModel': null, 'Number-OrdinalModel': ['rank'], 'Number-PercentModel': ['percent'],
  'NumberWithUnit-AgeModel': ['duration'], 'NumberWithUnit-CurrencyModel': ['money'], 'NumberWithUnit-DimensionModel': ['measure'],
  'NumberWithUnit-TemperatureModel': ['measure'],
};
const HUNDREDTHS = /^(cent|pence|penny|kopek|centime|fen)$/i;

function matches(f: FigureHit, g: Gold, want: [number, number | null]): boolean {
  if (f.end <= g.start || f.start >= g.end) return false;
  const unit = typeof g.value === 'object' && g.value !== null ? (g.value as { unit?: string }).unit ?? '' : '';
  const sub = HUNDREDTHS.test(unit) && f.kind === 'money';
  if (!close(f.value, want[0]) && !(sub && close(f.value, want[0] / 100))) return false;
  if (want[1] !== null && !(f.valueMax !== null && close(f.valueMax, want[1]))) return false;
  return true;
}

const specs = readdirSync(dir).filter((d) => !d.includes('.') && (!onlySpec || d.includes(onlySpec))).sort();
const rows: Array<{ spec: string; cases: number; right: number; strict: number; pos: number; posRight: number; neg: number; negRight: number; supported: number; supportedRight: number }> = [];
for (const spec of specs) {
  const files = readdirSync(join(dir, spec)).filter((f) => f.endsWith('.gold.json')).sort();
  const kinds = SPEC_KINDS[spec] ?? null;
  const row = { spec, cases: 0, right: 0, strict: 0, pos: 0, posRight: 0, neg: 0, negRight: 0, supported: 0, supportedRight: 0 };
  let shown = 0;
  for (const f of files) {
    const gold = JSON.parse(readFileSync(join(dir, spec, f), 'utf8')) as { results: Gold[]; notSupported?: string };
    const text = readFileSync(join(dir, spec, f.replace(/\.gold\.json$/, '.txt')), 'utf8');
    const doc = docFromText(text);
    const figs = figureStage.run(doc, emptyAnnotations()).figures;
    const results = gold.results.filter((g) => goldValue(g) !== null);
    let ok: boolean;
    if (results.length === 0) ok = figs.every((x) => kinds !== null && !kinds.includes(x.kind));
    else ok = results.every((g) => {
      const want = goldValue(g);
      return figs.some((fg) => matches(fg, g, want!));
    });
    row.cases++;
    if (ok) row.right++;
    if (ok && (results.length > 0 || figs.length === 0)) row.strict++;
    if (results.length === 0) { row.neg++; if (ok) row.negRight++; } else { row.pos++; if (ok) row.posRight++; }
    const supported = !(gold.notSupported ?? '').includes('javascript');
    if (supported) { row.supported++; if (ok) row.supportedRight++; }
    if (!ok && shown < show) {
      shown++;
      process.stdout.write(`  ✗ ${spec} ${f}: ${JSON.stringify(text.trim())}\n    gold: ${results.map((g) => `${JSON.stringify(g.text)}=${JSON.stringify(typeof g.value === 'object' ? (g.value as { value?: string }).value : g.value)}`).join(', ') || '(none)'}\n    got:  ${figs.map((x) => `${JSON.stringify(text.slice(x.start, x.end))}=${x.value}${x.valueMax !== null ? '..' + x.valueMax : ''} ${x.kind}`).join(', ') || '(none)'}\n`);
    }
  }
  rows.push(row);
}
const pct = (a: number, b: number) => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
process.stdout.write(`${'spec'.padEnd(32)} ${'cases'.padStart(5)}  right   strict   positive  negative  js-supported\n`);
let tc = 0, tr = 0, ts = 0;
for (const r of rows) {
  tc += r.cases; tr += r.right; ts += r.strict;
  process.stdout.write(`${r.spec.padEnd(32)} ${String(r.cases).padStart(5)}  ${pct(r.right, r.cases)}  ${pct(r.strict, r.cases)}  ${pct(r.posRight, r.pos)}   ${pct(r.negRight, r.neg)}   ${pct(r.supportedRight, r.supported)}\n`);
}
process.stdout.write(`${'all'.padEnd(32)} ${String(tc).padStart(5)}  ${pct(tr, tc)}  ${pct(ts, tc)}\n`);
