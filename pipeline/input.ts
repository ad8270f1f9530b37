// Reading input files: the light part of processing, shared by the build loop and the workers.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Reject } from '../schemas/tables.js';
import type { ArticleRows } from './rows.js';
import type { EntityHit } from './types.js';
import { rejectRow } from './validate.js';

export const INPUT_FILE = /\.(txt|md|html?)$/i;

export interface FileResult {
  sourceFile: string;
  sha256: string | null;
  rows: ArticleRows | null;
  entities: EntityHit[];
  /** Surface texts of accepted mentions, per entity key. */
  mentionTexts: Map<string, string[]>;
  rejects: Reject[];
  /** Milliseconds spent per stage. */
  timings: Record<string, number>;
  bytes: number;
}

export interface RawInput {
  name: string;
  bytes: Uint8Array;
  metaText: string | null;
}

// The biggest file read as one article. A 25 MB article peaks at 2.5 GB while it is extracted;
// a 48 MB one peaked at 3.9 GB (V8's heap limit here is 4.1 GB) and then ran out of DuckDB's
// memory budget, which failed the whole build. A file this big is most likely many articles run
// together, or no article.
export const DEFAULT_MAX_ARTICLE_MB = 25;

/** Reads one input file and its sidecar (an unreadable or oversized file becomes a reject). */
export function readInput(rawDir: string, name: string, maxMb = DEFAULT_MAX_ARTICLE_MB): RawInput | { rejected: FileResult } {
  try {
    const size = statSync(join(rawDir, name)).size;
    if (size > maxMb * 1e6) {
      const reason = `${Number((size / 1e6).toPrecision(3))} MB, over the ${maxMb} MB limit for one article (MAX_ARTICLE_MB): not read; split it into articles or raise the limit`;
      return { rejected: { ...emptyResult(name), rejects: [rejectRow(name, 'read', reason)] } };
    }
    const bytes = readFileSync(join(rawDir, name));
    const metaPath = join(rawDir, sidecarName(name));
    const metaText = existsSync(metaPath) ? readFileSync(metaPath, 'utf8') : null;
    return { name, bytes, metaText };
  } catch (e) {
    return { rejected: { ...emptyResult(name), rejects: [rejectRow(name, 'read', `cannot read: ${(e as Error).message}`)] } };
  }
}

export const sidecarName = (name: string) => name.replace(INPUT_FILE, '') + '.meta.json';

export function emptyResult(name: string): FileResult {
  return { sourceFile: name, sha256: null, rows: null, entities: [], mentionTexts: new Map(), rejects: [], timings: {}, bytes: 0 };
}

