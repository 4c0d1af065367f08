// Standard: a parent's exclusion from a review is recorded by the chair, with reasons, and an alternative is offered.
import { z } from 'zod';
import { OutcomeBuilder } from './_outcome.js';
import { isRecorded, meetingById } from '../src/model/roles.js';
import { MEETING_TYPES, type CaseRecord, type MeetingParentRow, type MeetingRow, sourceOf } from '../src/model/types.js';
import type { CheckContext, CheckMeta, CheckOutcome } from './types.js';

const roleList = z.array(z.string().trim().min(1)).min(1);

const options = z.strictObject({
  chairRoles: roleList
    .default(['CPRO', 'IRO'])
    .describe(
      'roles that chair a review (reviewTypes) and so may record an exclusion from one; compared case-insensitively, ignoring surrounding spaces and treating spaces, hyphens and underscores alike',
    ),
  reviewTypes: z
    .array(z.enum(MEETING_TYPES))
    .default(['cp_conference', 'cin_review', 'lac_review'])
    .describe('meeting types the guidance calls reviews, chaired by the CPRO/IRO (chairRoles)'),
  chairRolesByType: z
    .partialRecord(z.enum(MEETING_TYPES), roleList)
    .default({})
    .describe(
      'roles that chair a meeting type, where local procedure fixes them (e.g. {"core_group": ["social_worker", "team_manager"]}); accepted besides the meeting\'s own chair_role (or besides chairRoles for a review)',
    ),
});

type Options = z.output<typeof options>;

export const meta: CheckMeta<Options> = {
  id: 'exclusion-recorded',
  title: 'Exclusion from a review is recorded by the chair, with reasons, and an alternative offered',
  source: [
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§4',
      quote:
        'Where a decision is taken to exclude a parent from a review this decision and the reasons for it must be recorded on Eclipse by the CPRO/IRO and alternative ways of contributing should be offered to the parent.',
    },
    {
      file: '000_63b099550a155220.txt',
      paragraph: '§7',
      quote:
        'There may be exceptions to this policy if the parent behaves in an aggressive or abusive way to staff or family members, meaning that their attendance at meetings is not appropriate.',
    },
  ],
  defaultSeverity: 'error',
  needs: ['meeting_parents', 'meetings'],
  reads: {
    meeting_parents: [
      'meeting_id',
      'person_id',
      'excluded',
      'exclusion_reason',
      'exclusion_recorded_by',
      'alternative_offered',
    ],
    meetings: ['meeting_id', 'date', 'type', 'chair_role'],
  },
  // One finding per exclusion names every element missing: the check leaves out the elements it cannot judge.
  clauses: [
    { id: 'reason', requirement: 'the reason recorded', reads: { meeting_parents: ['excluded', 'exclusion_reason'] } },
    {
      id: 'recorded-by-chair',
      requirement: 'recorded by the chair',
      reads: { meeting_parents: ['excluded', 'exclusion_recorded_by'] },
    },
    {
      id: 'recorded-by-own-chair',
      requirement: "recorded by a non-review meeting's own chair",
      reads: { meetings: ['chair_role'], meeting_parents: ['excluded', 'exclusion_recorded_by'] },
    },
    {
      id: 'alternative',
      requirement: 'an alternative way of contributing offered',
      reads: { meeting_parents: ['excluded', 'alternative_offered'] },
    },
  ],
  options,
  messages: {
    exclusionIncomplete:
      'Exclusion of parent {{personId}} from {{type}} {{meetingId}} on {{date}} is missing: {{missing}}. The decision and its reasons must be recorded by the meeting\'s chair (the CPRO/IRO for a review) and an alternative way of contributing offered.',
  },
  rule: [
    'For every `meeting_parents` row with `excluded` = Y, three things must be on the record:',
    'the `exclusion_reason` (any text other than white space);',
    '`exclusion_recorded_by` naming the chair of that meeting;',
    'and `alternative_offered` = Y.',
    'Who chairs depends on the meeting: the reviews of the guidance (option `reviewTypes`: `cp_conference`, `cin_review`, `lac_review`) are chaired by the CPRO/IRO (option `chairRoles`, default CPRO and IRO); any other meeting (a core group is chaired by the social worker or team manager) by its own `meetings.chair_role`, or by a role option `chairRolesByType` configures for its type.',
    'Roles are compared case-insensitively, ignoring surrounding spaces and treating spaces, hyphens and underscores alike (`Team Manager` = `team_manager`).',
    'Where a non-review meeting has no `chair_role` and no roles are configured for its type, who chaired it cannot be told: a recorded `exclusion_recorded_by` is then not judged (the evidence says so), and only an empty one is missing.',
    'An empty value is not evidenced and counts as missing; `alternative_offered` = N is missing too.',
    'One finding per exclusion, naming every missing element (the reason is never quoted; the recording role is named only when it is a recognised role such as social_worker or team_manager, since the column may hold a name).',
    'The finding is dated on the meeting’s date; a row whose meeting is not in the case (for instance held after the as-of date) is not looked at.',
    'A case with no exclusion is not applicable.',
  ].join(' '),
  examples: {
    complies:
      'Parent F1 excluded from cp_conference M1: exclusion_reason recorded, exclusion_recorded_by = CPRO, alternative_offered = Y; or from core_group M3 (chair_role team_manager) recorded by the team manager.',
    breaches:
      'Parent F1 excluded from cp_conference M2 with exclusion_recorded_by = social_worker and alternative_offered empty ("recorded by chair (was social_worker), alternative offered (not recorded)"); or from a core group chaired by the team manager (chair_role team_manager) with the exclusion recorded by the CPRO.',
  },
};

// `exclusion_recorded_by` is a text column and real exports put names in it: only a recognised role
// is ever repeated in a report.
const NAMEABLE_ROLES: ReadonlySet<string> = new Set([
  'social_worker',
  'sw',
  'team_manager',
  'tm',
  'manager',
  'senior_manager',
  'practice_manager',
  'family_support_worker',
  'admin',
  'administrator',
  'business_support',
  'chair',
  'cpro',
  'iro',
]);

/** The role as it may appear in a report, or a neutral phrase when it may be a person's name. */
function reportableRole(recordedBy: string): string {
  return NAMEABLE_ROLES.has(normalRole(recordedBy)) ? recordedBy : 'someone not in a chair role';
}

/** A chair role for the evidence: the configured roles and the recognised ones as they are, never a name. */
const reportableChair = (role: string): string => (NAMEABLE_ROLES.has(role) ? role : 'a role not in the list of recognised roles');

/** One spelling per role: `Team Manager`, `team-manager` and `TEAM_MANAGER` are the same role. */
const normalRole = (role: string): string => role.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * The roles that chair a meeting: the CPRO/IRO for a review; otherwise the meeting's own chair_role or a role
 * configured for its type. Undefined when the record cannot tell (neither, or no chair_role column at all).
 */
function chairsOf(meeting: MeetingRow, options: Options, judges: (clauseId: string) => boolean): ReadonlySet<string> | undefined {
  if (options.reviewTypes.includes(meeting.type)) {
    return new Set([...options.chairRoles, ...(options.chairRolesByType[meeting.type] ?? [])].map(normalRole));
  }
  const roles = [
    ...(options.chairRolesByType[meeting.type] ?? []),
    ...(judges('recorded-by-own-chair') && isRecorded(meeting.chair_role) ? [meeting.chair_role] : []),
  ];
  return roles.length === 0 ? undefined : new Set(roles.map(normalRole));
}

/** The elements of the exclusion's record that are missing, among the clauses the input lets the check judge. */
function missingElements(
  row: MeetingParentRow,
  chairs: ReadonlySet<string> | undefined,
  judges: (clauseId: string) => boolean,
): string[] {
  const missing: string[] = [];
  if (judges('reason') && !isRecorded(row.exclusion_reason)) missing.push('reason');
  const recordedBy = row.exclusion_recorded_by?.trim();
  if (!judges('recorded-by-chair')) {
    // No exclusion_recorded_by column: who recorded it cannot be told.
  } else if (recordedBy === undefined || recordedBy === '') missing.push('recorded by chair (not recorded)');
  else if (chairs !== undefined && !chairs.has(normalRole(recordedBy))) {
    missing.push(`recorded by chair (was ${reportableRole(recordedBy)})`);
  }
  if (!judges('alternative')) {
    // No alternative_offered column.
  } else if (row.alternative_offered === false) missing.push('alternative offered (was N)');
  else if (row.alternative_offered === undefined) missing.push('alternative offered (not recorded)');
  return missing;
}

export function run(caseRecord: CaseRecord, ctx: CheckContext<Options>): CheckOutcome {
  const outcome = new OutcomeBuilder(meta.id, caseRecord);
  // Few cases exclude anyone: the meetings index and the chair roles are prepared only for one that does.
  if (!caseRecord.meeting_parents.some((row) => row.excluded === true)) return outcome.done();
  const meetings = meetingById(caseRecord);
  for (const row of caseRecord.meeting_parents) {
    if (row.excluded !== true) continue;
    const meeting = meetings.get(row.meeting_id);
    if (meeting === undefined) continue;
    outcome.applicable();
    const chairs = chairsOf(meeting, ctx.options, ctx.judges);
    const missing = missingElements(row, chairs, ctx.judges);
    if (missing.length === 0) continue;
    const chairNote =
      chairs === undefined
        ? 'chair_role not recorded: who chaired cannot be told, so the recording role is not judged'
        : `chaired by ${[...chairs].map(reportableChair).join(' or ')}`;
    outcome.breach({
      recordId: meeting.meeting_id,
      date: meeting.date,
      source: sourceOf(meeting),
      messageId: 'exclusionIncomplete',
      data: {
        meetingId: meeting.meeting_id,
        personId: row.person_id,
        type: meeting.type,
        date: meeting.date,
        missing: missing.join(', '),
        missingCount: missing.length,
      },
      evidence: [
        { table: 'meetings', id: meeting.meeting_id, date: meeting.date, note: `meeting: ${meeting.type}; ${chairNote}` },
        {
          table: 'meeting_parents',
          id: `${meeting.meeting_id}/${row.person_id}`,
          date: meeting.date,
          note: [
            `parent ${row.person_id} excluded`,
            `exclusion_reason ${isRecorded(row.exclusion_reason) ? 'recorded' : 'not recorded'}`,
            `exclusion_recorded_by ${row.exclusion_recorded_by?.trim() ? reportableRole(row.exclusion_recorded_by.trim()) : 'not recorded'}`,
            `alternative_offered ${row.alternative_offered === undefined ? 'not recorded' : row.alternative_offered ? 'Y' : 'N'}`,
          ].join('; '),
        },
      ],
    });
  }
  return outcome.done();
}
