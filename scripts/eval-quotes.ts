// Scores the quote stage on a folder of PolNeAR-style gold files (<id>.txt +
// <id>.gold.json with quotes[{text,start,end,fragments?,quoteType,speaker,cue}]),
// the way the project's quotes scorer does: a prediction matches a gold
// attribution when they overlap by at least half of the shorter span; direct
// recall over gold direct quotes (any predicted kind), direct precision over
// predicted direct/partial (right when matching gold direct or mixed); indirect
// row likewise with gold indirect+mixed and predicted indirect; speaker right
// when the gold speaker's last capitalized word is a word of the predicted speaker.
//
// usage: npx tsx scripts/eval-quotes.ts <gold-dir> [--limit N] [--offset M] [--show missed|fp|speaker|all]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../pipeline/structure.js';
import { toDoc, docFromText } from '../pipeline/doc.js';
import { EXTRACT_STAGES, emptyAnnotations } from '../pipeline/extract/index.js';
import { quoteStage } from '../pipeline/extract/quotes.js';
import type { Annotations, Doc, QuoteHit } from '../pipeline/types.js';

interface GSpan { text: string; start: number; end: number }
interface GQuote extends GSpan { quoteType: 'direct' | 'mixed' | 'indirect'; fragments?: GSpan[]; speaker: GSpan | null; cue: GSpan | null }

const args = process.argv.slice(2);
const dir = args[0];
const opt = (k: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
const limit = Number(opt('--limit') ?? Infinity);
const offset = Number(opt('--offset') ?? 0);
const show = opt('--show') ?? '';

const NOT_NAMES = new Set('i he she it we they you his her hers its our ours their theirs my mine your yours him them us me the a an this that these those some many most several both each every all another other others such one none no any few'.split(' '));
function lastCapitalized(s: string | undefined | null): string | null {
  let best: string | null = null;
  for (let w of String(s ?? '').normalize('NFC').match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []) {
    w = w.replace(/['’]s$/u, '').replace(/['’.-]+$/u, '');
    if (/^\p{Lu}/u.test(w) && !NOT_NAMES.has(w.toLowerCase())) best = w;
  }
  return best;
}
const words = (s: string) => ` ${s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
const overlap = (a: number, b: number, c: number, d: number) => Math.max(0, Math.min(b, d) - Math.max(a, c));

/** The Doc the pipeline would build, with the offset of its text inside the raw file. */
function docOf(id: string, raw: string): { doc: Doc; shift: number } {
  const parsed = parseArticle(raw);
  const at = raw.indexOf(parsed.text);
  if (at >= 0 && parsed.text.length > 0) return { doc: toDoc(id, parsed), shift: at };
  // Text rewritten by normalization: fall back to the raw body after the headline.
  const nl = raw.indexOf('\n\n');
  const body = nl >= 0 ? raw.slice(nl + 2) : raw;
  return { doc: docFromText(body, null, id), shift: raw.length - body.length };
}

const files = readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort().slice(offset, offset + limit);
const c = { goldDirect: 0, goldOther: 0, recDirect: 0, recOther: 0, predDirect: 0, predDirectOk: 0, predIndirect: 0, predIndirectOk: 0, spkN: 0, spkOk: 0, spkLenient: 0, ospkN: 0, ospkOk: 0, noSpeaker: 0, predDirectOnly: 0, inHeader: 0 };
let chars = 0;
let quoteMs = 0;
for (const f of files) {
  const id = f.replace(/\.gold\.json$/, '');
  const raw = readFileSync(join(dir, `${id}.txt`), 'utf8');
  const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { quotes?: GQuote[] };
  const { doc, shift } = docOf(id, raw);
  let ann: Annotations = emptyAnnotations();
  for (const st of EXTRACT_STAGES) {
    if (st.name === 'quotes') break;
    ann = { ...ann, ...st.run(doc, ann) };
  }
  const t0 = performance.now();
  const preds: QuoteHit[] = quoteStage.run(doc, ann).quotes;
  quoteMs += performance.now() - t0;
  chars += doc.text.length;
  const entName = new Map(ann.entities.map((e) => [e.entityKey, e.name]));
  const golds = (gold.quotes ?? []).filter((g) => typeof g.start === 'number').map((g) => ({
    g,
    frags: (g.fragments?.length ? g.fragments : [g]),
    best: null as QuoteHit | null,
    bestOv: 0,
  })).filter((x) => {
    if (x.frags[0].start < shift) { c.inHeader++; return false; }
    return true;
  });
  for (const x of golds) if (x.g.quoteType === 'direct') c.goldDirect++; else c.goldOther++;
  const said = (p: QuoteHit) => `${p.speakerKey ? entName.get(p.speakerKey) ?? '' : ''} ${p.speakerText ?? ''}`.trim();
  for (const p of preds) {
    const ps = p.start + shift;
    const pe = p.end + shift;
    let hitQuoted = false;
    let hitIndirect = false;
    for (const x of golds) {
      let ov = 0;
      let len = 0;
      for (const fr of x.frags) { ov += overlap(ps, pe, fr.start, fr.end); len += fr.end - fr.start; }
      if (!(ov > 0 && ov >= 0.5 * Math.min(pe - ps, len))) continue;
      if (x.g.quoteType !== 'indirect') hitQuoted = true;
      if (x.g.quoteType !== 'direct') hitIndirect = true;
      if (ov > x.bestOv) { x.best = p; x.bestOv = ov; }
    }
    const quoted = p.kind === 'direct' || p.kind === 'partial';
    if (p.kind === 'direct') { c.predDirectOnly++; if (!said(p)) c.noSpeaker++; }
    if (quoted) { c.predDirect++; if (hitQuoted) c.predDirectOk++; else if (/fp|all/.test(show)) console.log(`FP ${p.kind} [${p.rule}] ${id}: ${JSON.stringify(doc.text.slice(p.start, p.end)).slice(0, 160)} | ${p.speakerText}`); }
    else { c.predIndirect++; if (hitIndirect) c.predIndirectOk++; else if (/ifp/.test(show)) console.log(`IFP [${p.rule}] ${id}: ${JSON.stringify(doc.text.slice(p.start, p.end)).slice(0, 160)} | ${p.speakerText}`); }
  }
  for (const x of golds) {
    const direct = x.g.quoteType === 'direct';
    if (!x.best) {
      if (!direct && /imiss/.test(show)) console.log(`IMISS ${id}: ${JSON.stringify(x.g.text).slice(0, 160)} | ${x.g.speaker?.text} | ${x.g.cue?.text}`);
      if (direct && /missed|all/.test(show)) console.log(`MISS ${id}: ${JSON.stringify(x.g.text).slice(0, 160)} | ${x.g.speaker?.text} | ${x.g.cue?.text}`);
      continue;
    }
    if (direct) c.recDirect++; else c.recOther++;
    const w = lastCapitalized(x.g.speaker?.text);
    if (!w) continue;
    const ok = words(said(x.best)).includes(words(w));
    // Lenient: the predicted name is the head of a gold speaker phrase that goes on with an appositive.
    const head = (x.g.speaker?.text ?? '').split(/,|\s+who\s|\s+\(/)[0];
    const lw = lastCapitalized(x.best.speakerText);
    const lenient = ok || (!!lw && words(head).includes(words(lw)));
    if (direct && lenient) c.spkLenient++;
    if (direct) { c.spkN++; if (ok) c.spkOk++; else if (/speaker|all/.test(show)) console.log(`SPK ${id}: gold=${x.g.speaker?.text} pred=${said(x.best)} [${x.best.rule}] ${JSON.stringify(x.g.text).slice(0, 100)}`); }
    else { c.ospkN++; if (ok) c.ospkOk++; }
  }
}
const r = (a: number, b: number) => (b ? a / b : 0);
const f1 = (p: number, q: number) => (p + q ? (2 * p * q) / (p + q) : 0);
const dp = r(c.predDirectOk, c.predDirect), dr = r(c.recDirect, c.goldDirect);
const ip = r(c.predIndirectOk, c.predIndirect), ir = r(c.recOther, c.goldOther);
const fmt = (x: number) => x.toFixed(3);
console.log(`docs ${files.length} (offset ${offset}); gold direct ${c.goldDirect}, indirect+mixed ${c.goldOther}, in header ${c.inHeader}`);
console.log(`direct   P=${fmt(dp)} R=${fmt(dr)} F1=${fmt(f1(dp, dr))} (pred ${c.predDirect}, correct ${c.predDirectOk}, found ${c.recDirect})`);
console.log(`indirect P=${fmt(ip)} R=${fmt(ir)} F1=${fmt(f1(ip, ir))} (pred ${c.predIndirect}, correct ${c.predIndirectOk}, found ${c.recOther})`);
console.log(`speaker acc direct ${fmt(r(c.spkOk, c.spkN))} (${c.spkOk}/${c.spkN}), lenient ${fmt(r(c.spkLenient, c.spkN))}; indirect+mixed ${fmt(r(c.ospkOk, c.ospkN))} (${c.ospkOk}/${c.ospkN}); direct without speaker ${c.noSpeaker}/${c.predDirectOnly}`);
console.log(`quote stage: ${(chars / 1e6).toFixed(2)} MB in ${quoteMs.toFixed(0)} ms = ${(chars / 1e6 / (quoteMs / 1000)).toFixed(2)} MB/s`);
