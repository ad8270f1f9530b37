import { describe, expect, it } from 'vitest';
import { runEntities } from './entities.helpers.js';

// Capitalized words that are not names: sentence openers, discourse words,
// months and days, headline-style headings. None may become a mention.
const NOT_ENTITIES: Array<{ text: string; word: string }> = [
  { text: 'Almost immediately, the market fell.', word: 'Almost' },
  { text: 'Meanwhile, prices kept rising across the region.', word: 'Meanwhile' },
  { text: 'However, the vote was postponed.', word: 'However' },
  { text: 'The committee met on Monday to discuss the budget.', word: 'Monday' },
  { text: 'Elections are due in March and results in April.', word: 'March' },
  { text: 'Elections are due in March and results in April.', word: 'April' },
  { text: 'Shortly after noon, the power failed.', word: 'Shortly' },
  { text: 'Protesters gathered outside the building.', word: 'Protesters' },
  { text: 'Officials declined to comment.', word: 'Officials' },
  { text: 'Investors sold shares on Friday.', word: 'Friday' },
  { text: 'According to the report, growth slowed.', word: 'According' },
  { text: 'Despite the rain, the match went ahead.', word: 'Despite' },
  { text: 'Today the council will vote.', word: 'Today' },
  { text: 'Reactions to the March 7 launch were muted.', word: 'March' },
  { text: 'Talks resume on May 5 in the capital.', word: 'May' },
];

describe('entity stage: not entities', () => {
  it.each(NOT_ENTITIES)('no mention of "$word" in "$text"', ({ text, word }) => {
    const { mentions } = runEntities(text);
    const hit = mentions.find((m) => m.text.split(/\s+/).includes(word));
    expect(hit, JSON.stringify(mentions.map((m) => m.text))).toBeUndefined();
  });

  it('never puts a possessive or trailing punctuation inside a span', () => {
    const text = "Russia's economy grew. The Soviet Union. Later the U.S.'s allies met, and Kenya's too.";
    const { mentions } = runEntities(text);
    expect(mentions.length).toBeGreaterThan(0);
    for (const m of mentions) {
      expect(m.text).not.toMatch(/['’]s$/);
      expect(m.text).not.toMatch(/[,;:]$|(?<!\.\p{Lu})\.$/u);
    }
  });

  it('makes one entity of a name seen twice at a sentence end', () => {
    const text = 'Aid came from the Soviet Union. Debts were owed to the Soviet Union.';
    const { entities } = runEntities(text);
    expect(entities.map((e) => e.entityKey)).toEqual(['COUNTRY:SUHH']);
  });

  it('finds nothing in lower-case text', () => {
    const { mentions } = runEntities('the price of oil rose sharply as traders bought more contracts.');
    expect(mentions).toEqual([]);
  });
});

describe('entity stage: spans that must be split or not made', () => {
  it('does not join two titled people across "and"', () => {
    const text = 'Senate Majority Leader Mitch McConnell and House Speaker Paul Ryan met.';
    const { mentions } = runEntities(text);
    const people = mentions.filter((m) => m.entity.type === 'PERSON').map((m) => m.text);
    expect(people).toEqual(['Mitch McConnell', 'Paul Ryan']);
  });

  it('does not make a person of a department after a title word', () => {
    const { mentions } = runEntities('The Justice Department declined to comment.');
    expect(mentions.find((m) => m.text.includes('Department'))?.entity.type).toBe('ORGANIZATION');
  });

  it('does not take contractions for names', () => {
    const { mentions } = runEntities('I’ve said it before and I’ll say it again.');
    expect(mentions).toEqual([]);
  });
});

describe('entity stage: section headings', () => {
  it('takes only known or body-confirmed names from a title-case heading', async () => {
    const { docFromText } = await import('../pipeline/doc.js');
    const { entityStage } = await import('../pipeline/extract/entities.js');
    const body = 'Managing the Status Quo and the Cold War\n\nThe talks in Geneva went on for hours.';
    const doc = docFromText(body);
    const h = { start: 0, end: body.indexOf('\n') };
    doc.sections = [{ index: 0, heading: body.slice(h.start, h.end), headingSpan: h, start: 0, end: body.length }];
    const ann = entityStage.run(doc, { entities: [], mentions: [], roles: [], timexes: [], figures: [], quotes: [], events: [] });
    const texts = ann.mentions.map((m) => body.slice(m.start, m.end));
    expect(texts).toContain('Cold War');
    expect(texts).toContain('Geneva');
    expect(texts.some((t) => t.includes('Status') || t.includes('Managing'))).toBe(false);
  });
});
