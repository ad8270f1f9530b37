import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle, parseDateLine, parseByline, normalizeText, publisherFromUrl } from '../pipeline/structure.js';
import { MAX_SENTENCE_CHARS, splitParagraph } from '../pipeline/sentences.js';
import { markdownArticle } from '../pipeline/read.js';
import { applyMeta } from '../pipeline/structure.js';
import { MetaSidecarSchema } from '../schemas/tables.js';
import fc from 'fast-check';
import { SEED } from './helpers.js';

describe('article structure', () => {
  it('reads the seed layout: header lines, sections, source line', () => {
    const p = parseArticle(readFileSync(SEED, 'utf8'));
    expect(p.title).toBe('Stuck in the Middle with Kim Jong-Un');
    expect(p.subtitle).toBe('Russia risks losing a buffer state as North Korea draws U.S. missiles to the Far East');
    expect(p.authors).toEqual(['Bradley Jardine', 'Matthew Bodner']);
    expect(p.published).toBe('2017-03-07');
    expect(p.photoCredit).toBe('ZUMA / TASS');
    expect(p.sourceUrl).toBe('https://www.themoscowtimes.com/2017/03/07/north-korea-a57357');
    expect(p.publisher).toBe('The Moscow Times');
    expect(p.language).toBe('en');
    expect(p.sections.map((s) => s.heading)).toEqual([null, 'Cold War Comrades', 'Managing the Status Quo']);
    expect(p.text.startsWith('According to the New York Times')).toBe(true);
    expect(p.text.endsWith('Xinhua news agency stated.')).toBe(true);
    expect(p.text).toContain('$11 billion'); // the \$ escape is normalized
    expect(p.text).not.toContain('Original url');
    for (const s of p.sections) {
      if (s.headingSpan) expect(p.text.slice(s.headingSpan.start, s.headingSpan.end)).toBe(s.heading);
    }
  });

  it('reads the plain layout with nulls for what is missing', () => {
    const raw = readFileSync(join(import.meta.dirname, 'fixtures/plain/harbour-storm.txt'), 'utf8');
    const p = parseArticle(raw);
    expect(p.title).toBe('Storm closes harbour for two days');
    expect(p.subtitle).toBeNull();
    expect(p.authors).toEqual([]);
    expect(p.published).toBeNull();
    expect(p.sourceUrl).toBeNull();
    expect(p.publisher).toBeNull();
    expect(p.paragraphs).toHaveLength(2);
    expect(p.text.slice(p.paragraphs[0].start, p.paragraphs[0].end)).toBe(
      'Heavy winds closed the harbour of Portsmouth for two days last week, the port authority said.',
    );
  });

  it('does not take a lead paragraph for a title', () => {
    const p = parseArticle('The minister resigned on Monday. She gave no reason.\n\nMore follows.');
    expect(p.title).toBeNull();
    expect(p.paragraphs).toHaveLength(2);
  });

  it('handles an article with only a title, and CRLF line ends', () => {
    expect(parseArticle('Just a headline\r\n').title).toBe('Just a headline');
    expect(parseArticle('Just a headline\r\n').text).toBe('');
    const p = parseArticle('Headline here\r\n\r\nFirst paragraph.\r\n\r\nSecond one.\r\n');
    expect(p.text).toBe('First paragraph.\n\nSecond one.');
  });

  it.each([
    ['March 07, 2017', '2017-03-07'],
    ['7 March 2017', '2017-03-07'],
    ['Tuesday, March 7, 2017', '2017-03-07'],
    ['2017-03-07', '2017-03-07'],
    ['Published: Jan. 5, 2020 10:15 GMT', '2020-01-05'],
    ['March 2017 was cold', null],
    ['The talks resumed on March 7, 2017 in Geneva.', null],
  ])('date line %s → %s', (line, iso) => expect(parseDateLine(line)).toBe(iso));

  it.each([
    ['By Bradley Jardine and Matthew Bodner', ['Bradley Jardine', 'Matthew Bodner']],
    ['By Anna Smith, John Doe & Li Wei', ['Anna Smith', 'John Doe', 'Li Wei']],
    ['by Jane Roe | Reuters', ['Jane Roe']],
    ['Bystanders fled the scene', null],
  ])('byline %s', (line, names) => expect(parseByline(line)).toEqual(names));

  it('normalizes escapes and control characters', () => {
    expect(normalizeText('\uFEFFcost \\$5\r\nnext\rline\u0007')).toBe('cost $5\nnext\nline');
  });

  it('names publishers from hosts, known or not', () => {
    expect(publisherFromUrl('https://www.bbc.co.uk/news/x')).toBe('BBC News');
    expect(publisherFromUrl('https://news.example.org/a')).toBe('news.example.org');
    expect(publisherFromUrl('not a url')).toBeNull();
  });
});

describe('sentence splitting', () => {
  const split = (t: string) => splitParagraph(t, 0, t.length).map((s) => t.slice(s.start, s.end));
  it.each([
    ['Almost immediately, reports of renewed U.S. efforts were leaked. Even Russia played along.', 2],
    ['Kim Jong-Un would, it seemed, take backseat. But that was before.', 2],
    ['Mr. Smith met Dr. Jones in St. Louis on Jan. 5. They talked.', 2],
    ['He moved to the U.S. The move was hard.', 2],
    ['The firm, Acme Inc., grew. It hired 40 people.', 2],
    ['"We are concerned," he said. "Very concerned."', 2],
    ['Workers favor them for their "diligence" and "hard work." Meanwhile, the government waits.', 2],
    ['President John F. Kennedy spoke.', 1],
    ['Growth was 2.5 percent in 2016. Exports rose.', 2],
    ['Is it over? No! It goes on...', 3],
  ])('%s → %i sentences', (t, n) => {
    const s = split(t);
    expect(s).toHaveLength(n);
    expect(s.join(' ')).toBe(t.replace(/\s+/g, ' '));
  });
});

describe('runs longer than any sentence', () => {
  const spans = (t: string) => splitParagraph(t, 0, t.length);
  const word = (i: number) => ['north', 'korea', 'said', 'on', 'monday', 'the', 'talks', 'would', 'go', 'on'][i % 10];

  it('cuts a run with no sentence end at spaces into pieces of at most the limit', () => {
    const t = Array.from({ length: 1000 }, (_, i) => word(i)).join(' '); // about 4,900 characters
    const pieces = spans(t);
    expect(pieces.length).toBeGreaterThanOrEqual(5);
    for (const p of pieces) {
      expect(p.end - p.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(p.end - p.start).toBeGreaterThan(MAX_SENTENCE_CHARS / 2);
      expect(t[p.start - 1] ?? ' ').toBe(' '); // whole words only
      expect(t[p.end] ?? ' ').toBe(' ');
    }
    expect(pieces.map((p) => t.slice(p.start, p.end)).join(' ')).toBe(t);
  });

  it('prefers a line break to a space, and keeps a single longer word whole', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `${word(i)} ${word(i + 1)}`).join('\n'); // a list, one item a line
    for (const p of spans(lines)) {
      expect(lines[p.end] ?? '\n').toBe('\n');
      expect(p.end - p.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    }
    const long = 'x'.repeat(3000);
    expect(spans(`Before ${long} after`).map((p) => `Before ${long} after`.slice(p.start, p.end))).toEqual(['Before', long, 'after']);
  });

  it('cuts a long sentence after a clause mark rather than inside a clause', () => {
    // One sentence of about 1,900 characters: clauses of 19 words, each ending in a semicolon or comma.
    const clauses = Array.from({ length: 20 }, (_, i) => Array.from({ length: 19 }, (_, j) => word(i + j)).join(' ') + (i % 2 ? ';' : ','));
    const t = `${clauses.join(' ')} and the talks went on.`;
    const pieces = spans(t).map((p) => t.slice(p.start, p.end));
    expect(pieces.length).toBeGreaterThanOrEqual(2);
    for (const p of pieces.slice(0, -1)) {
      expect(p).toMatch(/[;,]$/);
      expect(p.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    }
    expect(pieces.join(' ')).toBe(t);
  });

  it('leaves prose alone: sentences under the limit are never cut', () => {
    const t = 'The council met on Monday. It approved the budget, officials said.';
    expect(spans(t).map((p) => t.slice(p.start, p.end))).toEqual(['The council met on Monday.', 'It approved the budget, officials said.']);
  });

  it('loses no text and makes no piece over the limit unless it is one word (property)', () => {
    const text = fc.array(fc.oneof(fc.constantFrom('a', 'word', 'Korea', '.', '. ', ' ', '\n', '  '), fc.string({ maxLength: 30 })), { maxLength: 400 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const ps = spans(t);
        let last = 0;
        for (const p of ps) {
          expect(p.start).toBeGreaterThanOrEqual(last);
          expect(p.end).toBeGreaterThan(p.start);
          const piece = t.slice(p.start, p.end);
          if (piece.length > MAX_SENTENCE_CHARS) expect(piece.trim()).not.toMatch(/\s/);
          last = p.end;
        }
        // What lies between the pieces is only whitespace.
        const between = ps.map((p, i) => t.slice(i === 0 ? 0 : ps[i - 1].end, p.start)).join('') + t.slice(ps.at(-1)?.end ?? 0);
        expect(between.trim()).toBe('');
      }),
      { numRuns: 300 },
    );
  });
});

describe('sentence spans', () => {
  it('leave list bullets out of the sentence', async () => {
    const { docFromText } = await import('../pipeline/doc.js');
    const d = docFromText('Readers asked:\n\n- How do I fold a napkin?\n\n* What is so special about the Swiss?\n\n-Bernie Sanders won Iowa.\n\n@media screen\n\n- - - -');
    expect(d.sentences.map((s) => d.text.slice(s.start, s.end))).toEqual([
      'Readers asked:',
      'How do I fold a napkin?',
      'What is so special about the Swiss?',
      'Bernie Sanders won Iowa.',
      'media screen',
    ]);
  });
});

describe('Markdown articles', () => {
  // As the build reads it: the text parsed, then the front matter applied as a sidecar would be.
  const md = (source: string) => {
    const { text, meta } = markdownArticle(source);
    const p = parseArticle(text);
    applyMeta(p, MetaSidecarSchema.parse(meta));
    return p;
  };
  const markdownToText = (source: string) => markdownArticle(source).text;
  const paras = (p: ReturnType<typeof md>) => p.paragraphs.map((x) => p.text.slice(x.start, x.end));

  it.each([
    ['emphasis', 'A **bold** and _quiet_ vote', 'A bold and quiet vote'],
    ['a link', 'The council of [Lyon](https://example.com/lyon) met.', 'The council of Lyon met.'],
    ['an image', 'Before ![a photo](https://example.com/p.jpg) after.', 'Before after.'],
    ['inline code', 'The `budget` passed.', 'The budget passed.'],
    ['a hard-wrapped paragraph', 'The council met\non Monday.', 'The council met on Monday.'],
    ['raw HTML with a script', 'Text <script>alert(1)</script>here.', 'Text here.'],
  ])('drops the markup of %s', (_, body, text) => {
    expect(paras(md(`# Title\n\n${body}`))).toEqual([text]);
  });

  it('reads headings, list items and quotes as their own paragraphs, the first heading as the title', () => {
    const p = md('# Council approves budget\n\nThe council met.\n\n## Reaction\n\n> "A great day," said the mayor.\n\n- More than 300 residents came.\n- The vote was 45 to 12.\n');
    expect(p.title).toBe('Council approves budget');
    expect(paras(p)).toEqual(['The council met.', 'Reaction', '"A great day," said the mayor.', 'More than 300 residents came.', 'The vote was 45 to 12.']);
  });

  it('reads Markdown nested past its bound (quotes or lists thousands deep) as written, losing no text', () => {
    const deep = `${'>'.repeat(5000)} The deep text.\n\nThe last paragraph.`;
    expect(markdownToText(deep)).toBe(deep);
    const list = Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i)}- item ${i}`).join('\n');
    expect(markdownToText(list)).toContain('item 299');
  });

  it('takes title, authors, date and url from YAML front matter', () => {
    const p = md('---\ntitle: "Storm closes port"\nauthor: [Ann Lee, Bo Chen]\ndate: 2021-03-14T08:00:00Z\nurl: https://example.com/storm\n---\n\n# Storm closes port\n\nA storm closed the port on Sunday.\n');
    expect(p).toMatchObject({ title: 'Storm closes port', authors: ['Ann Lee', 'Bo Chen'], published: '2021-03-14', sourceUrl: 'https://example.com/storm' });
    expect(paras(p)).toEqual(['A storm closed the port on Sunday.']);
  });

  it('takes front matter authors as listed (a "Last, First" name stays one author)', () => {
    expect(md('---\nauthors: ["Lee, Ann", "Chen, Bo"]\n---\n\n# Storm\n\nA storm closed the port.').authors).toEqual(['Lee, Ann', 'Chen, Bo']);
  });

  it('keeps a dashed block that is not YAML as text, and ignores front matter fields of the wrong kind', () => {
    expect(markdownToText('---\n: : not yaml [\n---\n\nBody.')).toContain('Body.');
    const p = md('---\ntitle: [1, 2]\ndate: yesterday\nurl: javascript:alert(1)\n---\n\n# Real title\n\nBody text here.');
    expect(p.title).toBe('Real title');
    expect(p.published).toBeNull();
    expect(p.sourceUrl).toBeNull();
  });
});
