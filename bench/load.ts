// The loader alone: loadExport over an export folder, reporting the rows it read and the cases it built.
import { loadExport } from '../src/pipeline/load.js';

const folder = process.argv[2];
if (folder === undefined) throw new Error('usage: node dist/bench/load.js <csv folder>');
const loaded = await loadExport([folder]);
const rows = loaded.inputs.reduce((sum, input) => sum + input.rows, 0);
const rejected = loaded.inputs.reduce((sum, input) => sum + input.rejected, 0);
process.stdout.write(`${JSON.stringify({ rows, rejected, cases: loaded.cases.length })}\n`);
