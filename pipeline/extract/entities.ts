import type { ExtractStage } from '../types.js';

// Placeholder: replaced by the real recognizer (issue 3).
export const entityStage: ExtractStage<'entities' | 'mentions' | 'roles'> = {
  name: 'entities',
  fills: ['entities', 'mentions', 'roles'],
  run: () => ({ entities: [], mentions: [], roles: [] }),
};
