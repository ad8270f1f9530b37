import v8 from 'node:v8';

// V8 spent about as much CPU optimizing the extractors (big functions, deep inlining) as
// running them: 4.4 s of TurboFan compiles in a 7 s build of 1,328 articles, repeated in every
// worker thread. Without inlining and with a later tier-up it compiles 1.2 s for the same
// speed, and two threads stop competing for the second core. Flags are process-wide, so
// worker threads share them; they apply to code optimized from here on.
export function tuneV8(): void {
  v8.setFlagsFromString('--no-turbo-inlining');
  v8.setFlagsFromString('--interrupt-budget=300000');
}
