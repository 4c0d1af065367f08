// The three data-integrity standards the loader reports: their ids, titles, message templates and rules.
import type { Severity } from '../../checks/types.js';

/** What `standards` and `explain` show for a data-integrity standard (its findings come from the loader). */
export interface IntegrityStandardMeta {
  readonly id: IntegrityStandardId;
  readonly title: string;
  readonly defaultSeverity: Extract<Severity, 'error'>;
  /** Message templates; `{{name}}` is replaced by the finding's `data.name`. */
  readonly messages: Readonly<Record<string, string>>;
  /** The exact rule, in markdown. */
  readonly rule: string;
  readonly examples: { readonly complies: string; readonly breaches: string };
}

export type IntegrityStandardId = 'data-duplicate-id' | 'data-invalid-row' | 'data-orphan-row';

export const INVALID_ROW = 'data-invalid-row';
export const ORPHAN_ROW = 'data-orphan-row';
export const DUPLICATE_ID = 'data-duplicate-id';

const LEFT_OUT = 'row left out of the audit';

/** Sorted by id, like the check registry. */
export const INTEGRITY_STANDARDS: readonly IntegrityStandardMeta[] = [
  {
    id: DUPLICATE_ID,
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
  },
  {
    id: INVALID_ROW,
    title: 'Every row meets the input contract',
    defaultSeverity: 'error',
    messages: {
      invalidValue: `{{table}} ${LEFT_OUT}: {{column}} "{{value}}" is not valid ({{reason}}).`,
      invalidField: `{{table}} ${LEFT_OUT}: {{column}} is not valid ({{reason}}).`,
      wrongCellCount: `{{table}} ${LEFT_OUT}: it has {{cells}} cell(s) but the header has {{columns}} column(s).`,
      caseIdMismatch: `{{table}} ${LEFT_OUT}: {{column}} {{rowCaseId}} does not match the case document {{documentCaseId}} it is embedded in.`,
      cellRejectedValue: `{{table}} row kept, read without its {{column}}: "{{value}}" is not valid ({{reason}}); the cell counts as not recorded ({{cells}} cell(s) in all).`,
      cellRejected: `{{table}} row kept, read without its {{column}}: it is not valid ({{reason}}); the cell counts as not recorded ({{cells}} cell(s) in all).`,
    },
    rule: [
      'Every row must hold the values DATA.md allows. A bad value in an optional column that is not an id (a date such as',
      '`manager_informed`, a yes/no, a listed value, a number, a text) does not cost the row: the row is audited with that',
      'cell read as not recorded, and the cell is reported with its file, line, column and why (`inputs` counts such rows',
      'as kept with a rejected cell), so the rest of the row still counts (a fourth defaulted visit still triggers its',
      'escalation). The row is reported with its file and line, and left out, when:',
      '',
      '- a required column is empty (an empty cell, a blank string or JSON `null`);',
      '- an id column, or a required text column, holds something other than text (in JSON: a number, boolean, array or object);',
      '- in a required column (the ids and the values that say what the row is and when it happened, which cannot be',
      '  guessed), a date is not `YYYY-MM-DD` or `DD/MM/YYYY` (optionally followed by a time such as `T10:00:00` or',
      '  ` 10:00`), or is not a real calendar date (`31/02/2026`, `2026-13-01`). `DD/MM/YYYY` is always day first and',
      '  may drop leading zeros (`3/4/2026` is 3 April 2026); US order (`12/25/2026`) is never guessed;',
      '- a yes/no column holds anything but `Y`/`N`, `Yes`/`No`, `true`/`false`, `1`/`0` (any case) or JSON',
      '  `true`/`false`/`1`/`0`;',
      '- a listed-value column holds a value not in its list (compared in any case, spaces and hyphens read as `_`);',
      '- a whole-number column holds anything but a whole number, 0 or more;',
      '- a CSV row has more or fewer cells than its header has columns;',
      '- a row embedded in a JSON case document carries a `case_id` different from the document\'s.',
      '',
      'The same checks of an optional column keep the row and report the cell, except for the optional dates that place',
      'a row in time (`cases.opened`, `cases.closed`, `plans.end`, `assessments.started`, `assessments.completed`,',
      '`people.uncontactable_date`): read as not recorded they would move the row (a plan with no end is current), so a',
      'bad one leaves the row out.',
      '',
      'One finding per row: it names the first failing column (in the table\'s column order) and why; its',
      'evidence lists every failing column. The offending value is shown only for dates, yes/no, listed values',
      'and whole numbers, never for ids or free text, which may hold personal data. In JSON input the column is',
      'given as a path such as `cases[3].visits[1].date`.',
    ].join('\n'),
    examples: {
      complies: 'visits.csv line 4: `C1,V1,03/04/2026,Home,defaulted,Y,N,` (3 April 2026, type home).',
      breaches:
        'visits.csv line 5: `C1,V2,31/02/2026,home,defaulted,,,` (no 31 February), or an outcome of `missed`.',
    },
  },
  {
    id: ORPHAN_ROW,
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
  },
];
