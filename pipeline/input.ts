// Reading input files: the light part of processing, shared by the build loop and the workers.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Reject } from '../schemas/tables.js';
import type { ArticleRows } from './rows.js';
import type { EntityHit } from './types.js';
import { rejectRow } from './validate.js';

export const INPUT_FILE = /\.(txt|md|html?)$/i;

/** An entry of the raw folder that looks like an article. */
export interface InputFile {
  name: string;
  /** Why it is not read (it is rejected with this reason), or null. */
  problem: string | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file name as text: bytes that are not UTF-8 (Linux allows any) are shown as \xNN, so two such names stay apart. */
function nameOf(bytes: Buffer): { name: string; valid: boolean } {
  try {
    return { name: utf8.decode(bytes), valid: true };
  } catch {
    const shown = [...bytes].map((b) => (b === 0x5c ? '\\\\' : b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`));
    return { name: shown.join(''), valid: false };
  }
}

/** What a raw folder holds. */
export interface Listing {
  files: InputFile[];
  /** Subfolders left unread (without `recursive`), for the build to mention. */
  folders: string[];
}

/**
 * The article files of a folder (by extension), in path order; with `recursive`, of its
 * subfolders too, named by their path inside it ('politics/001.txt'). An entry that cannot be read
 * is listed with the reason, never left out and never allowed to stop the build: a broken link, a
 * named pipe (reading it would wait forever), a name that is not UTF-8, a folder that cannot be listed.
 * Hidden folders (.git, the build's own caches), the "Page_files" folder a browser saves beside
 * "Page.html", and `skip` (OUT, when it is inside) are never inputs; a folder reached twice through
 * links is read once.
 */
export function listInputs(raw: string, opts: { skip?: readonly string[]; recursive?: boolean } = {}): Listing {
  const files: InputFile[] = [];
  const folders: string[] = [];
  const seen = new Set<string>([realpathSync(raw)]);
  const skipped = new Set((opts.skip ?? []).map((p) => resolve(p)));
  const walk = (prefix: string) => {
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(join(raw, prefix), { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      if (prefix === '') throw e;
      files.push({ name: prefix, problem: `a folder that cannot be listed (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): its files were not read` });
      return;
    }
    const named = entries.map((d) => ({ d, ...nameOf(d.name) }));
    const names = new Set(named.map((e) => e.name));
    for (const { d, name: base, valid } of named) {
      const name = prefix + base;
      const path = join(raw, name);
      const kind = valid ? kindOf(d, path) : d.isDirectory() ? 'folder' : 'file';
      if (kind === 'folder') {
        if (base.startsWith('.') || skipped.has(resolve(path)) || savedPageParts(base, names)) continue;
        if (!opts.recursive) folders.push(name);
        else if (!valid) files.push({ name: `${name}/`, problem: 'a folder whose name is not valid UTF-8 (shown with \\x escapes): its files were not read; rename it' });
        else {
          const real = realpathSync(path);
          if (!seen.has(real)) {
            seen.add(real);
            walk(`${name}/`);
          }
        }
      } else if (INPUT_FILE.test(base)) {
        files.push({ name, problem: !valid ? 'the file name is not valid UTF-8 (shown with \\x escapes): not read; rename the file' : kind === 'file' ? null : kind });
      }
    }
  };
  walk('');
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { files: files.sort((a, b) => byName(a.name, b.name)), folders: folders.sort(byName) };
}

/** The folder a browser saves beside a page ("Page.html" and "Page_files/": scripts, styles, ad frames), which holds no article. */
function savedPageParts(folder: string, siblings: ReadonlySet<string>): boolean {
  const m = /^(.+)_files$/.exec(folder);
  return m !== null && (siblings.has(`${m[1]}.html`) || siblings.has(`${m[1]}.htm`));
}

/** 'file' for a regular file (or a link to one), 'folder' for a folder (or a link to one), else why it is not read. */
function kindOf(d: Dirent<Buffer>, path: string): string {
  let kind: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean } = d;
  if (d.isSymbolicLink()) {
    try {
      kind = statSync(path);
    } catch (e) {
      return `a symbolic link to nothing readable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): not read`;
    }
  }
  if (kind.isFile()) return 'file';
  if (kind.isDirectory()) return 'folder';
  return `not a regular file (${kind.isFIFO() ? 'a named pipe' : kind.isSocket() ? 'a socket' : 'a device'}): not read`;
}

/** The result of a file that was not read. */
export function unreadResult(name: string, reason: string): FileResult {
  return { ...emptyResult(name), rejects: [rejectRow(name, 'read', reason)] };
}

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
  /** Why the sidecar was not read (the article still builds without it), or null. */
  metaProblem: string | null;
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
      return { rejected: unreadResult(name, reason) };
    }
    const bytes = readFileSync(join(rawDir, name));
    return { name, bytes, ...readSidecar(join(rawDir, sidecarName(name))) };
  } catch (e) {
    return { rejected: unreadResult(name, `cannot read: ${(e as Error).message}`) };
  }
}

// A sidecar holds a few fields (title, date, authors, URL); one this big is not a sidecar.
const MAX_SIDECAR_BYTES = 1e6;

/** A sidecar's text, or why it was not read: the article does not depend on it. */
function readSidecar(path: string): Pick<RawInput, 'metaText' | 'metaProblem'> {
  const none = { metaText: null, metaProblem: null };
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !lexists(path)) return none;
    return { metaText: null, metaProblem: `cannot read it (${code ?? (e as Error).message})` };
  }
  if (stat.isDirectory()) return none;
  if (!stat.isFile()) return { metaText: null, metaProblem: 'not a regular file' };
  if (stat.size > MAX_SIDECAR_BYTES) return { metaText: null, metaProblem: `${Number((stat.size / 1e6).toPrecision(3))} MB, over the 1 MB limit for a sidecar` };
  try {
    return { metaText: readFileSync(path, 'utf8'), metaProblem: null };
  } catch (e) {
    return { metaText: null, metaProblem: `cannot read it (${(e as Error).message})` };
  }
}

const lexists = (path: string) => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

export const sidecarName = (name: string) => name.replace(INPUT_FILE, '') + '.meta.json';

export function emptyResult(name: string): FileResult {
  return { sourceFile: name, sha256: null, rows: null, entities: [], mentionTexts: new Map(), rejects: [], timings: {}, bytes: 0 };
}

