import { describe, expect, it } from 'vitest';
import { docFromText } from '../pipeline/doc.js';
import { emptyAnnotations } from '../pipeline/extract/index.js';
import { findQuotes } from '../pipeline/extract/quotes.js';

const run = (text: string) => findQuotes(docFromText(text), emptyAnnotations());

// Quotation marks that are not speech, and hedges that are not attributions.
const NOTHING: Array<{ name: string; text: string }> = [
  { name: 'scare quotes without a cue', text: 'Employers praise the workers for their "discipline" and "loyalty."' },
  { name: 'curly scare quote', text: 'The so-called “peace dividend” never came.' },
  { name: 'title of a book after a speech verb', text: 'She wrote the book “Stealing Home” in 2010.' },
  { name: 'title of a show', text: 'He appeared on “Meet the Press” on Sunday.' },
  { name: 'title of a show after told', text: 'The senator told “Fox News Sunday.”' },
  { name: 'title of a show with a host name', text: 'Ryan told “Midday with Charlie Sykes,” a radio show, about the plan.' },
  { name: 'a term in quotes', text: 'The bill creates a “safe harbor” for small firms.' },
  { name: 'hedge: it seemed', text: 'The plan, it seemed, would work for everyone involved.' },
  { name: 'hedge: it seems', text: 'If the vote is anything to go by, it seems the party agrees.' },
  { name: 'a handle in quotes', text: 'The account "@cityhall" posted the notice.' },
  { name: 'empty quotes', text: 'The form had a blank "" where the name should go.' },
  { name: 'inch marks', text: 'The screen measures 15" across and weighs little.' },
  { name: 'a noun that looks like a cue verb', text: 'The law requires a yearly report by "an independent reviewer".' },
  { name: 'a prepositional phrase before a cue is no report', text: 'On the budget, Ruiz said nothing at all.' },
  { name: 'apostrophes are not single quotes', text: 'The Clintons’ house in the ‘90s had a ‘boom’ feel to it.' },
  { name: 'single-quoted title without a cue', text: 'Her memoir ‘Stealing Home Again’ sold well in Britain.' },
  { name: 'plain narration', text: 'The committee met on Tuesday and adjourned without a vote.' },
];

describe('quote stage: not quotes', () => {
  it.each(NOTHING)('$name', ({ text }) => {
    expect(run(text)).toEqual([]);
  });

  it('a quote inside a quote is not a quote of its own', () => {
    const text = '“My father said ‘never give up’ every day,” Ruiz said.';
    const quotes = run(text);
    expect(quotes).toHaveLength(1);
    expect(text.slice(quotes[0].start, quotes[0].end)).toBe('“My father said ‘never give up’ every day,”');
  });

  it('a straight-quoted word inside a curly quote stays inside it', () => {
    const text = '“He said "no" to the offer twice,” Ruiz said.';
    const quotes = run(text);
    expect(quotes).toHaveLength(1);
    expect(text.slice(quotes[0].start, quotes[0].end)).toBe('“He said "no" to the offer twice,”');
  });

  it('a short scare quote next to a real quote is left out', () => {
    const text = 'The plan is a “giveaway.” “It will cost billions,” Senator Ann Cole said.';
    const quotes = run(text);
    expect(quotes.map((q) => text.slice(q.start, q.end))).toEqual(['“It will cost billions,”']);
  });

  it('an unclosed mark does not swallow the next paragraph', () => {
    const text = 'The sign read “closed for repairs.\n\nWorkers arrived on Monday and fixed the roof.';
    for (const q of run(text)) expect(q.end).toBeLessThanOrEqual(text.indexOf('\n\n'));
  });
});
