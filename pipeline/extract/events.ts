import type { ExtractStage } from '../types.js';
import { eventLexicon } from './event/lexicon.js';
import { analyzeSentence, buildContext, candidateSentences } from './event/analyze.js';
import { tokenizeSpans } from './event/tokens.js';
import { mergeEvents, type EventCandidate } from './event/merge.js';

// Events: clause-level triggers (verbs and event nouns of the PLOVER lexicon in
// data/plover_lexicon.json), their actor/target/location from the entity
// mentions, the date from a timex of the clause or sentence, and a modality.
// Only sentences holding a possible trigger form are POS-tagged (speed).
export const eventStage: ExtractStage<'events'> = {
  name: 'events',
  fills: ['events'],
  run(doc, prior) {
    const lex = eventLexicon();
    const ctx = buildContext(doc, prior, lex);
    const cands: EventCandidate[] = [];
    const todo = candidateSentences(ctx);
    const tokens = tokenizeSpans(doc.text, todo);
    todo.forEach((s, k) => cands.push(...analyzeSentence(ctx, s, tokens[k])));
    const events = mergeEvents(cands).map(({ actionKey: _k, ...hit }) => hit);
    return { events };
  },
};
