// The data-duplicate-id standard: its title, message templates and rule (its findings are made where rows are assembled into cases: src/assemble/).
import type { IntegrityStandardMeta } from '../types.js';
import { LEFT_OUT } from './_shared.js';

export const meta: IntegrityStandardMeta = {
  id: 'data-duplicate-id',
  title: 'Every id is unique within its table',
  defaultSeverity: 'error',
  messages: {
    duplicateCase: `cases ${LEFT_OUT}: case_id {{id}} already appears at {{firstSource}}, which is the row audited.`,
    duplicateId: `{{table}} ${LEFT_OUT}: {{key}} {{id}} already appears in case {{caseId}} at {{firstSource}}, which is the row audited.`,
  },
  rule: [
    "A row's key must not repeat within its table. The key of `cases` is `case_id`, unique across the whole input.",
    'Every other table is keyed within its case: `plan_id`, `person_id`, `attempt_id`, `assessment_id`,',
    '`meeting_id`, `visit_id`, `incident_id`, `allegation_id`; `assessment_views` by (`assessment_id`, `person_id`),',
    '`meeting_parents` by (`meeting_id`, `person_id`) and `letters` by (`letter_id`, `recipient`).',
    '',
    'Rows are taken in reading order: the paths in the order given, a folder\'s files in sorted order, a file',
    'from top to bottom. The first occurrence of a key is audited; each later one is reported here, with the',
    'file and line of the first, and left out. The same table may come from several files; their rows are',
    'merged before this check. Only rows that passed `data-invalid-row` and `data-orphan-row` take part.',
  ].join('\n'),
  examples: {
    complies: 'visits.csv has V1 and V2 for case C1, and another V1 for case C2.',
    breaches: 'visits.csv has V1 for case C1 on line 3 and again on line 9: line 9 is reported and left out.',
  },
};
