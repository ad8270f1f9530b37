import { describe, expect, it } from 'vitest';
import { runEvents, slice, type Ent } from './eventHelpers.js';

const ENTS: Ent[] = [['Russia', 'COUNTRY:RUS'], ['Ukraine', 'COUNTRY:UKR'], ['China', 'COUNTRY:CHN'], ['Taiwan', 'COUNTRY:TWN'], ['Peskov', 'PERSON:dmitry-peskov']];

const CASES: Array<{ text: string; trigger: string; category: string; modality: string }> = [
  { text: 'Russia attacked Ukraine.', trigger: 'attacked', category: 'ASSAULT', modality: 'asserted' },
  { text: 'Russia has attacked Ukraine.', trigger: 'attacked', category: 'ASSAULT', modality: 'asserted' },
  { text: 'Russia is attacking Ukraine.', trigger: 'attacking', category: 'ASSAULT', modality: 'asserted' },
  { text: 'Russia could attack Ukraine.', trigger: 'attack', category: 'ASSAULT', modality: 'hypothetical' },
  { text: 'Russia will attack Ukraine.', trigger: 'attack', category: 'ASSAULT', modality: 'hypothetical' },
  { text: 'Russia may sanction Ukraine.', trigger: 'sanction', category: 'SANCTION', modality: 'hypothetical' },
  { text: 'If China attacks Taiwan, the region will suffer.', trigger: 'attacks', category: 'ASSAULT', modality: 'hypothetical' },
  { text: 'Russia wants to invade Ukraine.', trigger: 'invade', category: 'ASSAULT', modality: 'hypothetical' },
  { text: 'Russia threatened to invade Ukraine.', trigger: 'threatened', category: 'THREATEN', modality: 'asserted' },
  { text: 'Russia threatened to invade Ukraine.', trigger: 'invade', category: 'ASSAULT', modality: 'hypothetical' },
  { text: 'Russia did not attack Ukraine.', trigger: 'attack', category: 'ASSAULT', modality: 'negated' },
  { text: "Russia didn't attack Ukraine.", trigger: 'attack', category: 'ASSAULT', modality: 'negated' },
  { text: 'Russia has not attacked Ukraine.', trigger: 'attacked', category: 'ASSAULT', modality: 'negated' },
  { text: 'Russia never invaded Ukraine.', trigger: 'invaded', category: 'ASSAULT', modality: 'negated' },
  { text: 'Russia failed to invade Ukraine.', trigger: 'invade', category: 'ASSAULT', modality: 'negated' },
  { text: 'Russia refused to withdraw from Ukraine.', trigger: 'refused', category: 'REJECT', modality: 'asserted' },
  { text: 'Peskov said Russia attacked Ukraine.', trigger: 'attacked', category: 'ASSAULT', modality: 'reported' },
  { text: 'Russia attacked Ukraine, Peskov said.', trigger: 'attacked', category: 'ASSAULT', modality: 'reported' },
  { text: '"Russia attacked Ukraine last night in the east," Peskov told reporters.', trigger: 'attacked', category: 'ASSAULT', modality: 'reported' },
  { text: 'According to Peskov, Russia attacked Ukraine.', trigger: 'attacked', category: 'ASSAULT', modality: 'reported' },
  { text: 'Russia condemned the attack, saying nothing more.', trigger: 'condemned', category: 'DISAPPROVE', modality: 'asserted' },
];

describe('events: modality', () => {
  for (const c of CASES) {
    it(`${c.text} [${c.trigger}] -> ${c.modality}`, () => {
      const { text, events } = runEvents(c.text, ENTS);
      const ev = events.find((e) => slice(text, e.trigger) === c.trigger);
      expect(ev, JSON.stringify(events.map((e) => slice(text, e.trigger)))).toBeDefined();
      expect(ev!.trigger.start).toBe(text.indexOf(c.trigger));
      expect(ev!.category).toBe(c.category);
      expect(ev!.modality).toBe(c.modality);
    });
  }
});
