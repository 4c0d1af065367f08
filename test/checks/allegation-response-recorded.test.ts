// RuleTester table for allegation-response-recorded.
import * as check from '../../checks/allegation-response-recorded.js';
import { caseOf, ruleTester } from './_tester.js';

const mother = { person_id: 'M1', relationship: 'mother', parent: true, resident: true } as const;
const father = { person_id: 'F1', relationship: 'father', parent: true, resident: false } as const;
const people = [mother, { ...father, contactable: true }];
const allegation = { allegation_id: 'A1', date: '2026-04-14', made_by: 'M1', about: 'F1' } as const;

// A father without parental responsibility whose PR agreement the mother declined (000 §1).
const declined = { parental_responsibility: false, pr_agreement: 'declined' } as const;

ruleTester(check, {
  valid: [
    {
      name: 'response exempt: the father has no PR and his PR agreement was declined before the allegation',
      case: caseOf({
        people: [mother, { ...father, ...declined, pr_agreement_date: '2026-04-01' }],
        allegations: [{ ...allegation, status: 'allegation' }],
      }),
    },
    {
      name: 'an export without response_recorded: only the status is judged',
      case: caseOf({ people, allegations: [{ ...allegation, status: 'allegation' }] }),
      absentColumns: ['allegations.response_recorded'],
    },
    {
      name: 'response exempt for an allegation made after the parent was marked un-contactable',
      case: caseOf({
        people: [mother, { ...father, contactable: false, uncontactable_date: '2026-04-01' }],
        allegations: [{ ...allegation, status: 'allegation' }],
      }),
    },
    { name: 'no allegations at all', case: caseOf({ people }), applicable: false },
    {
      name: 'status and response recorded',
      case: caseOf({ people, allegations: [{ ...allegation, status: 'allegation', response_recorded: true }] }),
    },
    {
      name: 'admitted behaviour with response',
      case: caseOf({ people, allegations: [{ ...allegation, status: 'admitted', response_recorded: true }] }),
    },
    {
      name: 'court finding with response',
      case: caseOf({ people, allegations: [{ ...allegation, status: 'court_finding', response_recorded: true }] }),
    },
    {
      name: 'response exempt when the parent it is about is un-contactable',
      case: caseOf({
        people: [mother, { ...father, contactable: false }],
        allegations: [{ ...allegation, status: 'allegation', response_recorded: false }],
      }),
    },
    {
      name: 'response not recorded is exempt when the parent it is about is un-contactable',
      case: caseOf({ people: [mother, { ...father, contactable: false }], allegations: [{ ...allegation, status: 'admitted' }] }),
    },
    {
      name: 'contactable not recorded still needs the response but it is there',
      case: caseOf({ people: [mother, father], allegations: [{ ...allegation, status: 'allegation', response_recorded: true }] }),
    },
  ],
  invalid: [
    {
      name: 'a declined PR agreement exempts the response, never the status',
      case: caseOf({ people: [mother, { ...father, ...declined }], allegations: [{ ...allegation }] }),
      findings: [
        {
          recordId: 'A1',
          messageId: 'incomplete',
          data: { missing: 'a status (allegation, admitted or court_finding)' },
          evidence: [{ table: 'people', id: 'F1', note: 'PR agreement declined with no pr_agreement_date: taken to cover every event: response exempt' }],
        },
      ],
    },
    {
      name: 'PR agreement declined only after the allegation: the response is still required',
      case: caseOf({
        people: [mother, { ...father, ...declined, pr_agreement_date: '2026-05-01' }],
        allegations: [{ ...allegation, status: 'allegation' }],
      }),
      findings: [{ recordId: 'A1', messageId: 'incomplete', data: { missing: 'the response of F1 (response_recorded = Y)' } }],
    },
    {
      name: 'an allegation before the marking date still needs the response',
      case: caseOf({
        people: [mother, { ...father, contactable: false, uncontactable_date: '2026-07-01' }],
        allegations: [{ ...allegation, status: 'allegation' }],
      }),
      findings: [
        {
          recordId: 'A1',
          messageId: 'incomplete',
          date: '2026-04-14',
          evidence: [{ table: 'people', id: 'F1', note: 'marked un-contactable only from 2026-07-01, after this event of 2026-04-14' }],
        },
      ],
    },
    {
      name: 'response recorded N',
      case: caseOf({ people, allegations: [{ ...allegation, status: 'allegation', response_recorded: false }] }),
      findings: [
        {
          recordId: 'A1',
          messageId: 'incomplete',
          date: '2026-04-14',
          data: {
            allegationId: 'A1',
            madeBy: 'M1',
            about: 'F1',
            status: 'allegation',
            responseRecorded: 'N',
            missing: 'the response of F1 (response_recorded = Y)',
          },
          evidence: [
            { table: 'allegations', id: 'A1', date: '2026-04-14', note: 'response_recorded N' },
            { table: 'people', id: 'F1', note: 'contactable Y' },
          ],
        },
      ],
    },
    {
      name: 'response not recorded is not evidenced',
      case: caseOf({ people, allegations: [{ ...allegation, status: 'admitted' }] }),
      findings: [{ recordId: 'A1', messageId: 'incomplete', data: { responseRecorded: 'not recorded' } }],
    },
    {
      name: 'empty contactable is not un-contactable',
      case: caseOf({ people: [mother, father], allegations: [{ ...allegation, status: 'allegation' }] }),
      findings: [
        {
          recordId: 'A1',
          messageId: 'incomplete',
          data: { missing: 'the response of F1 (response_recorded = Y)' },
          evidence: [{ table: 'people', id: 'F1', note: 'contactable not recorded' }],
        },
      ],
    },
    {
      name: 'status missing',
      case: caseOf({ people, allegations: [{ ...allegation, response_recorded: true }] }),
      findings: [
        {
          recordId: 'A1',
          messageId: 'incomplete',
          data: { status: 'not recorded', missing: 'a status (allegation, admitted or court_finding)' },
        },
      ],
    },
    {
      name: 'status still needed when the parent it is about is un-contactable',
      case: caseOf({ people: [mother, { ...father, contactable: false }], allegations: [{ ...allegation }] }),
      findings: [
        {
          recordId: 'A1',
          messageId: 'incomplete',
          data: { missing: 'a status (allegation, admitted or court_finding)' },
          evidence: [{ table: 'people', id: 'F1', note: 'taken to cover every event: response exempt' }],
        },
      ],
    },
    {
      name: 'one finding names both missing elements',
      case: caseOf({ people, allegations: [{ ...allegation }] }),
      findings: [
        {
          recordId: 'A1',
          messageId: 'incomplete',
          data: {
            missing: 'a status (allegation, admitted or court_finding) and the response of F1 (response_recorded = Y)',
          },
        },
      ],
    },
    {
      name: 'one finding per offending allegation, in either direction',
      case: caseOf({
        people,
        allegations: [
          { ...allegation, status: 'allegation', response_recorded: true },
          { allegation_id: 'A2', date: '2026-05-02', made_by: 'F1', about: 'M1', status: 'allegation', response_recorded: false },
          { allegation_id: 'A3', date: '2026-06-09', made_by: 'M1', about: 'F1', response_recorded: true },
        ],
      }),
      findings: [
        { recordId: 'A2', messageId: 'incomplete', date: '2026-05-02', data: { about: 'M1', madeBy: 'F1' } },
        { recordId: 'A3', messageId: 'incomplete', date: '2026-06-09' },
      ],
    },
  ],
});
