import { describe, expect, it } from 'vitest';
import { PLAN_ACTIONS, PLAN_FLOW, PLAN_STATES, REPORT_ACTIONS, REPORT_FLOW, REPORT_STATES, SENT_BUNDLE_FLOW, planAllows, reportAfter, reportAllows, sentBundleAfter } from '../../shared/workflow/states';
import { PLAN_STATE_LABELS, REPORT_STATE_LABELS } from '../../shared/workflow/state-labels';
import { call, expectError, setUpServices } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';
import crypto from 'node:crypto';

describe('states and their transitions, in one module', () => {
  it('names every move of a report and a plan, and a label for every state', () => {
    // the whole table, as the clerk's rules say it: typed → submitted → accepted, or returned and typed again
    const moves = REPORT_STATES.flatMap((s) => REPORT_ACTIONS.filter((a) => reportAllows(s, a)).map((a) => `${s} -${a}-> ${reportAfter(s, a)}`));
    expect(moves).toEqual([
      'draft -save-> draft', 'draft -submit-> submitted', 'draft -receiveBundle-> submitted',
      'submitted -accept-> accepted', 'submitted -return-> returned', 'submitted -receiveBundle-> submitted',
      'accepted -receiveBundle-> submitted',
      'returned -save-> returned', 'returned -submit-> submitted', 'returned -receiveBundle-> submitted',
    ]);
    expect(PLAN_STATES.map((s) => [s, PLAN_ACTIONS.filter((a) => planAllows(s, a))])).toEqual([
      ['draft', ['edit', 'issue', 'remove']],
      ['issued', ['revise', 'send', 'collectReports']],
      ['received', ['edit', 'remove', 'receiveRevision']],
    ]);
    expect(sentBundleAfter('returned', 'receipt')).toBeNull(); // a late receipt never hides a return
    expect(sentBundleAfter('saved', 'receipt')).toBe('received');
    for (const flow of [REPORT_FLOW, PLAN_FLOW, SENT_BUNDLE_FLOW]) for (const targets of Object.values(flow)) for (const to of Object.values(targets)) expect(Object.keys(flow)).toContain(to);
    expect(Object.keys(REPORT_STATE_LABELS)).toEqual([...REPORT_STATES]);
    expect(Object.keys(PLAN_STATE_LABELS)).toEqual([...PLAN_STATES]);
  });

  it('is what the services enforce, and the consolidation returns states, not labels', async () => {
    const { services } = await setUpServices();
    const thon = await call(services, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
    const ref = [{ type: 'unit' as const, unitId: thon.id, note: '' }];
    const dutyId = crypto.randomUUID();
    const plan = await newPlanWith(services, 'own', 2026, (c) => ({ ...c, tasks: [task('1', 'Đối thoại', { implementing: ref })], duties: [{ id: dutyId, kind: 'semiannual', label: '', dueDate: '2026-06-15', units: ref, recipient: '', quarter: null }] }));
    expectError(await services.call('plans.revise', { id: plan.id, reason: 'x', content: plan.content }), 'CONFLICT'); // a draft is edited, not revised
    await call(services, 'plans.issue', { id: plan.id, number: '5', issueDate: '2026-02-01' });
    expectError(await services.call('plans.saveDraft', { id: plan.id, content: plan.content }), 'CONFLICT');
    expectError(await services.call('plans.remove', { id: plan.id }), 'IN_USE');
    const r = await call(services, 'reports.open', { planId: plan.id, dutyId, unitId: thon.id });
    expect((await call(services, 'reports.consolidation', { planId: plan.id, dutyId })).units).toEqual([{ id: thon.id, name: 'Thôn An Phú', state: 'draft', reportId: r.id }]);
    expectError(await services.call('reports.accept', { id: r.id }), 'CONFLICT');
    await call(services, 'reports.save', { id: r.id, content: { ...r.content, tasks: r.content.tasks.map((t) => ({ ...t, status: 'done' })) } });
    await call(services, 'reports.submit', { id: r.id, receivedDate: '2026-06-10' });
    expectError(await services.call('reports.save', { id: r.id, content: r.content }), 'CONFLICT');
    expect((await call(services, 'reports.return', { id: r.id, reason: 'Bổ sung' })).status).toBe(reportAfter('submitted', 'return'));
    await call(services, 'reports.submit', { id: r.id, receivedDate: '2026-06-12' });
    expect((await call(services, 'reports.accept', { id: r.id })).status).toBe('accepted');
    expect((await call(services, 'reports.consolidation', { planId: plan.id, dutyId })).units[0]!.state).toBe('accepted');
    await services.close();
  });
});
