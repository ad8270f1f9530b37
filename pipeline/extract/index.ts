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

/**
 * Runs every extract stage over one document; `timings` collects milliseconds per stage. With
 * `onError`, a stage that throws adds nothing and is reported there, and the later stages still run
 * (a bug in one extractor costs the article that extractor's rows, not the others'); without it, the error is thrown.
 */
export function extract(
  doc: Doc,
  timings: Record<string, number> = {},
  stages: ExtractStage[] = EXTRACT_STAGES,
  onError?: (stage: string, error: Error) => void,
): Annotations {
  let ann = emptyAnnotations();
  freshWink(); // an article's tokens must not depend on the articles read before it
  for (const stage of stages) {
    const t0 = performance.now();
    try {
      ann = { ...ann, ...stage.run(doc, ann) };
    } catch (e) {
      if (!onError) throw e;
      onError(stage.name, e instanceof Error ? e : new Error(String(e)));
    }
    timings[stage.name] = (timings[stage.name] ?? 0) + performance.now() - t0;
  }
  return ann;
}
