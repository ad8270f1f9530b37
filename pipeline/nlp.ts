import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Wink = ReturnType<typeof winkNLP>;

let engine: Wink | null = null;

/** One wink-nlp instance (tokens + POS) per process, shared by the stages that tag text. */
export function wink(): Wink {
  if (!engine) engine = winkNLP(model, ['pos']);
  return engine;
}
