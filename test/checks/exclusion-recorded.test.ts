// RuleTester table for exclusion-recorded.
import * as check from '../../checks/exclusion-recorded.js';
import { caseOf, ruleTester } from './_tester.js';

const people = [
  { person_id: 'M1', relationship: 'mother', parent: true, resident: true },
  { person_id: 'F1', relationship: 'father', parent: true, resident: false },
];
const conference = { meeting_id: 'MT1', type: 'cp_conference', date: '2026-05-12' } as const;
const coreGroup = { meeting_id: 'MT2', type: 'core_group', date: '2026-06-09' } as const;
const recordedExclusion = {
  meeting_id: 'MT1',
  person_id: 'F1',
  invited: true,
  excluded: true,
  exclusion_reason: 'threats to staff at the last meeting',
  exclusion_recorded_by: 'CPRO',
  alternative_offered: true,
} as const;

ruleTester(check, {
  valid: [
    {
      name: 'an export without exclusion_recorded_by: who recorded the exclusion is not judged',
      case: caseOf({
        people,
        meetings: [conference],
        meeting_parents: [{ ...recordedExclusion, exclusion_recorded_by: undefined }],
      }),
      absentColumns: ['meeting_parents.exclusion_recorded_by'],
    },
    {
      name: 'a core-group exclusion recorded by its team-manager chair',
      case: caseOf({
        people,
        meetings: [{ ...coreGroup, chair_role: 'team_manager' }],
        meeting_parents: [{ ...recordedExclusion, meeting_id: 'MT2', exclusion_recorded_by: 'Team Manager' }],
      }),
    },
    {
      name: 'a core-group exclusion recorded by the social worker where the configuration names the core group\'s chairs',
      case: caseOf({
        people,
        meetings: [{ ...coreGroup }],
        meeting_parents: [{ ...recordedExclusion, meeting_id: 'MT2', exclusion_recorded_by: 'social_worker' }],
      }),
      options: { chairRolesByType: { core_group: ['social_worker', 'team_manager'] } },
    },
    {
      name: 'configured roles are accepted besides the meeting\'s own chair',
      case: caseOf({
        people,
        meetings: [{ ...coreGroup, chair_role: 'social_worker' }],
        meeting_parents: [{ ...recordedExclusion, meeting_id: 'MT2', exclusion_recorded_by: 'social_worker' }],
      }),
      options: { chairRolesByType: { core_group: ['team_manager'] } },
    },
    {
      name: 'an export without chair_role: the recorder of a core-group exclusion is not judged',
      case: caseOf({
        people,
        meetings: [{ ...coreGroup }],
        meeting_parents: [{ ...recordedExclusion, meeting_id: 'MT2', exclusion_recorded_by: 'CPRO' }],
      }),
      absentColumns: ['meetings.chair_role'],
    },
    {
      name: 'a core group with no chair_role: who chaired cannot be told, so a recorded recorder is not judged',
      case: caseOf({
        people,
        meetings: [{ ...coreGroup }],
        meeting_parents: [{ ...recordedExclusion, meeting_id: 'MT2', exclusion_recorded_by: 'social_worker' }],
      }),
    },
    { name: 'no meetings at all', case: caseOf({ people }), applicable: false },
    {
      name: 'parents invited, none excluded',
      case: caseOf({
        people,
        meetings: [conference],
        meeting_parents: [
          { meeting_id: 'MT1', person_id: 'M1', invited: true, excluded: false },
          { meeting_id: 'MT1', person_id: 'F1', invited: true },
        ],
      }),
      applicable: false,
    },
    {
      name: 'exclusion row whose meeting is not in the case (after the as-of date) is skipped',
      case: caseOf({ people, meetings: [coreGroup], meeting_parents: [{ ...recordedExclusion, exclusion_reason: undefined }] }),
      applicable: false,
    },
    {
      name: 'exclusion fully recorded by the CPRO',
      case: caseOf({ people, meetings: [conference], meeting_parents: [recordedExclusion] }),
    },
    {
      name: 'recorded by the IRO',
      case: caseOf({ people, meetings: [conference], meeting_parents: [{ ...recordedExclusion, exclusion_recorded_by: 'IRO' }] }),
    },
    {
      name: 'role compared case-insensitively and trimmed',
      case: caseOf({ people, meetings: [conference], meeting_parents: [{ ...recordedExclusion, exclusion_recorded_by: '  cpro ' }] }),
    },
    {
      name: 'another chair role allowed by option',
      case: caseOf({
        people,
        meetings: [conference],
        meeting_parents: [{ ...recordedExclusion, exclusion_recorded_by: 'Chair' }],
      }),
      options: { chairRoles: ['chair', 'IRO'] },
    },
  ],
  invalid: [
    {
      name: 'an export without exclusion_recorded_by: a missing alternative is still a breach, and only it is named',
      case: caseOf({
        people,
        meetings: [conference],
        meeting_parents: [{ ...recordedExclusion, exclusion_recorded_by: undefined, alternative_offered: undefined }],
      }),
      absentColumns: ['meeting_parents.exclusion_recorded_by'],
      findings: [{ recordId: 'MT1', messageId: 'exclusionIncomplete', data: { missing: 'alternative offered (not recorded)', missingCount: 1 } }],
    },
    {
      name: 'a core-group exclusion recorded by the CPRO when its chair was the team manager',
      case: caseOf({
        people,
        meetings: [{ ...coreGroup, chair_role: 'team_manager' }],
        meeting_parents: [{ ...recordedExclusion, meeting_id: 'MT2', exclusion_recorded_by: 'CPRO' }],
      }),
      findings: [
        {
          recordId: 'MT2',
          messageId: 'exclusionIncomplete',
          data: { missing: 'recorded by chair (was CPRO)' },
          evidence: [{ table: 'meetings', id: 'MT2', note: 'chaired by team_manager' }],
        },
      ],
    },
    {
      name: 'a conference exclusion recorded by the social worker: a review is chaired by the CPRO/IRO whatever chair_role says',
      case: caseOf({
        people,
        meetings: [{ ...conference, chair_role: 'social_worker' }],
        meeting_parents: [{ ...recordedExclusion, exclusion_recorded_by: 'social_worker' }],
      }),
      findings: [{ recordId: 'MT1', messageId: 'exclusionIncomplete', data: { missing: 'recorded by chair (was social_worker)' } }],
    },
    {
      name: 'a core group with no chair_role and nobody recorded as recording the exclusion',
      case: caseOf({
        people,
        meetings: [{ ...coreGroup }],
        meeting_parents: [{ ...recordedExclusion, meeting_id: 'MT2', exclusion_recorded_by: undefined }],
      }),
      findings: [
        {
          recordId: 'MT2',
          messageId: 'exclusionIncomplete',
          data: { missing: 'recorded by chair (not recorded)' },
          evidence: [{ table: 'meetings', id: 'MT2', note: 'chair_role not recorded' }],
        },
      ],
    },
    {
      name: 'a name in exclusion_recorded_by is never repeated, only that it is not a chair role',
      case: caseOf({
        meetings: [{ meeting_id: 'MT9', type: 'cp_conference', date: '2026-05-04' }],
        meeting_parents: [
          {
            meeting_id: 'MT9',
            person_id: 'F1',
            excluded: true,
            exclusion_reason: 'risk to mother',
            exclusion_recorded_by: 'Sarah Connor (SW)',
            alternative_offered: true,
          },
        ],
      }),
      findings: [
        {
          recordId: 'MT9',
          messageId: 'exclusionIncomplete',
          data: { missing: 'recorded by chair (was someone not in a chair role)' },
          evidence: [{ table: 'meeting_parents', note: 'exclusion_recorded_by someone not in a chair role' }],
        },
      ],
    },
    {
      name: 'reason missing',
      case: caseOf({ people, meetings: [conference], meeting_parents: [{ ...recordedExclusion, exclusion_reason: undefined }] }),
      findings: [
        {
          recordId: 'MT1',
          messageId: 'exclusionIncomplete',
          date: '2026-05-12',
          data: { meetingId: 'MT1', personId: 'F1', type: 'cp_conference', missing: 'reason', missingCount: 1 },
          evidence: [
            { table: 'meetings', id: 'MT1', date: '2026-05-12' },
            { table: 'meeting_parents', id: 'MT1/F1', note: 'exclusion_reason not recorded' },
          ],
        },
      ],
    },
    {
      name: 'reason of white space only is not recorded',
      case: caseOf({ people, meetings: [conference], meeting_parents: [{ ...recordedExclusion, exclusion_reason: '   ' }] }),
      findings: [{ recordId: 'MT1', messageId: 'exclusionIncomplete', data: { missing: 'reason' } }],
    },
    {
      name: 'recorded by a social worker, not the chair',
      case: caseOf({
        people,
        meetings: [conference],
        meeting_parents: [{ ...recordedExclusion, exclusion_recorded_by: 'social_worker' }],
      }),
      findings: [
        {
          recordId: 'MT1',
          messageId: 'exclusionIncomplete',
          data: { missing: 'recorded by chair (was social_worker)' },
          evidence: [{ table: 'meeting_parents', id: 'MT1/F1', note: 'exclusion_recorded_by social_worker' }],
        },
      ],
    },
    {
      name: 'recorded-by not recorded',
      case: caseOf({
        people,
        meetings: [conference],
        meeting_parents: [{ ...recordedExclusion, exclusion_recorded_by: undefined }],
      }),
      findings: [{ recordId: 'MT1', messageId: 'exclusionIncomplete', data: { missing: 'recorded by chair (not recorded)' } }],
    },
    {
      name: 'alternative not offered',
      case: caseOf({ people, meetings: [conference], meeting_parents: [{ ...recordedExclusion, alternative_offered: false }] }),
      findings: [{ recordId: 'MT1', messageId: 'exclusionIncomplete', data: { missing: 'alternative offered (was N)' } }],
    },
    {
      name: 'alternative not recorded',
      case: caseOf({
        people,
        meetings: [conference],
        meeting_parents: [{ ...recordedExclusion, alternative_offered: undefined }],
      }),
      findings: [{ recordId: 'MT1', messageId: 'exclusionIncomplete', data: { missing: 'alternative offered (not recorded)' } }],
    },
    {
      name: 'every element missing is named in one finding',
      case: caseOf({
        people,
        meetings: [conference],
        meeting_parents: [{ meeting_id: 'MT1', person_id: 'F1', excluded: true, exclusion_recorded_by: 'social_worker' }],
      }),
      findings: [
        {
          recordId: 'MT1',
          messageId: 'exclusionIncomplete',
          data: {
            personId: 'F1',
            missing: 'reason, recorded by chair (was social_worker), alternative offered (not recorded)',
            missingCount: 3,
          },
        },
      ],
    },
    {
      name: 'the CPRO is not a chair when the option names only the IRO',
      case: caseOf({ people, meetings: [conference], meeting_parents: [recordedExclusion] }),
      options: { chairRoles: ['IRO'] },
      findings: [{ recordId: 'MT1', messageId: 'exclusionIncomplete', data: { missing: 'recorded by chair (was CPRO)' } }],
    },
    {
      name: 'one finding per exclusion, dated on its meeting',
      case: caseOf({
        people,
        meetings: [conference, coreGroup],
        meeting_parents: [
          { ...recordedExclusion, alternative_offered: false },
          { ...recordedExclusion, person_id: 'M1' },
          { ...recordedExclusion, meeting_id: 'MT2', exclusion_reason: undefined },
        ],
      }),
      findings: [
        { recordId: 'MT1', messageId: 'exclusionIncomplete', date: '2026-05-12', data: { personId: 'F1' } },
        { recordId: 'MT2', messageId: 'exclusionIncomplete', date: '2026-06-09', data: { personId: 'F1', type: 'core_group' } },
      ],
    },
  ],
});
