// RuleTester table for child-seen.
import * as check from '../../checks/child-seen.js';
import { caseOf, ruleTester } from './_tester.js';

const cpPlan = { plan_id: 'P1', type: 'cp', start: '2026-01-10', end: '2026-06-30' } as const;
const cinPlan = { plan_id: 'P2', type: 'cin', start: '2026-07-01' } as const;
const visit = { visit_id: 'V1', date: '2026-02-02', type: 'home', outcome: 'completed' } as const;

ruleTester(check, {
  valid: [
    { name: 'no visits at all', case: caseOf({ plans: [cpPlan] }), applicable: false },
    { name: 'no plan at all', case: caseOf({ visits: [{ ...visit, child_seen: false }] }), applicable: false },
    {
      name: 'visit under a CiN plan only',
      case: caseOf({ plans: [cpPlan, cinPlan], visits: [{ ...visit, date: '2026-07-06', child_seen: false }] }),
      applicable: false,
    },
    {
      name: 'visit the day before the CP plan started',
      case: caseOf({ plans: [cpPlan], visits: [{ ...visit, date: '2026-01-09', child_seen: false }] }),
      applicable: false,
    },
    {
      name: 'visit the day after the CP plan ended',
      case: caseOf({ plans: [cpPlan], visits: [{ ...visit, date: '2026-07-01', child_seen: false }] }),
      applicable: false,
    },
    {
      name: 'visits that did not take place, or not at home, do not count',
      case: caseOf({
        plans: [cpPlan],
        visits: [
          { ...visit, outcome: 'no_access', child_seen: false },
          { ...visit, visit_id: 'V2', outcome: 'defaulted' },
          { ...visit, visit_id: 'V3', outcome: 'cancelled_by_family' },
          { ...visit, visit_id: 'V4', outcome: 'cancelled_by_service' },
          { ...visit, visit_id: 'V5', type: 'school', child_seen: false },
          { ...visit, visit_id: 'V6', type: 'office' },
          { ...visit, visit_id: 'V7', type: undefined, child_seen: false },
        ],
      }),
      applicable: false,
    },
    { name: 'child seen', case: caseOf({ plans: [cpPlan], visits: [{ ...visit, child_seen: true }] }) },
    {
      name: 'child seen on the first and last days of the plan',
      case: caseOf({
        plans: [cpPlan],
        visits: [
          { ...visit, date: '2026-01-10', child_seen: true },
          { ...visit, visit_id: 'V2', date: '2026-06-30', child_seen: true },
        ],
      }),
    },
    {
      name: 'child seen under a current plan with no end',
      case: caseOf({ plans: [{ ...cpPlan, end: undefined }], visits: [{ ...visit, date: '2026-10-30', child_seen: true }] }),
    },
  ],
  invalid: [
    {
      name: 'child not seen',
      case: caseOf({ plans: [cpPlan], visits: [{ ...visit, child_seen: false }] }),
      findings: [
        {
          recordId: 'V1',
          messageId: 'childNotSeen',
          date: '2026-02-02',
          data: { visitId: 'V1', planId: 'P1' },
          evidence: [
            { table: 'visits', id: 'V1', date: '2026-02-02', note: 'child_seen N' },
            { table: 'plans', id: 'P1', date: '2026-01-10', note: 'cp plan from 2026-01-10 to 2026-06-30' },
          ],
        },
      ],
    },
    {
      name: 'child_seen not recorded is not evidenced',
      case: caseOf({ plans: [cpPlan], visits: [{ ...visit }] }),
      findings: [
        {
          recordId: 'V1',
          messageId: 'childSeenNotRecorded',
          evidence: [{ table: 'visits', id: 'V1', note: 'child_seen not recorded' }],
        },
      ],
    },
    {
      name: 'on the plan boundary days',
      case: caseOf({
        plans: [cpPlan],
        visits: [
          { ...visit, date: '2026-01-10', child_seen: false },
          { ...visit, visit_id: 'V2', date: '2026-06-30', child_seen: false },
        ],
      }),
      findings: [
        { recordId: 'V1', messageId: 'childNotSeen', date: '2026-01-10' },
        { recordId: 'V2', messageId: 'childNotSeen', date: '2026-06-30' },
      ],
    },
    {
      name: 'the CP plan in force is named when the case has several',
      case: caseOf({
        plans: [cpPlan, cinPlan, { plan_id: 'P3', type: 'cp', start: '2026-09-01' }],
        visits: [
          { ...visit, date: '2026-07-06', child_seen: false },
          { ...visit, visit_id: 'V2', date: '2026-09-07', child_seen: false },
          { ...visit, visit_id: 'V3', date: '2026-09-14', child_seen: true },
        ],
      }),
      findings: [{ recordId: 'V2', messageId: 'childNotSeen', data: { planId: 'P3' } }],
    },
  ],
});
