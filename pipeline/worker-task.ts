// The extraction pool's task: one input file → packed result (pack.ts). The
// worker also writes the cache entry: serializing is work the main thread need not do.
import { processBytes } from './process.js';
import { writeEntry } from './cache.js';
import { pack, type PackedResult } from './pack.js';

export interface Task {
  name: string;
  bytes: Uint8Array;
  metaText: string | null;
  metaProblem: string | null;
  cacheFile: string | null;
}

export default function task({ name, bytes, metaText, metaProblem, cacheFile }: Task): PackedResult {
  const r = pack(processBytes(name, bytes, metaText, metaProblem));
  if (cacheFile) writeEntry(cacheFile, r);
  return r;
}
