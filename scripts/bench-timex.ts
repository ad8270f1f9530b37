// Throughput of the timex stage alone over a folder of plain-text articles.
//   npx tsx scripts/bench-timex.ts <dir> [--limit N] [--rounds R]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { docFromText } from '../pipeline/doc.js';
import { findTimexes } from '../pipeline/extract/timexes.js';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (!dir) {
  process.stderr.write('usage: bench-timex.ts <dir> [--limit N] [--rounds R]\n');
  process.exit(2);
}
const opt = (name: string, def: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : def);
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, opt('--limit', Infinity));
const docs = files.map((f) => docFromText(readFileSync(join(dir, f), 'utf8'), '2005-01-01', f));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
let hits = 0;
findTimexes(docs[0]); // warm-up
const rounds = opt('--rounds', 3);
// CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
const t0 = performance.now();
const c0 = process.cpuUsage();
for (let r = 0; r < rounds; r++) for (const d of docs) hits += findTimexes(d).length;
const s = (performance.now() - t0) / 1000;
const c = process.cpuUsage(c0);
const cpu = (c.user + c.system) / 1e6;
const mb = (bytes * rounds) / 1e6;
console.log(`${docs.length} docs, ${(bytes / 1e6).toFixed(2)} MB x ${rounds}: ${(mb / s).toFixed(2)} MB/s wall, ${(mb / cpu).toFixed(2)} MB/s CPU, ${hits / rounds} timexes`);
