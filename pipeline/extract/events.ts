import type { ExtractStage } from '../types.js';

export const eventStage: ExtractStage<'events'> = {
  name: 'events',
  fills: ['events'],
  run: () => ({ events: [] }),
};
