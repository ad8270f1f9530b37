// Property tests draw from a fixed seed, so a run of the suite is reproducible (CI never fails
// on a case it did not see before). FC_SEED=<n> tries another seed; FC_SEED=random a fresh one.
import fc from 'fast-check';

const env = process.env.FC_SEED;
if (env !== 'random') fc.configureGlobal({ seed: env ? Number(env) : 20170307 });
