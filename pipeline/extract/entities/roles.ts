import type { Doc, RoleHit } from '../../types.js';
import type { Gazetteer } from './gazetteer.js';
import type { Sentence } from './model.js';
import type { Typed } from './resolve.js';

export function findRoles(_doc: Doc, _s: Sentence[], _t: Typed[], _g: Gazetteer): RoleHit[] {
  return [];
}
