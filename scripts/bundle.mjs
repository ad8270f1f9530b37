// Bundles the CLI and the extraction worker into dist/: one file each, so a
// build (and every worker thread) starts without resolving hundreds of modules
// through the TypeScript loader. Tests run the sources; `make` rebuilds dist/
// whenever a source changes.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'pipeline/cli.ts', worker: 'pipeline/worker-task.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // The extraction code is a chunk of its own, loaded only when something must be extracted.
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Native bindings stay packages; piscina starts its own worker file from its package.
  external: ['@duckdb/*', 'piscina'],
  // Bundled CommonJS packages still call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
