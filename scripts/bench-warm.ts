// The extraction alone (read, extract, validate, serialize: what a worker does per file) over a
// folder, in one thread, twice: the first pass pays what every fresh thread pays (loading the
// code, setting up the models, V8 compiling the hot functions, growing the heap), the second
// runs warm. Uses the bundle and the CLI's V8 settings. Prints one JSON line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tuneV8 } from '../pipeline/v8flags.js';

tuneV8();
const dir = process.argv[2];
const files = readdirSync(dir).sort().map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }));
const t0 = performance.now();
const c0 = process.cpuUsage();
const { default: task } = (await import(pathToFileURL(resolve(import.meta.dirname, '..', 'dist', 'worker.mjs')).href)) as {
  default: (t: { name: string; bytes: Uint8Array; metaText: string | null; cacheFile: string | null }) => unknown;
};
const pass = () => {
  for (const f of files) task({ ...f, metaText: null, cacheFile: null });
};
pass();
const cold = { seconds: (performance.now() - t0) / 1000, cpuSeconds: sum(process.cpuUsage(c0)) };
const t1 = performance.now();
const c1 = process.cpuUsage();
pass();
const warm = { seconds: (performance.now() - t1) / 1000, cpuSeconds: sum(process.cpuUsage(c1)) };
console.log(JSON.stringify({ cold, warm }));

function sum(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1e6;
}
