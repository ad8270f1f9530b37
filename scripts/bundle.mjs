// Bundles the CLI and the extraction worker into dist/: one file each, so a
// build (and every worker thread) starts without resolving hundreds of modules
// through the TypeScript loader. Tests run the sources; `make` rebuilds dist/
// whenever a source changes.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

// compromise expands its lexicon of 25,000 words when it is imported (about 0.2 s, again in every
// worker thread), and the pipeline only reads that lexicon (nlp.model().one.lexicon). The bundle
// gets it ready-made, read from the installed package here; test/bundle.test.ts checks that the
// bundle writes the same bytes as the sources, which import the package itself.
const compromiseLexicon = {
  name: 'compromise-lexicon',
  setup(b) {
    b.onResolve({ filter: /^compromise$/ }, () => ({ path: 'compromise', namespace: 'lexicon' }));
    b.onLoad({ filter: /.*/, namespace: 'lexicon' }, async () => {
      const nlp = (await import('compromise')).default;
      const json = JSON.stringify(nlp.model().one.lexicon);
      return {
        contents: `const model = { one: { lexicon: JSON.parse(${JSON.stringify(json)}) } };\nexport default { model: () => model };\n`,
        loader: 'js',
      };
    });
  },
};

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
  plugins: [compromiseLexicon],
  logLevel: 'warning',
});
