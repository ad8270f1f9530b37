// Worker-thread entry when the pipeline runs from its TypeScript sources (tests,
// tsx). The bundled build (dist/) has its own worker.mjs made from worker-task.ts.
import { register } from 'tsx/esm/api';

register();
const { default: task } = await import('./worker-task.ts');

export default task;
