// Worker-thread entry for the extraction pool. Plain JS so that a worker can
// start under any runner; it registers the TypeScript loader, then loads the stage code.
import { register } from 'tsx/esm/api';

register();
const { processBytes } = await import('./process.ts');

/** Piscina task: { name, bytes, metaText } → FileResult. */
export default ({ name, bytes, metaText }) => processBytes(name, bytes, metaText);
