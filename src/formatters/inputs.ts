// What reading did to an input beyond its rows (encoding detected, rows the mapping left out, pseudonyms), in words, for the formatters that list inputs.
import type { InputSummary } from '../core/report.js';

/** E.g. `3 left out by the mapping's where`, `2 superseded by a later row (keep)`, `worker pseudonymised`; none for most inputs. */
export function mappingNotes(input: InputSummary): string[] {
  const notes: string[] = [];
  if (input.encoding !== undefined) notes.push(`read as ${input.encoding}`);
  if (input.filtered !== undefined) notes.push(`${input.filtered} left out by the mapping's where`);
  if (input.superseded !== undefined) notes.push(`${input.superseded} superseded by another row of the same key (keep)`);
  if (input.pseudonymised !== undefined) notes.push(`${input.pseudonymised.join(', ')} pseudonymised`);
  return notes;
}
