// Stable pseudonyms for personal values (staff names in a worker column): the same name gives the same pseudonym in every run.
import { createHash } from 'node:crypto';

/**
 * A value that reads as a person's name: two or more words of letters (apostrophes, hyphens and full stops
 * allowed), or `Surname, Forename`; no digits. Staff ids (`SW0101`, `W01`) do not.
 */
const NAME_LIKE = /^\p{L}[\p{L}'’.-]*(?:,?\s+\p{L}[\p{L}'’.-]*)+$/u;

export const looksLikeName = (value: string): boolean => NAME_LIKE.test(value.trim());

/**
 * The pseudonym of a value: `person-` and 10 hex digits of a SHA-256 of the value, trimmed, in lower case and
 * with spaces collapsed, so the spellings an export mixes (`Jane  Smith`, `JANE SMITH`) meet. Stable across
 * runs, so baselines, comparisons and filters keep working; it hides the name from whoever reads the report,
 * not from someone who can guess it and hash the guess.
 */
export function pseudonym(value: string): string {
  const normal = value.trim().toLowerCase().replace(/\s+/g, ' ');
  return `person-${createHash('sha256').update(`practice-audit pseudonym\u0000${normal}`).digest('hex').slice(0, 10)}`;
}
