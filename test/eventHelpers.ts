import { docFromText } from '../pipeline/doc.js';
import { eventStage } from '../pipeline/extract/events.js';
import type { Annotations, EntityHit, EntityType, EventHit, MentionHit, Precision, QuoteHit, TimexHit } from '../pipeline/types.js';

/** [surface text, entity key]; the type is the key's prefix. Every occurrence becomes a mention. */
export type Ent = [string, string];
/** [surface text, dateStart, dateEnd, precision]. */
export type Tx = [string, string, string, Precision];

/** A hand-built prior, so the event tests do not depend on the entity and timex stages. */
export function priorFor(text: string, ents: Ent[], txs: Tx[] = [], quotes: QuoteHit[] = []): Annotations {
  const mentions: MentionHit[] = [];
  const entities: EntityHit[] = [];
  const taken: Array<[number, number]> = [];
  for (const [surface, key] of ents) {
    const type = key.split(':')[0] as EntityType;
    if (!entities.some((e) => e.entityKey === key)) entities.push({ entityKey: key, name: surface, type, subtype: null, countryCode: null, aliases: [] });
    let at = text.indexOf(surface);
    while (at >= 0) {
      const end = at + surface.length;
      if (!taken.some(([a, b]) => at < b && end > a)) {
        taken.push([at, end]);
        mentions.push({ start: at, end, entityKey: key, form: 'name', rule: 'test' });
      }
      at = text.indexOf(surface, end);
    }
  }
  const timexes: TimexHit[] = [];
  for (const [surface, ds, de, precision] of txs) {
    let at = text.indexOf(surface);
    while (at >= 0) {
      timexes.push({ start: at, end: at + surface.length, type: 'DATE', value: ds, dateStart: ds, dateEnd: de, precision, rule: 'test' });
      at = text.indexOf(surface, at + surface.length);
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { entities, mentions, roles: [], timexes, figures: [], quotes, events: [] };
}

export function runEvents(text: string, ents: Ent[], txs: Tx[] = [], published = '2017-03-07'): { text: string; events: EventHit[] } {
  const doc = docFromText(text, published);
  return { text, events: eventStage.run(doc, priorFor(text, ents, txs)).events };
}

export function slice(text: string, s: { start: number; end: number }): string {
  return text.slice(s.start, s.end);
}
