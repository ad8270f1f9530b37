import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { docFromText } from '../pipeline/doc.js';
import { eventStage } from '../pipeline/extract/events.js';
import { priorFor, type Ent, type Tx } from './eventHelpers.js';

const PLOVER = new Set(['AGREE', 'AID', 'ASSAULT', 'ACCUSE', 'COERCE', 'CONSULT', 'COOPERATE', 'DEMAND', 'DISAPPROVE', 'MOBILIZE', 'PROTEST', 'REJECT', 'REQUEST', 'RETREAT', 'SANCTION', 'SUPPORT', 'THREATEN', 'CONCEDE', 'INVESTIGATE', 'OTHER']);
const MODALITIES = new Set(['asserted', 'reported', 'hypothetical', 'negated']);

const ENTS: Ent[] = [['Russia', 'COUNTRY:RUS'], ['North Korea', 'COUNTRY:PRK'], ['the UN', 'ORGANIZATION:un'], ['Putin', 'PERSON:vladimir-putin'], ['Crimea', 'LOCATION:crimea']];
const TXS: Tx[] = [['on March 6', '2017-03-06', '2017-03-06', 'day'], ['in 2014', '2014-01-01', '2014-12-31', 'year']];

const subject = fc.constantFrom('Russia', 'North Korea', 'the UN', 'Putin', 'The group', 'He', 'Officials');
const aux = fc.constantFrom('', 'did not ', 'could ', 'has ', 'was ', 'will ', 'never ', 'wants to ');
const verb = fc.constantFrom('attacked', 'attack', 'condemned', 'signed', 'deployed', 'met', 'fired', 'sanctioned', 'arrested', 'said', 'supports', 'visited', 'warned', 'refused to sign');
const object = fc.constantFrom('North Korea', 'the agreement', 'troops', 'missiles', 'Russia', 'the deployment of troops to Crimea', 'talks with the UN', '');
const tail = fc.constantFrom('', ' on March 6', ' in 2014', ' in Crimea', ', Putin said', ' by the UN');
const sentence = fc.tuple(subject, aux, verb, object, tail).map(([s, a, v, o, t]) => `${s} ${a}${v}${o ? ` ${o}` : ''}${t}.`);
const noise = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('“Russia attacked,” he said', 'U.S.-led strikes', 'can’t — won’t', '\u00a0attack\u200b'));
const article = fc.array(fc.oneof(sentence, sentence, noise.map((n) => `${n}.`)), { minLength: 1, maxLength: 8 }).map((xs) => xs.join(' '));

describe('events: properties', () => {
  it('every event span slices to its text, the trigger lies inside it, and fields use the vocabularies', () => {
    fc.assert(
      fc.property(article, (text) => {
        const doc = docFromText(text, '2017-03-07');
        const prior = priorFor(text, ENTS, TXS);
        const { events } = eventStage.run(doc, prior);
        const keys = new Set(prior.mentions.map((m) => m.entityKey));
        for (const e of events) {
          expect(0 <= e.start && e.start < e.end && e.end <= text.length).toBe(true);
          expect(text.slice(e.start, e.end).trim()).toBe(text.slice(e.start, e.end));
          expect(e.trigger.start >= e.start && e.trigger.end <= e.end && e.trigger.start < e.trigger.end).toBe(true);
          expect(PLOVER.has(e.category)).toBe(true);
          expect(MODALITIES.has(e.modality)).toBe(true);
          expect(e.action.length).toBeGreaterThan(0);
          for (const k of [e.actorKey, e.targetKey, e.locationKey]) if (k !== null) expect(keys.has(k)).toBe(true);
          if (e.dateStart === null) expect(e.datePrecision).toBeNull();
          // The evidence lies within one sentence.
          expect(doc.sentences.some((s) => s.start <= e.start && e.end <= s.end)).toBe(true);
        }
        // Pure: the same input gives the same output.
        expect(eventStage.run(doc, prior).events).toEqual(events);
      }),
      { numRuns: 300 },
    );
  });
});
