import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, setUpServices } from '../helpers/services';
import { newPlanWith, task } from '../helpers/plans';
import { awaitingAcceptance } from '../../shared/reports/unit-reports';

const external = (name: string) => ({ type: 'external' as const, name, note: '' });

/** A commune: the province's plan received (6-month and annual reports owed up), its own plan derived and issued, three thôn. */
async function communeWithThon() {
  const { services } = await setUpServices();
  const thon = await Promise.all(['Thôn An Phú', 'Thôn Bình Tây', 'Thôn Cầu Đá'].map((name) => call(services, 'units.create', { name, kind: 'thon' })));
  const refs = thon.map((t) => ({ type: 'unit' as const, unitId: t.id, note: '' }));
  const up = { semi: crypto.randomUUID(), annual: crypto.randomUUID() };
  const received = await newPlanWith(services, 'received', 2026, (p) => ({
    ...p,
    number: '14',
    tasks: [task('1', 'Đối thoại với Nhân dân')],
    duties: [
      { id: up.annual, kind: 'annual', label: '', dueDate: '2026-11-30', units: [external('UBND các xã')], recipient: 'Sở Nội vụ', quarter: null },
      { id: up.semi, kind: 'semiannual', label: '', dueDate: '2026-06-10', units: [external('UBND các xã')], recipient: 'Sở Nội vụ', quarter: null },
    ],
  }));
  const derived = await call(services, 'plans.derive', { parentPlanId: received.id });
  const duty = crypto.randomUUID();
  const plan = await call(services, 'plans.saveDraft', {
    id: derived.id,
    content: { ...derived.content, tasks: [{ ...derived.content.tasks[0]!, implementing: refs }], duties: [{ id: duty, kind: 'semiannual', label: '', dueDate: '2026-05-15', units: refs, recipient: '', quarter: null }] },
  });
  await call(services, 'plans.issue', { id: plan.id, number: '5', issueDate: '2026-02-02' });
  const submit = async (unitId: string, accept: boolean) => {
    const r = await call(services, 'reports.open', { planId: plan.id, dutyId: duty, unitId });
    await call(services, 'reports.save', { id: r.id, content: { ...r.content, tasks: r.content.tasks.map((t) => ({ ...t, status: 'done', doneText: 'Đã đối thoại' })) } });
    await call(services, 'reports.submit', { id: r.id, receivedDate: '2026-05-12' });
    if (accept) await call(services, 'reports.accept', { id: r.id });
    return r.id;
  };
  return { services, thon, received, plan, duty, up, submit };
}

describe('the consolidation page sends the report up and says what waits for acceptance', () => {
  it('names the received plan duty it answers (same kind), and nothing for a plan that implements none', async () => {
    const { services, received, plan, duty, up } = await communeWithThon();
    const c = await call(services, 'reports.consolidation', { planId: plan.id, dutyId: duty });
    expect(c.sendsUp).toEqual({ planId: received.id, dutyId: up.semi, documentNumber: '14/KH-UBND', issuerName: received.content.issuerName, dutyLabel: 'Báo cáo 6 tháng', dueDate: '2026-06-10' });

    // what the button sends is the report on that duty, and its state is what bundles.sentReports says
    await call(services, 'bundles.exportReport', { planId: c.sendsUp!.planId, dutyId: c.sendsUp!.dutyId });
    expect(await call(services, 'bundles.sentReports', { planId: received.id })).toMatchObject([{ dutyId: up.semi, revision: 1, status: 'saved' }]);

    const own = await newPlanWith(services, 'own', 2026, (p) => ({
      ...p,
      tasks: [task('1', 'Tập huấn')],
      duties: [{ id: crypto.randomUUID(), kind: 'semiannual', label: '', dueDate: '2026-05-15', units: [external('Các thôn')], recipient: '', quarter: null }],
    }));
    const issued = await call(services, 'plans.issue', { id: own.id, number: '6', issueDate: '2026-02-03' });
    expect((await call(services, 'reports.consolidation', { planId: own.id, dutyId: issued.content.duties[0]!.id })).sendsUp).toBeNull();
    await services.close();
  });

  it('lists the reports received and not yet accepted, each with the report to review', async () => {
    const { services, thon, plan, duty, submit } = await communeWithThon();
    const [a, b, c] = thon as [(typeof thon)[0], (typeof thon)[0], (typeof thon)[0]];
    await submit(a.id, true);
    const waitingB = await submit(b.id, false);
    const waitingC = await submit(c.id, false);
    const cons = await call(services, 'reports.consolidation', { planId: plan.id, dutyId: duty });
    expect(cons.units.map((u) => [u.name, u.state])).toEqual([['Thôn An Phú', 'accepted'], ['Thôn Bình Tây', 'submitted'], ['Thôn Cầu Đá', 'submitted']]);
    expect(awaitingAcceptance(cons.units).map((u) => [u.name, u.reportId])).toEqual([['Thôn Bình Tây', waitingB], ['Thôn Cầu Đá', waitingC]]);
    expect(cons.tasks[0]!.results.map((r) => r.unitName)).toEqual(['Thôn An Phú']); // only the accepted one is consolidated
    await call(services, 'reports.accept', { id: waitingB });
    expect(awaitingAcceptance((await call(services, 'reports.consolidation', { planId: plan.id, dutyId: duty })).units).map((u) => u.name)).toEqual(['Thôn Cầu Đá']);
    await services.close();
  });
});
