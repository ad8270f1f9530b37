import { docFromText } from '../pipeline/doc.js';
import { entityStage } from '../pipeline/extract/entities.js';
import type { Annotations } from '../pipeline/types.js';

const empty = (): Annotations => ({ entities: [], mentions: [], roles: [], timexes: [], figures: [], quotes: [], events: [] });

/** Runs the entity stage on plain text; mentions come with their surface text. */
export function runEntities(text: string) {
  const doc = docFromText(text);
  const ann = entityStage.run(doc, empty());
  const ents = new Map(ann.entities.map((e) => [e.entityKey, e]));
  const mentions = ann.mentions.map((m) => ({ ...m, text: text.slice(m.start, m.end), entity: ents.get(m.entityKey)! }));
  return { doc, ann, mentions, entities: ann.entities, roles: ann.roles };
}
