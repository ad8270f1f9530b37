import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import iconv from 'iconv-lite';
import chardet from 'chardet';
import MarkdownIt from 'markdown-it';
import YAML from 'yaml';
import { dataJson } from './lexicon.js';

export interface Decoded {
  text: string;
  encoding: string;
}

export class InputError extends Error {
  constructor(
    readonly stage: string,
    message: string,
  ) {
    super(message);
  }
}

// Windows-1252 is the default guess; chardet's names for it and for its Latin-1 subset.
const WESTERN = new Set(['windows-1252', 'iso-8859-1']);
// chardet's statistics need some text; a guess must be this sure, and this much surer than
// Windows-1252, to win. Western text scored 75–82 as ISO-8859-1/Windows-1252 in trials, and
// Russian (windows-1251, KOI8-R), Greek, Polish and Japanese 40–100 as their own charsets.
const MIN_CONFIDENCE = 40;
const MIN_LEAD = 20;

/** The charset chardet is sure of for bytes that are not UTF-8, when it is not Windows-1252's family. */
function detectedCharset(bytes: Uint8Array): string | null {
  const guesses = chardet.analyse(bytes.subarray(0, 65536));
  const western = Math.max(0, ...guesses.filter((g) => WESTERN.has(g.name.toLowerCase())).map((g) => g.confidence));
  const top = guesses[0];
  if (!top || WESTERN.has(top.name.toLowerCase())) return null;
  if (top.confidence < MIN_CONFIDENCE || top.confidence < western + MIN_LEAD) return null;
  return iconv.encodingExists(top.name) ? top.name.toLowerCase() : null;
}

// How an HTML document starts (after a byte order mark and blank space).
const HTML_START = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*(?:<!--[^]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i;

/** Whether a file's bytes are an HTML page, whatever its name says. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  return HTML_START.test(Buffer.from(bytes.subarray(0, 1024)).toString('latin1'));
}

// Where a page declares its charset: <meta charset="…"> or the http-equiv Content-Type form.
// Browsers look in the first 1,024 bytes; pages with long heads put it later, so a bit more is read.
const DECLARED_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The charset an HTML page declares near its start, when iconv-lite can decode it. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const name = DECLARED_CHARSET.exec(head)?.[1].toLowerCase() ?? null;
  return name && iconv.encodingExists(name) ? name : null;
}

// The binary files most often found named as articles, by their first bytes (data/binary_signatures.json);
// `text`: a format that is text with markup of its own (RTF), refused all the same.
interface Signature {
  magic: string;
  format: string;
  text?: boolean;
}
let signatures: Array<{ bytes: number[]; format: string; text: boolean }> | null = null;

/** The format a file's first bytes name, if they name one. */
function signatureOf(bytes: Uint8Array): { format: string; text: boolean } | undefined {
  signatures ??= dataJson<Signature[]>('binary_signatures.json').map((s) => ({ bytes: s.magic.split(' ').map((h) => parseInt(h, 16)), format: s.format, text: s.text ?? false }));
  return signatures.find((s) => s.bytes.every((b, i) => bytes[i] === b));
}

// Random binary data has a NUL in 256 bytes and about 10% control bytes.
const MAX_NUL_SHARE = 0.001;
const MAX_CONTROL_SHARE = 0.05;

/** UTF-16 without a byte order mark, told by the zero half of each unit of Latin text. */
function unmarkedUtf16(p: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const units = p.length >> 1;
  if (units < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < p.length; i += 2) {
    if (p[i] === 0) even++;
    if (p[i + 1] === 0) odd++;
  }
  if (odd > 0.4 * units && even < 0.02 * units) return 'utf-16le';
  if (even > 0.4 * units && odd < 0.02 * units) return 'utf-16be';
  return null;
}

/**
 * Decodes raw bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else the charset an HTML page
 * declares, else one chardet is sure of (windows-1251, shift_jis, …), else Windows-1252; UTF-16 without
 * a byte order mark is recognized too. Binary is refused, naming the format when its first bytes tell.
 */
export function decode(whole: Uint8Array, html = false): Decoded {
  if (whole.length === 0) throw new InputError('read', 'empty file');
  if (whole[0] === 0xff && whole[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(whole.subarray(2)), encoding: 'utf-16le' };
  if (whole[0] === 0xfe && whole[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(whole.subarray(2)), encoding: 'utf-16be' };
  const known = signatureOf(whole);
  if (known) throw new InputError('decode', known.text ? `${known.format}, not plain text: save it as text or HTML` : `binary file (${known.format}), not text`);
  // Only text with zero bytes can be UTF-16 (a native scan; most files have none).
  const utf16 = whole.subarray(0, 65536).includes(0) ? unmarkedUtf16(whole.subarray(0, 65536)) : null;
  if (utf16) {
    try {
      // Without NUL padding at the end (a file cut short or preallocated): not part of the text.
      return { text: new TextDecoder(utf16, { fatal: true }).decode(whole).replace(/\0+$/, ''), encoding: utf16 };
    } catch {
      // Not UTF-16 after all: judged as bytes below.
    }
  }
  let end = whole.length;
  while (end > 0 && whole[end - 1] === 0) end--;
  if (end === 0) throw new InputError('decode', 'binary file (only NUL bytes), not text');
  const bytes = whole.subarray(0, end);
  const probe = bytes.subarray(0, 65536);
  let nul = 0;
  let ctrl = 0;
  for (const b of probe) {
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32)) ctrl++;
  }
  // A stray NUL or two is damage to a text (normalization drops it); more is binary data.
  if (nul > Math.max(2, MAX_NUL_SHARE * probe.length) || nul + ctrl > MAX_CONTROL_SHARE * probe.length) throw new InputError('decode', 'binary file (control bytes found), not text');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes);
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    const charset = (html ? declaredCharset(bytes) : null) ?? detectedCharset(bytes);
    if (charset) return { text: iconv.decode(Buffer.from(bytes), charset), encoding: charset };
    // Not UTF-8: news files of that kind are almost always Windows-1252 (a superset of Latin-1's printable range).
    // (Node's TextDecoder treats windows-1252 as Latin-1, losing € – “ ”; iconv-lite maps them.)
    return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
  }
}

// Readability's work grows with about the cube of a page's nesting: 250 nested elements took
// 0.16 s, 1,000 took 4.4 s and 5,000 (a 56 KB file) 400 s. Real pages nest a few dozen deep.
// Deeper than this, the text blocks are read straight from the page instead.
export const MAX_HTML_DEPTH = 256;

/** How deep the element tree under `root` goes (iterative: a deep tree must not overflow the stack). */
function depthOf(root: Element): number {
  let max = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    if (d > max) max = d;
    for (const child of Array.from(el.children)) stack.push([child, d + 1]);
  }
  return max;
}

/** The text blocks of a page: headings, paragraphs, list items and quotes that hold no others. */
function textBlocks(root: ParentNode): string[] {
  const blocks: string[] = [];
  for (const el of Array.from(root.querySelectorAll('h1, h2, h3, h4, p, li, blockquote'))) {
    if (el.querySelector('p, li')) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) blocks.push(t);
  }
  return blocks;
}

const INLINE = new Set(['A', 'ABBR', 'B', 'CITE', 'CODE', 'EM', 'I', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U']);

/** An element's text with a space where a block or cell ends (textContent runs table cells together). Iterative: pages can nest deep. */
function spacedText(root: Node): string {
  const parts: string[] = [];
  const stack: Array<Node | string> = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === 'string') parts.push(n);
    else if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
    else if (n.nodeType === 1) {
      const gap = INLINE.has((n as Element).tagName) ? '' : ' ';
      stack.push(gap);
      for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
      stack.push(gap);
    }
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The page's DOM without the elements that hold code or styles rather than text. */
function scriptFree(html: string) {
  const { document } = parseHTML(html);
  for (const el of Array.from(document.querySelectorAll('script, style, noscript, iframe'))) el.remove();
  return document;
}

/**
 * Turns an HTML page into the plain layout (title, byline, paragraphs) with
 * Readability over a script-free DOM: nothing is executed or fetched.
 */
export function htmlToText(html: string): string {
  const document = scriptFree(html);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const published =
    document.querySelector('meta[property="article:published_time"]')?.getAttribute('content') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const tooDeep = depthOf(document.documentElement as unknown as Element) > MAX_HTML_DEPTH;
  // Readability changes the document it reads.
  const article = tooDeep ? null : new Readability(document as unknown as Document).parse();
  const title = (article?.title ?? document.querySelector('title')?.textContent ?? '').trim();
  let blocks: string[] = [];
  if (article?.content) {
    const content = parseHTML(`<html><body>${article.content}</body></html>`).document;
    blocks = textBlocks(content as unknown as ParentNode);
    // An article of bare text or table cells, in no block element: its text as one paragraph.
    const bare = blocks.length === 0 ? spacedText(content.body as unknown as Node) : '';
    if (bare) blocks = [bare];
  }
  // Too deep for Readability, or nothing it would call an article (a page that is one table):
  // the page's own blocks, read from a fresh copy (Readability changes the document it reads).
  if (blocks.length === 0) {
    const page = tooDeep ? document : scriptFree(html);
    blocks = textBlocks(page as unknown as ParentNode);
    // No block elements at all: the body's text, as one paragraph.
    const all = blocks.length === 0 && page.body ? spacedText(page.body as unknown as Node) : '';
    if (all) blocks = [all];
  }
  const head = [title];
  if (article?.byline) head.push(/^by\s/i.test(article.byline) ? article.byline.trim() : `By ${article.byline.trim()}`);
  if (published && /^\d{4}-\d{2}-\d{2}/.test(published)) head.push(published.slice(0, 10));
  const tail = canonical && /^https?:\/\//.test(canonical) ? [`Original url: ${canonical}`] : [];
  return [...head.filter(Boolean), ...blocks, ...tail].join('\n\n');
}

// Front matter: the YAML block a Markdown article may open with (title, date, author, url).
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** The first of `keys` that front matter gives as text (or, with `many`, as a list of texts). */
function field(fm: Record<string, unknown>, keys: string[], many = false): string[] {
  for (const k of keys) {
    const v = fm[k];
    if (Array.isArray(v) && !many) continue;
    const list = (Array.isArray(v) ? v : [v]).filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim());
    if (list.some(Boolean)) return list.filter(Boolean);
  }
  return [];
}

// CommonMark with tables and strikethrough; raw HTML passes into the script-free DOM. The
// nesting bound stops quotes or lists nested thousands deep from exhausting the stack.
const MAX_MARKDOWN_NESTING = 40;
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false, maxNesting: MAX_MARKDOWN_NESTING });

/**
 * A Markdown article in the plain layout: its title, then its blocks (headings, paragraphs, list
 * items, quotes) without the markup; the text is rendered to HTML and read as a page's blocks would
 * be, and nothing is run or fetched. `meta`: what its YAML front matter gives, under the sidecar's
 * field names (title, authors, published, source_url, publisher, language), for the same checks.
 */
export function markdownArticle(md: string): { text: string; meta: Record<string, unknown> } {
  let body = md;
  let fm: Record<string, unknown> = {};
  const m = FRONT_MATTER.exec(md);
  if (m) {
    try {
      const v: unknown = YAML.parse(m[1]);
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        fm = v as Record<string, unknown>;
        body = md.slice(m[0].length);
      }
    } catch {
      // Not YAML: the block stays part of the text.
    }
  }
  const meta: Record<string, unknown> = {};
  const [title] = field(fm, ['title', 'headline']);
  const authors = field(fm, ['authors', 'author', 'byline'], true);
  const [date] = field(fm, ['published', 'date']).filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d));
  const [url] = field(fm, ['source_url', 'url', 'canonical', 'canonical_url', 'link']).filter((u) => /^https?:\/\//.test(u));
  const [publisher] = field(fm, ['publisher', 'site_name']);
  const [language] = field(fm, ['language', 'lang']);
  for (const [k, v] of Object.entries({ title, published: date?.slice(0, 10), source_url: url, publisher, language })) if (v) meta[k] = v;
  if (authors.length) meta.authors = authors;

  const tokens = markdown.parse(body, {});
  // Past the nesting bound markdown-it drops the rest of the text: then it is read as written.
  if (tokens.some((t) => t.level >= MAX_MARKDOWN_NESTING - 1)) return { text: md, meta };
  const page = scriptFree(`<html><body>${markdown.renderer.render(tokens, markdown.options, {})}</body></html>`);
  let blocks = textBlocks(page as unknown as ParentNode);
  // No blocks (all is code, say): the rendered text.
  if (blocks.length === 0) blocks = [spacedText(page.body as unknown as Node)].filter(Boolean);
  // The title heads the text (the plain layout's first line), once.
  if (title && blocks[0] !== title) blocks.unshift(title);
  return { text: blocks.join('\n\n'), meta };
}
