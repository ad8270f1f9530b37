import type { ExtractStage } from '../types.js';
import { scanFigures } from './figure/scan.js';

/** Quantitative claims: money, counts, percents, fractions, durations, measures, ranks. */
export const figureStage: ExtractStage<'figures'> = {
  name: 'figures',
  fills: ['figures'],
  run: (doc, prior) => ({ figures: scanFigures(doc, prior.timexes) }),
};
