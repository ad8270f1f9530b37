// Incremental builds: a file's result is reused when its bytes, its sidecar, its
// name and the pipeline itself (code, lexicons, lockfile) are unchanged.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { deserialize, serialize } from 'node:v8';
import type { PackedResult } from './pack.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const VERSIONED = ['pipeline', 'schemas', 'data', 'package-lock.json'];

function walk(path: string, out: string[]): void {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const f of readdirSync(path).sort()) walk(join(path, f), out);
  } else out.push(path);
}

let version: string | null = null;
/** Hash of everything that can change what extraction produces. */
export function pipelineVersion(): string {
  if (version) return version;
  const files: string[] = [];
  for (const p of VERSIONED) walk(join(ROOT, p), files);
  const h = createHash('sha256').update(process.version).update('\0'); // cache entries are V8-serialized
  for (const f of files) h.update(f.slice(ROOT.length)).update('\0').update(readFileSync(f)).update('\0');
  version = h.digest('hex').slice(0, 16);
  return version;
}

// Entries are V8-serialized packed results: big strings load without a JSON parse.
const EXT = '.v8';

/** Writes one cache entry atomically (temporary file, then rename). */
export function writeEntry(file: string, r: PackedResult): void {
  const tmp = `${file}.${process.pid}.${threadId}.tmp`;
  writeFileSync(tmp, serialize(r));
  renameSync(tmp, file);
}

export class ResultCache {
  private readonly used = new Set<string>();
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** `sha256`: of the file's bytes, already computed by the build's first pass (not hashed twice). */
  key(name: string, sha256: string, metaText: string | null, metaProblem: string | null = null): string {
    return createHash('sha256')
      .update(pipelineVersion()).update('\0').update(name).update('\0').update(sha256).update('\0').update(metaText ?? '\u0000none')
      .update(metaProblem === null ? '' : `\0${metaProblem}`)
      .digest('hex').slice(0, 32);
  }

  has(key: string): boolean {
    return existsSync(join(this.dir, key + EXT));
  }

  get(key: string): PackedResult | null {
    this.used.add(key);
    try {
      return deserialize(readFileSync(join(this.dir, key + EXT))) as PackedResult;
    } catch {
      return null; // a missing or damaged entry is recomputed
    }
  }

  /** Where the entry for `key` lives (a worker may write it with writeEntry). */
  path(key: string): string {
    this.used.add(key);
    return join(this.dir, key + EXT);
  }

  put(key: string, r: PackedResult): void {
    writeEntry(this.path(key), r);
  }

  /** Drops entries this build did not use, so the cache never outgrows the corpus. */
  prune(): void {
    for (const f of readdirSync(this.dir)) {
      if (!f.endsWith(EXT) || !this.used.has(f.slice(0, -EXT.length))) rmSync(join(this.dir, f), { force: true });
    }
  }
}
