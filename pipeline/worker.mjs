// Worker-thread entry for the extraction pool. Plain JS so that a worker can
// start under any runner; it registers the TypeScript loader, then loads the stage code.
import { register } from 'tsx/esm/api';

register();
const { processBytes } = await import('./process.ts');
const { writeEntry } = await import('./cache.ts');

/** Piscina task: { name, bytes, metaText, cacheFile } → FileResult; the worker also writes the cache entry. */
export default ({ name, bytes, metaText, cacheFile }) => {
  const r = processBytes(name, bytes, metaText);
  if (cacheFile) writeEntry(cacheFile, r);
  return r;
};
