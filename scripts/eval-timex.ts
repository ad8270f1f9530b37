// Scores the timex stage against TimeML gold files (<id>.txt + <id>.gold.json with
// `dct` and `timex`), TempEval-3 style: one-to-one matching of overlapping spans
// (exact spans first, then the largest overlap); value and type are judged on matches.
//   npx tsx scripts/eval-timex.ts <gold dir> [--limit N] [--errors] [--json]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { docFromText } from '../pipeline/doc.js';
import { findTimexes } from '../pipeline/extract/timexes.js';

interface Gold { text: string; start: number; end: number; type: string; value: string }

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  process.stderr.write('usage: eval-timex.ts <gold dir> [--limit N] [--errors] [--json]\n');
  process.exit(2);
}
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
const showErrors = args.includes('--errors');

const ids = readdirSync(dir).filter((f) => f.endsWith('.gold.json')).map((f) => f.slice(0, -'.gold.json'.length)).sort().slice(0, limit);
const c = { gold: 0, pred: 0, relaxed: 0, strict: 0, value: 0, type: 0 };
const errors: string[] = [];
const byRule = new Map<string, { pred: number; matched: number; value: number }>();
let chars = 0;
let ms = 0;

for (const id of ids) {
  const gold = JSON.parse(readFileSync(join(dir, `${id}.gold.json`), 'utf8'));
  const text = readFileSync(join(dir, `${id}.txt`), 'utf8');
  const dct = typeof gold.dct?.value === 'string' ? gold.dct.value.slice(0, 10) : null;
  const doc = docFromText(text, /^\d{4}-\d{2}-\d{2}$/.test(dct ?? '') ? dct : null, id);
  const t0 = performance.now();
  const preds = findTimexes(doc);
  ms += performance.now() - t0;
  chars += text.length;
  const golds: Gold[] = (gold.timex ?? []).filter((g: Gold) => typeof g.start === 'number' && text.slice(g.start, g.end) === g.text);
  c.gold += golds.length;
  c.pred += preds.length;
  for (const p of preds) { const r = byRule.get(p.rule) ?? { pred: 0, matched: 0, value: 0 }; r.pred++; byRule.set(p.rule, r); }
  const pairs: { i: number; j: number; ov: number; exact: boolean }[] = [];
  preds.forEach((p, i) => golds.forEach((g, j) => {
    const ov = Math.min(p.end, g.end) - Math.max(p.start, g.start);
    if (ov > 0) pairs.push({ i, j, ov, exact: p.start === g.start && p.end === g.end });
  }));
  pairs.sort((a, b) => Number(b.exact) - Number(a.exact) || b.ov - a.ov || a.i - b.i || a.j - b.j);
  const usedP = new Set<number>(), usedG = new Set<number>();
  for (const x of pairs) {
    if (usedP.has(x.i) || usedG.has(x.j)) continue;
    usedP.add(x.i); usedG.add(x.j);
    const p = preds[x.i], g = golds[x.j];
    c.relaxed++;
    if (x.exact) c.strict++;
    const valueOk = p.value.trim().toUpperCase() === String(g.value).trim().toUpperCase();
    if (valueOk) c.value++;
    const br = byRule.get(p.rule)!;
    br.matched++;
    if (valueOk) br.value++;
    if (p.type === g.type) c.type++;
    if (showErrors && (!valueOk || !x.exact)) {
      errors.push(`VAL  ${id} dct=${dct} "${text.slice(p.start, p.end)}" ${p.type} ${p.value} [${p.rule}] | gold "${g.text}" ${g.type} ${g.value} :: ${text.slice(Math.max(0, p.start - 80), p.end + 60).replace(/\s+/g, ' ')}`);
    }
  }
  if (showErrors) {
    preds.forEach((p, i) => { if (!usedP.has(i)) errors.push(`FP   ${id} "${text.slice(p.start, p.end)}" ${p.type} ${p.value} [${p.rule}] :: ${text.slice(Math.max(0, p.start - 40), p.end + 40).replace(/\s+/g, ' ')}`); });
    golds.forEach((g, j) => { if (!usedG.has(j)) errors.push(`FN   ${id} dct=${dct} "${g.text}" ${g.type} ${g.value} :: ${text.slice(Math.max(0, g.start - 40), g.end + 40).replace(/\s+/g, ' ')}`); });
  }
}

const prf = (tp: number) => {
  const p = c.pred ? tp / c.pred : 0, r = c.gold ? tp / c.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const f3 = (x: number) => x.toFixed(3);
const rel = prf(c.relaxed), str = prf(c.strict), val = prf(c.value);
if (showErrors) for (const e of errors) console.log(e);
console.log(`docs ${ids.length}  gold ${c.gold}  predicted ${c.pred}  matched ${c.relaxed}`);
console.log(`relaxed span  P=${f3(rel.p)} R=${f3(rel.r)} F1=${f3(rel.f)}`);
console.log(`strict span   P=${f3(str.p)} R=${f3(str.r)} F1=${f3(str.f)}`);
console.log(`value         P=${f3(val.p)} R=${f3(val.r)} F1=${f3(val.f)}`);
console.log(`type accuracy on matches ${f3(c.relaxed ? c.type / c.relaxed : 0)}`);
console.log(`speed ${(chars / 1e6 / (ms / 1000)).toFixed(2)} MB/s of text (${chars} chars in ${ms.toFixed(0)} ms, stage only)`);
if (args.includes('--by-rule')) {
  for (const [rule, r] of [...byRule].sort((a, b) => b[1].pred - a[1].pred)) {
    console.log(`  ${rule.padEnd(16)} predicted ${String(r.pred).padStart(4)}  matched ${String(r.matched).padStart(4)}  value ok ${String(r.value).padStart(4)}`);
  }
}
if (args.includes('--json')) console.log(JSON.stringify({ value_f1: val.f, relaxed_f1: rel.f, strict_f1: str.f, type_acc: c.relaxed ? c.type / c.relaxed : 0 }));
