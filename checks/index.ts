// The registry of standards: every check module and every data-integrity module, each sorted by id. A test fails if a module is missing here.
import * as advocacyInfoShared from './advocacy-info-shared.js';
import * as allegationResponseRecorded from './allegation-response-recorded.js';
import * as behaviourConcernsExplained from './behaviour-concerns-explained.js';
import * as childSeen from './child-seen.js';
import * as confidentialAddressRemoved from './confidential-address-removed.js';
import * as defaultedVisitFollowedUp from './defaulted-visit-followed-up.js';
import * as defaultedVisitsEscalated from './defaulted-visits-escalated.js';
import * as exclusionKeptUnderReview from './exclusion-kept-under-review.js';
import * as exclusionRecorded from './exclusion-recorded.js';
import * as incidentReported from './incident-reported.js';
import * as jointVisitWhereRisk from './joint-visit-where-risk.js';
import * as noAccessManagerConsulted from './no-access-manager-consulted.js';
import * as noContactReason from './no-contact-reason.js';
import * as nrpCopiedIntoLetters from './nrp-copied-into-letters.js';
import * as nrpDetailsRecorded from './nrp-details-recorded.js';
import * as nrpDetailsSought from './nrp-details-sought.js';
import * as nrpInvited from './nrp-invited.js';
import * as nrpLinkSupportOffered from './nrp-link-support-offered.js';
import * as nrpMetInPerson from './nrp-met-in-person.js';
import * as nrpOfficeAppointmentOffered from './nrp-office-appointment-offered.js';
import * as nrpUpdatesProvided from './nrp-updates-provided.js';
import * as parentViewsRecorded from './parent-views-recorded.js';
import * as parentsViewsSoughtForReview from './parents-views-sought-for-review.js';
import * as planReviewDateSet from './plan-review-date-set.js';
import * as prAgreementSought from './pr-agreement-sought.js';
import * as repeatCancellationsManagerConsulted from './repeat-cancellations-manager-consulted.js';
import * as reportSharedInAdvance from './report-shared-in-advance.js';
import * as splitReviewMinutes from './split-review-minutes.js';
import * as uncontactableJustified from './uncontactable-justified.js';
import * as viewsNotAdoptedReasoned from './views-not-adopted-reasoned.js';
import * as dataDuplicateId from './integrity/data-duplicate-id.js';
import * as dataInvalidRow from './integrity/data-invalid-row.js';
import * as dataOrphanRow from './integrity/data-orphan-row.js';
import type { AnyCheckModule, IntegrityModule, IntegrityStandardMeta } from './types.js';

export const CHECKS: readonly AnyCheckModule[] = [
  advocacyInfoShared,
  allegationResponseRecorded,
  behaviourConcernsExplained,
  childSeen,
  confidentialAddressRemoved,
  defaultedVisitFollowedUp,
  defaultedVisitsEscalated,
  exclusionKeptUnderReview,
  exclusionRecorded,
  incidentReported,
  jointVisitWhereRisk,
  noAccessManagerConsulted,
  noContactReason,
  nrpCopiedIntoLetters,
  nrpDetailsRecorded,
  nrpDetailsSought,
  nrpInvited,
  nrpLinkSupportOffered,
  nrpMetInPerson,
  nrpOfficeAppointmentOffered,
  nrpUpdatesProvided,
  parentViewsRecorded,
  parentsViewsSoughtForReview,
  planReviewDateSet,
  prAgreementSought,
  repeatCancellationsManagerConsulted,
  reportSharedInAdvance,
  splitReviewMinutes,
  uncontactableJustified,
  viewsNotAdoptedReasoned,
];

/** The data-integrity standards: reported while the export is read (src/validate/, src/assemble/), listed like the checks. */
export const INTEGRITY_MODULES: readonly IntegrityModule[] = [dataDuplicateId, dataInvalidRow, dataOrphanRow];

export const INTEGRITY: readonly IntegrityStandardMeta[] = INTEGRITY_MODULES.map((module) => module.meta);

export type CatalogueEntry =
  | { readonly kind: 'check'; readonly id: string; readonly check: AnyCheckModule }
  | { readonly kind: 'integrity'; readonly id: string; readonly standard: IntegrityStandardMeta };

/** Every standard: the checks, then the data-integrity standards. */
export const CATALOGUE: readonly CatalogueEntry[] = [
  ...CHECKS.map((check) => ({ kind: 'check' as const, id: check.meta.id, check })),
  ...INTEGRITY.map((standard) => ({ kind: 'integrity' as const, id: standard.id, standard })),
];

export const STANDARD_IDS: readonly string[] = CATALOGUE.map((entry) => entry.id);

export function findStandard(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((entry) => entry.id === id);
}
