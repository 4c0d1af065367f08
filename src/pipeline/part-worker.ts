// A worker thread's entry: loads and audits one part of the export's cases and posts its report back.
import { parentPort, workerData } from 'node:worker_threads';
import { KnownError } from '../core/errors.js';
import { readMappingFile } from '../read/mapping.js';
import { auditPart, knownErrorType, type PartMessage, type PartWorkerData } from './parallel.js';

const { job: given, mappingFile, partition, progress } = workerData as PartWorkerData;
const post = (message: PartMessage) => parentPort?.postMessage(message);

try {
  const job = mappingFile === undefined ? given : { ...given, load: { ...given.load, mapping: readMappingFile(mappingFile) } };
  const report = await auditPart(
    job,
    partition,
    progress ? ({ file, rows }) => post({ kind: 'progress', file, rows }) : undefined,
  );
  post({ kind: 'report', json: JSON.stringify(report) });
} catch (error) {
  if (error instanceof KnownError) {
    post({ kind: 'known-error', type: knownErrorType(error), message: error.message, where: error.where, expected: error.expected });
  } else {
    const failure = error instanceof Error ? error : new Error(String(error));
    post({ kind: 'error', message: failure.message, stack: failure.stack });
  }
}
