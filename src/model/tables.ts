// The input contract of DATA.md as data: every table's columns, their value kinds and which are required.
import {
  ALLEGATION_STATUSES,
  CASE_STATUSES,
  CONTACT_OUTCOMES,
  INCIDENT_TYPES,
  MEETING_TYPES,
  NO_CONTACT_REASONS,
  PLAN_TYPES,
  PR_AGREEMENTS,
  REFERRAL_OUTCOMES,
  REFERRAL_TYPES,
  UPDATE_METHODS,
  UPDATE_TOPICS,
  VIEW_METHODS,
  VIEWS_ADOPTED,
  VISIT_OUTCOMES,
  VISIT_TYPES,
  type SourceKeys,
  type TableName,
  type TableRows,
} from './types.js';

export type ColumnKind =
  | { readonly kind: 'id' }
  | { readonly kind: 'text' }
  | { readonly kind: 'date' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'int' }
  | { readonly kind: 'enum'; readonly values: readonly string[] };

export type ColumnSpec = ColumnKind & {
  readonly name: string;
  readonly required: boolean;
  /** The table whose id this column names (for orphan checks and documentation). */
  readonly references?: 'cases' | 'people' | 'assessments' | 'meetings';
};

export interface TableSpec {
  readonly name: TableName;
  readonly description: string;
  /** The columns that together identify a row (unique within the table, per case). */
  readonly key: readonly string[];
  readonly columns: readonly ColumnSpec[];
}

/** A column whose name and required-ness the type keeps, so the row types can be checked against the contract. */
type Column<N extends string, R extends boolean> = ColumnSpec & { readonly name: N; readonly required: R };

const id = <const N extends string>(name: N, references?: ColumnSpec['references']): Column<N, true> => ({
  name,
  kind: 'id',
  required: true,
  ...(references ? { references } : {}),
});
const optionalId = <const N extends string>(name: N, references?: ColumnSpec['references']): Column<N, false> => ({
  name,
  kind: 'id',
  required: false,
  ...(references ? { references } : {}),
});
const text = <const N extends string, const R extends boolean = false>(name: N, required = false as R): Column<N, R> => ({ name, kind: 'text', required });
const date = <const N extends string, const R extends boolean = false>(name: N, required = false as R): Column<N, R> => ({ name, kind: 'date', required });
const bool = <const N extends string, const R extends boolean = false>(name: N, required = false as R): Column<N, R> => ({ name, kind: 'bool', required });
const int = <const N extends string>(name: N): Column<N, false> => ({ name, kind: 'int', required: false });
const oneOf = <const N extends string, const R extends boolean = false>(name: N, values: readonly string[], required = false as R): Column<N, R> => ({
  name,
  kind: 'enum',
  values,
  required,
});
const caseId = id('case_id', 'cases');

export const TABLES = [
  {
    name: 'cases',
    description: "one row per child's case",
    key: ['case_id'],
    columns: [
      id('case_id'),
      oneOf('status', CASE_STATUSES, true),
      date('opened'),
      date('closed'),
      text('team'),
      text('worker'),
    ],
  },
  {
    name: 'plans',
    description: 'plan history; a case is on a CP plan on a date inside [start, end]',
    key: ['plan_id'],
    columns: [caseId, id('plan_id'), oneOf('type', PLAN_TYPES, true), date('start', true), date('end'), date('review_due')],
  },
  {
    name: 'people',
    description: 'parents, relatives and carers connected to the child',
    key: ['person_id'],
    columns: [
      caseId,
      id('person_id'),
      text('relationship', true),
      bool('parent', true),
      bool('resident'),
      bool('parental_responsibility'),
      oneOf('pr_agreement', PR_AGREEMENTS),
      date('pr_agreement_date'),
      bool('details_recorded'),
      bool('contactable'),
      date('uncontactable_date'),
      bool('risk_flag'),
      text('risk_reason'),
      bool('violence_flag'),
      bool('confidential_address'),
      bool('child_contact'),
      oneOf('no_contact_reason', NO_CONTACT_REASONS),
      text('no_contact_evidence'),
      date('manager_warning'),
      date('no_contact_since'),
    ],
  },
  {
    name: 'contact_attempts',
    description: "efforts to obtain a parent's contact details",
    key: ['attempt_id'],
    columns: [
      caseId,
      id('attempt_id'),
      id('person_id', 'people'),
      id('asked_person_id', 'people'),
      date('date', true),
      oneOf('outcome', CONTACT_OUTCOMES),
    ],
  },
  {
    name: 'assessments',
    description: 'assessments of the child and family',
    key: ['assessment_id'],
    columns: [caseId, id('assessment_id'), text('type'), date('started'), date('completed')],
  },
  {
    name: 'assessment_views',
    description: 'one row per parent per assessment',
    key: ['assessment_id', 'person_id'],
    columns: [
      caseId,
      id('assessment_id', 'assessments'),
      id('person_id', 'people'),
      bool('views_recorded', true),
      oneOf('method', VIEW_METHODS),
      oneOf('views_adopted', VIEWS_ADOPTED),
      text('not_adopted_reason'),
      text('exceptional_reason'),
      date('office_appointment_offered'),
    ],
  },
  {
    name: 'meetings',
    description: 'conferences, reviews and multi-agency meetings',
    key: ['meeting_id'],
    columns: [
      caseId,
      id('meeting_id'),
      oneOf('type', MEETING_TYPES, true),
      date('date', true),
      bool('split'),
      int('minutes_sets'),
      text('chair_role'),
    ],
  },
  {
    name: 'meeting_parents',
    description: 'one row per parent per meeting',
    key: ['meeting_id', 'person_id'],
    columns: [
      caseId,
      id('meeting_id', 'meetings'),
      id('person_id', 'people'),
      bool('invited'),
      text('not_invited_reason'),
      bool('attended'),
      bool('excluded'),
      text('exclusion_reason'),
      text('exclusion_recorded_by'),
      bool('alternative_offered'),
      date('report_shared'),
      bool('report_withheld_agreed'),
      bool('advocacy_info'),
      bool('views_sought'),
      bool('address_removed'),
    ],
  },
  {
    name: 'visits',
    description: 'visits by the social worker',
    key: ['visit_id'],
    columns: [
      caseId,
      id('visit_id'),
      date('date', true),
      oneOf('type', VISIT_TYPES),
      oneOf('outcome', VISIT_OUTCOMES, true),
      bool('child_seen'),
      bool('joint'),
      date('manager_informed'),
    ],
  },
  {
    name: 'incidents',
    description: 'threats or violence towards staff or family',
    key: ['incident_id'],
    columns: [
      caseId,
      id('incident_id'),
      optionalId('person_id', 'people'),
      date('date', true),
      oneOf('type', INCIDENT_TYPES),
      date('reported_to_manager'),
      bool('police_informed'),
      bool('agencies_alerted'),
    ],
  },
  {
    name: 'allegations',
    description: 'concerns one parent raises about another',
    key: ['allegation_id'],
    columns: [
      caseId,
      id('allegation_id'),
      date('date', true),
      id('made_by', 'people'),
      id('about', 'people'),
      oneOf('status', ALLEGATION_STATUSES),
      bool('response_recorded'),
    ],
  },
  {
    name: 'letters',
    description: 'one row per recipient of a letter',
    key: ['letter_id', 'recipient'],
    columns: [caseId, id('letter_id'), date('date', true), id('recipient', 'people')],
  },
  {
    name: 'updates',
    description: 'updating information given to a parent',
    key: ['update_id'],
    columns: [caseId, id('update_id'), id('person_id', 'people'), date('date', true), oneOf('topic', UPDATE_TOPICS), oneOf('method', UPDATE_METHODS)],
  },
  {
    name: 'referrals',
    description: 'referrals made for a parent to re-establish links with the child',
    key: ['referral_id'],
    columns: [
      caseId,
      id('referral_id'),
      id('person_id', 'people'),
      oneOf('type', REFERRAL_TYPES, true),
      date('date', true),
      oneOf('outcome', REFERRAL_OUTCOMES),
    ],
  },
] as const satisfies readonly TableSpec[];

// The row types of types.ts and this contract are kept in step by the compiler: each row type has exactly the
// table's columns, and a column is required in one exactly when it is in the other. A column added to one only
// fails `npm run typecheck` here.
type Spec<T extends TableName> = Extract<(typeof TABLES)[number], { readonly name: T }>;
type ColumnNames<T extends TableName> = Spec<T>['columns'][number]['name'];
type RequiredColumnNames<T extends TableName> = Extract<Spec<T>['columns'][number], { readonly required: true }>['name'];
type RowKeys<T extends TableName> = Exclude<keyof TableRows[T], SourceKeys>;
type RequiredRowKeys<T extends TableName> = {
  [K in RowKeys<T>]-?: object extends Pick<TableRows[T], K> ? never : K;
}[RowKeys<T>];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type InStep<T extends TableName> = Same<RowKeys<T>, ColumnNames<T>> extends true ? Same<RequiredRowKeys<T>, RequiredColumnNames<T>> : false;
const rowTypesInStep: { readonly [T in TableName]: InStep<T> } = {
  cases: true,
  plans: true,
  people: true,
  contact_attempts: true,
  assessments: true,
  assessment_views: true,
  meetings: true,
  meeting_parents: true,
  visits: true,
  incidents: true,
  allegations: true,
  letters: true,
  updates: true,
  referrals: true,
};
void rowTypesInStep;

const byName = new Map<string, TableSpec>(TABLES.map((t) => [t.name, t]));

export function tableSpec(name: TableName): TableSpec {
  const spec = byName.get(name);
  if (!spec) throw new Error(`no table spec for ${name}`);
  return spec;
}

export function requiredColumns(name: TableName): string[] {
  return tableSpec(name)
    .columns.filter((c) => c.required)
    .map((c) => c.name);
}

/**
 * Every table after the tables its rows refer to, as the columns' `references` say (ties in the contract's order):
 * assembled in this order, a referenced id is known before a row refers to it. A cycle would be a contract error.
 */
function orderByReferences(tables: readonly TableSpec[]): TableName[] {
  const placed: TableName[] = [];
  const pending = [...tables];
  while (pending.length > 0) {
    const ready = pending.findIndex((table) =>
      table.columns.every((column) => column.references === undefined || column.references === table.name || placed.includes(column.references)),
    );
    if (ready === -1) throw new Error(`the contract's references go round in a circle among ${pending.map((table) => table.name).join(', ')}`);
    placed.push((pending.splice(ready, 1)[0] as TableSpec).name);
  }
  return placed;
}

export const TABLES_BY_REFERENCE: readonly TableName[] = orderByReferences(TABLES);
