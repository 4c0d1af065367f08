// Where the bench finds the project and keeps its outputs, from the compiled file's own place (dist/bench/).
import { fileURLToPath } from 'node:url';

const at = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export const PROJECT_ROOT = at('../../');
export const BENCH_FOLDER = at('../../bench/');
/** Generated exports, reports and raw results: gitignored. */
export const OUT_FOLDER = at('../../bench/out/');
export const CLI = at('../../bin/practice-audit.js');
/** The compiled measurement scripts beside this file. */
export const compiled = (name: string): string => at(`./${name}.js`);
/** The compiled samples generator, whose code is part of an export's identity. */
export const GENERATOR_FOLDER = at('../samples/');
