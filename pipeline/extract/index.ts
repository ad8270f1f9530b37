import type { Annotations, Doc, ExtractStage } from '../types.js';
import { entityStage } from './entities.js';
import { timexStage } from './timexes.js';
import { figureStage } from './figures.js';
import { quoteStage } from './quotes.js';
import { eventStage } from './events.js';
import { freshWink } from '../nlp.js';

/** The extract stages in the order they run; this list is the configuration. */
export const EXTRACT_STAGES: ExtractStage[] = [
  entityStage,
  timexStage,
  figureStage,
  quoteStage,
  eventStage,
] as ExtractStage[];

export function emptyAnnotations(): Annotations {
  return { entities: [], mentions: [], roles: [], timexes: [], figures: [], quotes: [], events: [] };
}

/** Runs every extract stage over one document; `timings` collects milliseconds per stage. */
export function extract(doc: Doc, timings: Record<string, number> = {}, stages: ExtractStage[] = EXTRACT_STAGES): Annotations {
  let ann = emptyAnnotations();
  freshWink(); // an article's tokens must not depend on the articles read before it
  for (const stage of stages) {
    const t0 = performance.now();
    ann = { ...ann, ...stage.run(doc, ann) };
    timings[stage.name] = (timings[stage.name] ?? 0) + performance.now() - t0;
  }
  return ann;
}
