// The data-orphan-row standard: its title, message templates and rule (its findings are made where rows are assembled into cases: src/assemble/).
import type { IntegrityStandardMeta } from '../types.js';
import { LEFT_OUT } from './_shared.js';

export const meta: IntegrityStandardMeta = {
  id: 'data-orphan-row',
  title: 'Every row refers to a case, person, assessment or meeting that exists',
  defaultSeverity: 'error',
  messages: {
    unknownCase: `{{table}} ${LEFT_OUT}: case {{caseId}} has no audited row in cases.`,
    unknownReference: `{{table}} ${LEFT_OUT}: {{column}} {{missingId}} is not among the {{referenced}} of case {{caseId}}.`,
  },
  rule: [
    "A row of any table but `cases` must name, in `case_id`, a case whose own row is audited (present, valid",
    'and not a duplicate). Within that case:',
    '',
    '- every person column (`contact_attempts.person_id` and `asked_person_id`, `assessment_views.person_id`,',
    '  `meeting_parents.person_id`, `incidents.person_id` when filled in, `allegations.made_by` and `about`,',
    '  `letters.recipient`) must name a person in that case\'s `people`;',
    '- `assessment_views.assessment_id` must name an assessment of the case, and',
    '  `meeting_parents.meeting_id` a meeting of the case.',
    '',
    'When the referenced table is absent from the input altogether, references to it are not checked: the',
    'standards that need that table are not assessed anyway. A row whose parent row was itself left out',
    '(invalid, orphaned or duplicated) is an orphan too. References are checked before duplicates, so a row',
    'is reported once.',
  ].join('\n'),
  examples: {
    complies: 'letters.csv names recipient F1, and people.csv has F1 in the same case.',
    breaches: 'visits.csv has a visit for case C9, which is not in cases.csv; or a letter to F2, not a person of its case.',
  },
};
