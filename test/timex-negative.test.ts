import { describe, expect, it } from 'vitest';
import { docFromText } from '../pipeline/doc.js';
import { findTimexes } from '../pipeline/extract/timexes.js';

const texts = (text: string): string[] =>
  findTimexes(docFromText(text, '2017-03-07')).map((h) => text.slice(h.start, h.end));

describe('things that are not temporal expressions', () => {
  const none: string[] = [
    'Theresa May said Britain would leave.',
    'Prime Minister May met her cabinet.',
    'The plan may be delayed.',
    'Prices May rise, analysts warned.',
    'Thousands march on the capital.',
    'The March on Washington drew crowds.',
    'The army sent 1,500 troops to the border.',
    'Police said 2000 protesters gathered.',
    'About 1800 people were evacuated.',
    'Kim Jong-Un inspected the missile site.',
    'The Sun reported the story first.',
    'Sun Microsystems was bought by Oracle.',
    'A quarter of the population voted.',
    'About three-quarters of its food is imported.',
    'The Daily Telegraph ran the story.',
    'The firm raised its quarterly dividend.',
    'A 44-year-old man was arrested.',
    'Her 6-year-old son survived.',
    'The man, 52 years old, was charged.',
    'The bill cost $2015 in fees.',
    'He lives at Room 1999 of the hotel.',
    'The current account deficit widened.',
    'The film High Noon was shown.',
    'Prices fall when supply rises.',
    'August Strindberg wrote plays.',
    'Prices may 5 times exceed costs.',
    'They march 20 miles to the border.',
    'The home side won 3:2 in extra time.',
  ];
  it.each(none)('%s', (text) => {
    expect(texts(text)).toEqual([]);
  });
});

describe('look-alikes next to real dates', () => {
  const rows: [string, string[]][] = [
    ['Theresa May spoke in May 2016.', ['May 2016']],
    ['Protesters will march in March.', ['March']],
    ['In 2015, 1,500 troops were sent.', ['2015']],
    ['Kim Jong-Un fired missiles on Sunday.', ['Sunday']],
  ];
  it.each(rows)('%s', (text, spans) => {
    expect(texts(text)).toEqual(spans);
  });
});

describe('names, idioms and addresses that contain time words', () => {
  const none: string[] = [
    'A poll for the Sunday Times found support falling.',
    'He told BBC Radio 4\'s Today programme he would stay.',
    'The tests apply to over 16-year-olds.',
    'Three-quarters said the minister was right.',
    'Hard work is the order of the day.',
    'The story is at https://example.com/news/2017/03/07/story.html for readers.',
    'Write to press@example.org for details.',
  ];
  it.each(none)('%s', (text) => {
    expect(texts(text)).toEqual([]);
  });
});
