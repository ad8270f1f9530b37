import type { ExtractStage } from '../types.js';

export const timexStage: ExtractStage<'timexes'> = {
  name: 'timexes',
  fills: ['timexes'],
  run: () => ({ timexes: [] }),
};
