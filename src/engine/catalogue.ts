// The whole catalogue: the check modules and the loader's data-integrity standards, looked up by id.
import { CHECKS } from '../../checks/index.js';
import type { AnyCheckModule } from '../../checks/types.js';
import type { IntegrityStandardDoc } from '../explain.js';
import { INTEGRITY_STANDARDS } from '../load/index.js';

export const INTEGRITY: readonly IntegrityStandardDoc[] = INTEGRITY_STANDARDS;

export type CatalogueEntry =
  | { readonly kind: 'check'; readonly id: string; readonly check: AnyCheckModule }
  | { readonly kind: 'integrity'; readonly id: string; readonly standard: IntegrityStandardDoc };

export const CATALOGUE: readonly CatalogueEntry[] = [
  ...CHECKS.map((check) => ({ kind: 'check' as const, id: check.meta.id, check })),
  ...INTEGRITY.map((standard) => ({ kind: 'integrity' as const, id: standard.id, standard })),
];

export const STANDARD_IDS: readonly string[] = CATALOGUE.map((entry) => entry.id);

export function findStandard(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((entry) => entry.id === id);
}
