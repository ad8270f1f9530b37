// Typed exact-span NER scores of the entity stage on a CoNLL-2003-style folder, scored as
// the CoNLL shared task does (PERSON→PER, ORGANIZATION→ORG, COUNTRY/LOCATION→LOC,
// GROUP/MISC and demonyms→MISC). Gold spans in the headline (moved into the title) are left out.
// Usage: npx tsx scripts/eval-ner.ts <dir> [--limit N] [--errors FILE]
import { writeFileSync } from 'node:fs';
import { parseArticle } from '../pipeline/structure.js';
import { toDoc } from '../pipeline/doc.js';
import { entityStage } from '../pipeline/extract/entities.js';
const emptyAnnotations = () => ({ entities: [], mentions: [], roles: [], timexes: [], figures: [], quotes: [], events: [] });
import type { EntityType } from '../pipeline/types.js';
import { argValue, loadGold } from './ner-data.js';

const dir = process.argv[2];
const limit = Number(argValue('--limit', 'Infinity'));
const skip = Number(argValue('--skip', '0'));
const errFile = argValue('--errors');
const LABEL: Record<EntityType, string> = { PERSON: 'PER', ORGANIZATION: 'ORG', COUNTRY: 'LOC', LOCATION: 'LOC', GROUP: 'MISC', MISC: 'MISC' };
const types = ['PER', 'ORG', 'LOC', 'MISC'];
const tp: Record<string, number> = {};
const fp: Record<string, number> = {};
const fn: Record<string, number> = {};
for (const t of types) tp[t] = fp[t] = fn[t] = 0;
const errors: string[] = [];
let untypedTp = 0;
let predTotal = 0;
let goldTotal = 0;

for (const d of loadGold(dir, limit, skip)) {
  const parsed = parseArticle(d.text);
  const doc = toDoc(d.id, parsed);
  const off = d.text.indexOf(doc.text);
  if (off < 0) throw new Error(`${d.id}: body not found in raw text`);
  const ann = entityStage.run(doc, emptyAnnotations());
  const ents = new Map(ann.entities.map((e) => [e.entityKey, e]));
  const pred = new Map<string, string>();
  for (const m of ann.mentions) {
    if (m.form === 'pronoun') continue;
    const label = m.form === 'demonym' ? 'MISC' : LABEL[ents.get(m.entityKey)!.type];
    pred.set(`${m.start + off}:${m.end + off}`, label);
  }
  const gold = new Map<string, string>();
  for (const e of d.entities) if (e.start >= off) gold.set(`${e.start}:${e.end}`, e.type);
  predTotal += pred.size;
  goldTotal += gold.size;
  for (const [k, t] of gold) {
    const p = pred.get(k);
    if (p) untypedTp++;
    if (p === t) tp[t]++;
    else {
      fn[t]++;
      const [a, b] = k.split(':').map(Number);
      errors.push(`${d.id}\tFN\t${t}\t${d.text.slice(a, b)}\t${p ?? '-'}\t${d.text.slice(Math.max(0, a - 40), b + 40).replace(/\n/g, ' ')}`);
    }
  }
  for (const [k, t] of pred) {
    if (gold.get(k) === t) continue;
    fp[t]++;
    const [a, b] = k.split(':').map(Number);
    errors.push(`${d.id}\tFP\t${t}\t${d.text.slice(a, b)}\t${gold.get(k) ?? '-'}\t${d.text.slice(Math.max(0, a - 40), b + 40).replace(/\n/g, ' ')}`);
  }
}

const f1 = (a: number, b: number, c: number) => {
  const p = a / Math.max(1, a + b);
  const r = a / Math.max(1, a + c);
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const sum = (o: Record<string, number>) => types.reduce((s, t) => s + o[t], 0);
const all = f1(sum(tp), sum(fp), sum(fn));
console.log(`overall P=${all.p.toFixed(4)} R=${all.r.toFixed(4)} F1=${all.f.toFixed(4)} (gold ${goldTotal}, predicted ${predTotal})`);
const un = f1(untypedTp, predTotal - untypedTp, goldTotal - untypedTp);
console.log(`untyped F1=${un.f.toFixed(4)}`);
for (const t of types) {
  const s = f1(tp[t], fp[t], fn[t]);
  console.log(`${t.padEnd(5)} P=${s.p.toFixed(4)} R=${s.r.toFixed(4)} F1=${s.f.toFixed(4)}`);
}
if (errFile) writeFileSync(errFile, errors.join('\n') + '\n');
