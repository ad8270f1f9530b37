import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../pipeline/structure.js';
import { toDoc } from '../pipeline/doc.js';
import { eventStage } from '../pipeline/extract/events.js';
import { priorFor, type Ent, type Tx } from './eventHelpers.js';

// The seed article with a hand-built prior (what the entity and timex stages are
// meant to give), so that this checks the events stage alone.
const raw = readFileSync(fileURLToPath(new URL('../raw/2017-03-07_moscow-times_russia-north-korea-thaad.txt', import.meta.url)), 'utf8');
const doc = toDoc('seed', parseArticle(raw));
const ENTS: Ent[] = [
  ['North Korea', 'COUNTRY:PRK'], ['Pyongyang', 'COUNTRY:PRK'], ['South Korea', 'COUNTRY:KOR'], ['Seoul', 'COUNTRY:KOR'],
  ['Russia', 'COUNTRY:RUS'], ['Moscow', 'COUNTRY:RUS'], ['the U.S.', 'COUNTRY:USA'], ['Washington', 'COUNTRY:USA'],
  ['China', 'COUNTRY:CHN'], ['Beijing', 'COUNTRY:CHN'], ['Sea of Japan', 'LOCATION:sea-of-japan'],
  ['The United Nations Security Council', 'ORGANIZATION:unsc'], ['UNSC', 'ORGANIZATION:unsc'],
  ['Xinhua news agency', 'ORGANIZATION:xinhua'], ['Far East Development Ministry', 'ORGANIZATION:fedm'],
  ['Vladimir Putin', 'PERSON:vladimir-putin'], ['Putin', 'PERSON:vladimir-putin'], ['Barack Obama', 'PERSON:barack-obama'],
  ['Donald Trump', 'PERSON:donald-trump'], ['THAAD', 'MISC:thaad'], ['Soviet Union', 'COUNTRY:SUHH'],
];
const TXS: Tx[] = [
  ['March 6', '2017-03-06', '2017-03-06', 'day'], ['March 7', '2017-03-07', '2017-03-07', 'day'],
  ['May 5, 2014', '2014-05-05', '2014-05-05', 'day'], ['2012', '2012-01-01', '2012-12-31', 'year'],
];
const events = eventStage.run(doc, priorFor(doc.text, ENTS, TXS)).events;
const find = (trigger: string) => events.find((e) => doc.text.slice(e.trigger.start, e.trigger.end) === trigger);

describe('events: the seed article', () => {
  const table: Array<[string, string, string | null, string | null, string]> = [
    ['fired', 'MOBILIZE', 'COUNTRY:PRK', '2017-03-06', 'fire ballistic missiles'],
    ['summoned', 'CONSULT', 'ORGANIZATION:unsc', null, 'summon emergency meeting'],
    ['condemned', 'DISAPPROVE', 'ORGANIZATION:unsc', null, 'condemn launches'],
    ['deployment', 'MOBILIZE', 'COUNTRY:USA', '2017-03-07', 'deploy THAAD missile interceptors'],
    ['ratified', 'AGREE', 'PERSON:vladimir-putin', '2014-05-05', 'ratify agreement'],
    ['created', 'OTHER', null, '2012-01-01', 'create'],
    ['bear the consequences', 'THREATEN', 'ORGANIZATION:xinhua', null, 'warn of consequences'],
  ];
  for (const [trigger, category, actor, date, action] of table) {
    it(`${trigger} -> ${category}`, () => {
      const e = find(trigger);
      expect(e).toBeDefined();
      expect(e).toMatchObject({ category, actorKey: actor, dateStart: date, action, modality: 'asserted' });
    });
  }

  it('the THAAD deployment told three times is one row, at South Korea', () => {
    const mob = events.filter((e) => e.category === 'MOBILIZE' && e.action.startsWith('deploy'));
    expect(mob).toHaveLength(1);
    expect(mob[0].locationKey).toBe('COUNTRY:KOR');
  });

  it('habitual and generic statements give no event', () => {
    expect(find('stood')).toBeUndefined();
    expect(find('agrees')).toBeUndefined();
    expect(find('uses')).toBeUndefined();
    expect(find('said')).toBeUndefined();
  });
});
