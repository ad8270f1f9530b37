import type { ExtractStage } from '../types.js';

export const figureStage: ExtractStage<'figures'> = {
  name: 'figures',
  fills: ['figures'],
  run: () => ({ figures: [] }),
};
