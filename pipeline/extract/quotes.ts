import type { ExtractStage } from '../types.js';

export const quoteStage: ExtractStage<'quotes'> = {
  name: 'quotes',
  fills: ['quotes'],
  run: () => ({ quotes: [] }),
};
