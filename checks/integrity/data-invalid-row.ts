// The data-invalid-row standard: its title, message templates and rule (its findings are made where rows are validated: src/validate/).
import type { IntegrityStandardMeta } from '../types.js';
import { LEFT_OUT } from './_shared.js';

export const meta: IntegrityStandardMeta = {
  id: 'data-invalid-row',
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
    '`people.uncontactable_date`, `people.pr_agreement_date`): read as not recorded they would move the row (a plan with',
    'no end is current), so a bad one leaves the row out.',
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
};
