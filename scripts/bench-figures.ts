// Throughput of the figures stage (and of the timex stage it depends on) over a
// folder tree of plain-text articles.
// Usage: npx tsx scripts/bench-figures.ts <dir> [--limit N]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { docFromText } from '../pipeline/doc.js';
import { figureStage } from '../pipeline/extract/figures.js';
import { timexStage } from '../pipeline/extract/timexes.js';
import { emptyAnnotations } from '../pipeline/extract/index.js';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const li = args.indexOf('--limit');
const limit = li >= 0 ? Number(args[li + 1]) : Infinity;
if (!dir) { process.stderr.write('usage: bench-figures.ts <dir> [--limit N]\n'); process.exit(2); }

function walk(d: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(d).sort()) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (e.endsWith('.txt')) out.push(p);
  }
  return out;
}
const files = walk(dir).slice(0, limit);
const docs = files.map((f) => docFromText(readFileSync(f, 'utf8')));
const bytes = files.reduce((a, f) => a + statSync(f).size, 0);
// Warm-up: load lexicons and models once.
figureStage.run(docFromText('It cost $5 million, or 12% of four budgets.'), emptyAnnotations());
const priors = docs.map((d) => ({ ...emptyAnnotations(), ...timexStage.run(d, emptyAnnotations()) }));
let n = 0;
// CPU time as well as wall time: on a shared machine wall time mostly measures the neighbours.
const c0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < docs.length; i++) n += figureStage.run(docs[i], priors[i]).figures.length;
const dt = (performance.now() - t0) / 1000;
const cu = process.cpuUsage(c0);
const cpu = (cu.user + cu.system) / 1e6;
const t1 = performance.now();
for (const d of docs) timexStage.run(d, emptyAnnotations());
const dtx = (performance.now() - t1) / 1000;
process.stdout.write(`${files.length} docs, ${(bytes / 1e6).toFixed(2)} MB, ${n} figures\n`);
process.stdout.write(`figures: ${dt.toFixed(2)} s wall = ${(bytes / 1e6 / dt).toFixed(2)} MB/s; ${cpu.toFixed(2)} s CPU = ${(bytes / 1e6 / cpu).toFixed(2)} MB/s\n`);
process.stdout.write(`timexes: ${dtx.toFixed(2)} s = ${(bytes / 1e6 / dtx).toFixed(2)} MB/s\n`);
