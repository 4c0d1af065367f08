// Standard: every non-resident parent's details are recorded, unless the parent is marked un-contactable.
import { z } from 'zod';
import { OutcomeBuilder } from './_outcome.js';
import { isNonResidentParent, isUncontactableOn } from '../src/model/roles.js';
import { type CaseRecord, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const options = z.strictObject({});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'nrp-details-recorded',
  title: "Every non-resident parent's details are recorded, unless the parent is un-contactable",
  source: [
    {
      file: '001_81b12f5ae3e93dd6.txt',
      paragraph: 'standard 3',
      quote: 'All non-resident parents’ details, whether the father or mother, should be clearly recorded on CareFirst.',
    },
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§2',
      quote: 'If details of the non-resident parent are not known then family members should be asked to supply these.',
    },
  ],
  defaultSeverity: 'error',
  needs: ['people'],
  reads: { people: ['person_id', 'parent', 'resident', 'details_recorded', 'contactable'] },
  options,
  messages: {
    detailsNotRecorded:
      "Non-resident parent {{personId}} has details_recorded = N: the parent's name and contact details must be recorded, or the parent marked un-contactable.",
    detailsNotEvidenced:
      "Non-resident parent {{personId}} has no details_recorded value: it is not evidenced that the parent's name and contact details are recorded, and the parent is not marked un-contactable.",
  },
  rule: [
    'For every non-resident parent of the case (`parent` = Y and `resident` = N), `details_recorded` must be Y, unless the parent is marked un-contactable (`contactable` = N).',
    'A `details_recorded` of N is a breach; an empty `details_recorded` is not evidenced and is also a breach.',
    'An empty `contactable` does not exempt the parent: only `contactable` = N does (whether the un-contactable marking is itself justified is the standard `uncontactable-justified`).',
    'An empty `resident` does not make a parent non-resident.',
    'A case with no non-resident parent is not applicable; a non-resident parent marked un-contactable counts as complying.',
  ].join(' '),
  examples: {
    complies: 'Father F1 (parent = Y, resident = N) with details_recorded = Y; or with contactable = N.',
    breaches: 'Mother M2 (parent = Y, resident = N, contactable empty) with details_recorded = N or left empty.',
  },
};

export function run(caseRecord: CaseRecord, _ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  for (const person of caseRecord.people) {
    if (!isNonResidentParent(person)) continue;
    outcome.applicable();
    // Whether details are recorded is the state of the record, not an event: the marking as it stands on the as-of date.
    if (person.details_recorded === true || isUncontactableOn(person, null)) continue;
    const recorded = person.details_recorded === false ? 'N' : 'not recorded';
    outcome.breach({
      recordId: person.person_id,
      date: null,
      source: sourceOf(person),
      messageId: person.details_recorded === false ? 'detailsNotRecorded' : 'detailsNotEvidenced',
      data: { personId: person.person_id },
      evidence: [
        {
          table: 'people',
          id: person.person_id,
          note: `non-resident parent, details_recorded ${recorded}, contactable ${person.contactable === undefined ? 'not recorded' : 'Y'}`,
        },
      ],
    });
  }
  return outcome.done();
}
