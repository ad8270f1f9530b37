// One input file → validated rows, or rejects. Pure apart from reading the file,
// so it can run in a worker thread.
import { MetaSidecarSchema } from '../schemas/tables.js';
import { emptyResult, readInput, sidecarName, type FileResult } from './input.js';
export type { FileResult } from './input.js';
import { decode, htmlToText, InputError, looksLikeHtml, markdownArticle } from './read.js';
import { applyMeta, parseArticle } from './structure.js';
import { toDoc } from './doc.js';
import { extract } from './extract/index.js';
import { articleRows } from './rows.js';
import { rejectRow, validateArticle, zodReason } from './validate.js';
import { sha256Hex } from './ids.js';

/** Reads and processes one input file. */
export function processFile(rawDir: string, name: string): FileResult {
  const input = readInput(rawDir, name);
  return 'rejected' in input ? input.rejected : processBytes(input.name, input.bytes, input.metaText, input.metaProblem);
}

/** The pure part: one article's bytes (and sidecar text, or why it was not read) → validated rows and rejects. */
export function processBytes(name: string, bytes: Uint8Array, metaText: string | null, metaProblem: string | null = null): FileResult {
  const result = emptyResult(name);
  const timings = result.timings;
  let t0 = performance.now();
  try {
    result.bytes = bytes.length;
    const sha256 = sha256Hex(bytes);
    result.sha256 = sha256;
    // A page saved under another extension (.txt) is still a page.
    const html = /\.html?$/i.test(name) || looksLikeHtml(bytes);
    const decoded = decode(bytes, html);
    const markdown = !html && /\.md$/i.test(name) ? markdownArticle(decoded.text) : null;
    const source = html ? htmlToText(decoded.text) : (markdown?.text ?? decoded.text);
    if (source.trim().length === 0) throw new InputError('read', 'no text (empty or whitespace only)');
    timings.read = performance.now() - t0;

    t0 = performance.now();
    const parsed = parseArticle(source);
    // Metadata beside the text, checked like a sidecar: Markdown front matter, then the sidecar, which wins.
    const useMeta = (meta: unknown, what: string) => {
      const m = MetaSidecarSchema.safeParse(meta);
      if (m.success) applyMeta(parsed, m.data);
      else result.rejects.push(rejectRow(name, 'meta', `${what} ignored: ${zodReason(m.error)}`));
    };
    if (markdown && Object.keys(markdown.meta).length > 0) useMeta(markdown.meta, 'front matter');
    if (metaProblem !== null) result.rejects.push(rejectRow(name, 'meta', `${sidecarName(name)} ignored: ${metaProblem}`));
    if (metaText !== null) {
      let meta: unknown = null;
      try {
        meta = JSON.parse(metaText);
      } catch (e) {
        result.rejects.push(rejectRow(name, 'meta', `${sidecarName(name)} is not valid JSON: ${(e as Error).message}`));
      }
      if (meta !== null) useMeta(meta, sidecarName(name));
    }
    const articleId = `art_${sha256.slice(0, 16)}`;
    const doc = toDoc(articleId, parsed);
    timings.structure = performance.now() - t0;

    // A failing extractor costs this article that extractor's rows, not the build or the other extractors'.
    const ann = extract(doc, timings, undefined, (stage, e) => result.rejects.push(rejectRow(name, 'extract', `${stage}: extraction failed: ${e.message}`)));

    t0 = performance.now();
    const { rows, entities } = articleRows({ articleId, sourceFile: name, sha256, encoding: decoded.encoding, parsed, doc, ann });
    const keys = new Set(entities.map((e) => e.entityKey));
    const checked = validateArticle(rows, keys, name);
    result.rejects.push(...checked.rejects);
    if (checked.rows.articles.length === 0) return result; // the article row itself was refused
    result.rows = checked.rows;
    for (const m of checked.rows.mentions) {
      const list = result.mentionTexts.get(m.entity_id) ?? [];
      list.push(m.text);
      result.mentionTexts.set(m.entity_id, list);
    }
    const used = new Set<string>(result.mentionTexts.keys());
    for (const r of checked.rows.person_roles) {
      used.add(r.person_id);
      if (r.organization_id) used.add(r.organization_id);
    }
    for (const e of checked.rows.events) for (const k of [e.actor_id, e.target_id, e.location_id]) if (k) used.add(k);
    for (const q of checked.rows.quotes) if (q.speaker_id) used.add(q.speaker_id);
    result.entities = entities.filter((e) => used.has(e.entityKey));
    timings.validate = performance.now() - t0;
  } catch (e) {
    if (e instanceof InputError) result.rejects.push(rejectRow(name, e.stage, e.message));
    else result.rejects.push(rejectRow(name, 'read', `could not process: ${(e as Error).message}`));
  }
  return result;
}

