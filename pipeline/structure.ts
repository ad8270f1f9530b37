import * as chrono from 'chrono-node';
import type { ParagraphSpan, SectionSpan, Span } from './types.js';
import { dataJson, wordSet } from './lexicon.js';
import { splitParagraph } from './sentences.js';
import type { MetaSidecar } from '../schemas/tables.js';

/** What the structure stage reads from one article's text. */
export interface ParsedArticle {
  title: string | null;
  subtitle: string | null;
  authors: string[];
  /** YYYY-MM-DD */
  published: string | null;
  photoCredit: string | null;
  sourceUrl: string | null;
  publisher: string | null;
  language: string | null;
  wordCount: number;
  /** Article body after light normalization; every offset points into it. */
  text: string;
  sections: SectionSpan[];
  paragraphs: ParagraphSpan[];
}

interface Block extends Span {
  text: string;
}

/**
 * Light normalization of the stored text: no BOM, LF line ends, Markdown
 * backslash escapes removed ("\$" → "$"), NUL and other control characters dropped.
 */
export function normalizeText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\\([$%&#_*[\]()`~<>|{}!.+-])/g, '$1')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[ \t]+$/gm, '');
}

/** Groups non-blank lines into blocks with their offsets. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  const re = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    blocks.push({ start: m.index + lead, end: m.index + lead + body.length, text: body });
  }
  return blocks;
}

/** A file with no blank lines at all: each line is its own block. */
function linesOf(block: Block): Block[] {
  const out: Block[] = [];
  const re = /[^\n]*\S[^\n]*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(block.text)) !== null) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    const start = block.start + m.index + lead;
    out.push({ start, end: start + body.length, text: body });
  }
  return out;
}

const MONTH_DATE = /^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)[a-z]*\.?,?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:[,\s].{0,40})?$/i;

/** Parses a line that is only a date ("March 07, 2017", "7 March 2017 10:15 GMT", "2017-03-07"). */
export function parseDateLine(line: string): string | null {
  const t = line.trim().replace(/^(published|updated|posted|date)\s*:?\s*/i, '');
  if (t.length > 60 || !MONTH_DATE.test(t)) return null;
  const iso = t.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const res = chrono.strict.parse(t, new Date(Date.UTC(2000, 0, 1)));
  const c = res[0]?.start;
  if (!c || !c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${c.get('year')}-${pad(c.get('month')!)}-${pad(c.get('day')!)}`;
}

const BYLINE = /^by\s+(.+)$/i;

export function parseByline(line: string): string[] | null {
  const m = line.trim().match(BYLINE);
  if (!m || m[1].length > 150) return null;
  const names = m[1]
    .replace(/\s*[|•·].*$/, '') // "By Jane Doe | Reuters"
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/i)
    .map((s) => s.trim())
    .filter((s) => /^\p{Lu}/u.test(s) && s.split(/\s+/).length <= 5);
  return names.length > 0 ? names : null;
}

const CREDIT_HINT = /(photo|image|picture|credit|©|\(c\)|getty|reuters|\bap\b|afp|epa|tass|zuma|shutterstock|\/)/i;

function isPhotoCredit(line: string): boolean {
  if (line.length > 100 || /[.!?]$/.test(line)) return false;
  const letters = line.replace(/[^\p{L}]/gu, '');
  const upper = line.replace(/[^\p{Lu}]/gu, '');
  return CREDIT_HINT.test(line) || (letters.length > 0 && upper.length / letters.length > 0.8);
}

/** A one-line block that reads like a heading: short, no closing punctuation, mostly capitalized words. */
function isHeading(b: Block): boolean {
  if (b.text.includes('\n')) return false;
  if (/^#{1,6}\s+\S/.test(b.text)) return true;
  if (b.text.length > 80 || /[.!?:;,"”’)…]$/.test(b.text)) return false;
  const words = b.text.split(/\s+/);
  if (words.length > 10 || !/^\p{Lu}/u.test(words[0])) return false;
  const content = words.filter((w) => w.length > 3);
  const caps = content.filter((w) => /^\p{Lu}/u.test(w));
  if (/\d/.test(b.text) && caps.length < content.length) return false;
  return content.length === 0 || caps.length / content.length >= 0.5;
}

const SOURCE_LINE = /^(?:original\s+url|source\s+url|source|url|link)\s*:\s*(https?:\/\/\S+)\s*$/i;

/** Publisher from a URL's host: known outlets by name, else the host itself. */
export function publisherFromUrl(url: string | null): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
  const known = dataJson<Record<string, string>>('publishers.json');
  const parts = host.split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const h = parts.slice(i).join('.');
    if (known[h]) return known[h];
  }
  return host;
}

export function detectLanguage(text: string): string | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 3) return null;
  const stop = wordSet('stopwords_en.txt');
  const hits = words.filter((w) => stop.has(w)).length;
  return hits / words.length >= 0.08 ? 'en' : 'und';
}

export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

/** Parses the article layout: header lines, body, section headings, paragraphs, source line. */
/** Metadata given beside the text (a sidecar, Markdown front matter) wins over what the text says. */
export function applyMeta(p: ParsedArticle, m: MetaSidecar): void {
  if (m.published !== undefined) p.published = m.published;
  if (m.title !== undefined) p.title = m.title;
  if (m.publisher !== undefined) p.publisher = m.publisher;
  if (m.source_url !== undefined) p.sourceUrl = m.source_url;
  if (m.authors !== undefined) p.authors = m.authors;
  if (m.language !== undefined) p.language = m.language;
}

export function parseArticle(raw: string): ParsedArticle {
  const norm = normalizeText(raw);
  let blocks = blocksOf(norm);
  if (blocks.length === 1 && blocks[0].text.split('\n').length > 3) blocks = linesOf(blocks[0]);

  let title: string | null = null;
  let subtitle: string | null = null;
  let authors: string[] = [];
  let published: string | null = null;
  let photoCredit: string | null = null;
  let sourceUrl: string | null = null;

  let i = 0;
  const oneLine = (b: Block | undefined) => !!b && !b.text.includes('\n') && b.text.length <= 300;
  // A title is one short line holding a single sentence (a lead paragraph is not a title).
  if (
    blocks.length > 0 &&
    oneLine(blocks[0]) &&
    blocks[0].text.length <= 200 &&
    splitParagraph(blocks[0].text, 0, blocks[0].text.length).length === 1
  ) {
    title = blocks[0].text.replace(/^#\s+/, '');
    i = 1;
  }
  // Header lines: subtitle, byline, date line, photo credit, in any order.
  const headerEnd = Math.min(blocks.length, i + 6);
  const isMeta = (b: Block) => parseByline(b.text) !== null || parseDateLine(b.text) !== null;
  let sawMeta = false;
  while (i < headerEnd && oneLine(blocks[i])) {
    const t = blocks[i].text;
    const by = parseByline(t);
    const date = by ? null : parseDateLine(t);
    if (by) {
      authors = by;
      sawMeta = true;
    } else if (date) {
      published = date;
      sawMeta = true;
    } else if (!sawMeta && subtitle === null && !/[.!?]["”]?$/.test(t) && blocks.slice(i + 1, i + 3).some(isMeta)) {
      subtitle = t;
    } else if (sawMeta && photoCredit === null && isPhotoCredit(t)) {
      photoCredit = t;
    } else break;
    i++;
  }

  // Footer: the source line, wherever it sits after the header.
  const body: Block[] = [];
  for (const b of blocks.slice(i)) {
    const m = b.text.match(SOURCE_LINE);
    if (m && !b.text.includes('\n')) {
      sourceUrl ??= m[1];
      continue;
    }
    body.push(b);
  }

  const base = body.length > 0 ? body[0].start : 0;
  const end = body.length > 0 ? body[body.length - 1].end : 0;
  // Source lines in the middle of the body are blanked to keep the offsets of what follows.
  const kept = new Set(body);
  const pieces: string[] = [];
  let at = base;
  for (const b of blocks.slice(i)) {
    if (b.start >= base && b.end <= end && !kept.has(b)) {
      pieces.push(norm.slice(at, b.start), ' '.repeat(b.end - b.start));
      at = b.end;
    }
  }
  pieces.push(norm.slice(at, end));
  const text = pieces.join('');

  const sections: SectionSpan[] = [];
  const paragraphs: ParagraphSpan[] = [];
  const open = (heading: string | null, span: Span | null, start: number) =>
    sections.push({ index: sections.length, heading, headingSpan: span, start, end: start });
  body.forEach((b, k) => {
    const span = { start: b.start - base, end: b.end - base };
    if (k > 0 && k < body.length - 1 && isHeading(b)) {
      open(b.text.replace(/^#{1,6}\s+/, ''), span, span.start);
    } else if (sections.length === 0) {
      open(null, null, span.start);
    }
    const sec = sections[sections.length - 1];
    sec.end = span.end;
    paragraphs.push({ ...span, index: paragraphs.length, section: sec.index });
  });

  return {
    title,
    subtitle,
    authors,
    published,
    photoCredit,
    sourceUrl,
    publisher: publisherFromUrl(sourceUrl),
    language: detectLanguage(text || title || ''),
    wordCount: countWords(text),
    text,
    sections,
    paragraphs,
  };
}
