import type { Doc } from './types.js';
import type { ParsedArticle } from './structure.js';
import { splitSentences } from './sentences.js';

/** The extractors' view of a parsed article. */
export function toDoc(articleId: string, parsed: ParsedArticle, published = parsed.published): Doc {
  return {
    articleId,
    text: parsed.text,
    published,
    title: parsed.title,
    authors: parsed.authors,
    publisher: parsed.publisher,
    sections: parsed.sections,
    paragraphs: parsed.paragraphs,
    sentences: splitSentences(parsed.text, parsed.paragraphs),
  };
}

/**
 * A Doc straight from body text (paragraphs separated by blank lines), for tests
 * and tools: no header is looked for, so offsets are offsets into `text` itself.
 */
export function docFromText(text: string, published: string | null = null, articleId = 'test'): Doc {

  const paragraphs: Doc['paragraphs'] = [];
  const re = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    paragraphs.push({ start: m.index, end: m.index + m[0].trimEnd().length, index: paragraphs.length, section: 0 });
  }
  const end = paragraphs.length ? paragraphs[paragraphs.length - 1].end : 0;
  return {
    articleId,
    text,
    published,
    title: null,
    authors: [],
    publisher: null,
    sections: [{ index: 0, heading: null, headingSpan: null, start: 0, end }],
    paragraphs,
    sentences: splitSentences(text, paragraphs),
  };
}
