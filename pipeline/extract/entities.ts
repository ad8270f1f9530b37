import type { ExtractStage } from '../types.js';
import { gazetteer } from './entities/gazetteer.js';
import { recognize } from './entities/recognize.js';
import { resolve, typeSpans } from './entities/resolve.js';
import { findRoles } from './entities/roles.js';

/**
 * Entity stage: a fast tagger over capitalized tokens (trained weights plus
 * country, name and organization gazetteers), then typing against the
 * gazetteers, resolution inside the article, and stated roles of people.
 */
export const entityStage: ExtractStage<'entities' | 'mentions' | 'roles'> = {
  name: 'entities',
  fills: ['entities', 'mentions', 'roles'],
  run(doc) {
    const g = gazetteer();
    const { sentences, spans } = recognize(doc);
    const typed = typeSpans(doc, sentences, spans, g);
    const { mentions, entities } = resolve(typed, sentences, doc.text);
    // Roles only of names that stayed entities (resolution drops some).
    const kept = new Set(entities.map((e) => e.entityKey));
    const roles = findRoles(doc, sentences, typed.filter((t) => kept.has(t.key)), g);
    return { entities, mentions, roles };
  },
};
