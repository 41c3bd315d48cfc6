import crypto from 'node:crypto';
import { call } from './services';
import { provinceWithCommunes } from './offices';
import { newPlanWith, task } from './plans';

export const COMMUNE = 'UBND xã Bình Chương';

/**
 * A whole reporting cycle at a commune, through the services: the province's plan received as a bundle;
 * the commune's own plan derived from it (a task deadline, a 6-month report owed by two thôn) and issued;
 * a draft plan; thôn An Phú's report accepted, thôn Bình Tây's returned with a reason and sent again
 * (waiting for acceptance); the plan sent to a thôn's installation as a bundle; the commune's report sent
 * up, imported at the province, and the province's receipt imported back. The commune's services are
 * closed: open a harness on `commune.dataDir` and sign in.
 */
export async function communeCycle() {
  const { province, communes, plan: provincePlan, dutyId: provinceDutyId } = await provinceWithCommunes([[COMMUNE, 'Bình Chương']]);
  const commune = communes[0]!;
  const s = commune.services;
  const anPhu = await call(s, 'units.create', { name: 'Thôn An Phú', kind: 'thon' });
  const binhTay = await call(s, 'units.create', { name: 'Thôn Bình Tây', kind: 'thon' });
  const refs = [anPhu, binhTay].map((u) => ({ type: 'unit' as const, unitId: u.id, note: '' }));
  const derived = await call(s, 'plans.derive', { parentPlanId: provincePlan.id });
  const dutyId = crypto.randomUUID();
  const deadline = { kind: 'deadline' as const, year: null, dueDate: '2026-05-30', from: null, to: null, text: '' };
  const plan = await call(s, 'plans.saveDraft', {
    id: derived.id,
    content: {
      ...derived.content,
      tasks: derived.content.tasks.map((t, i) => ({ ...t, implementing: refs, timeframe: i === 0 ? deadline : t.timeframe })),
      duties: [{ id: dutyId, kind: 'semiannual', label: '', dueDate: '2026-05-15', units: refs, recipient: 'Phòng Văn hóa – Xã hội', quarter: null }],
      signerAuthority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH',
      signerTitle: 'PHÓ CHỦ TỊCH',
      signerName: 'Võ Văn Tâm',
    },
  });
  await call(s, 'plans.issue', { id: plan.id, number: '7', issueDate: '2026-02-02' });
  const draft = await newPlanWith(s, 'own', 2026, (c) => ({ ...c, title: 'Kế hoạch tuyên truyền Luật Thực hiện dân chủ ở cơ sở', tasks: [task('1', 'Tuyên truyền trên loa truyền thanh', { timeframe: { ...deadline, dueDate: '2026-09-30' } })] }));

  const fill = async (unitId: string, receivedDate: string) => {
    const r = await call(s, 'reports.open', { planId: plan.id, dutyId, unitId });
    await call(s, 'reports.save', { id: r.id, content: { ...r.content, tasks: r.content.tasks.map((t) => ({ ...t, status: 'done', doneText: 'Tổ chức 2 buổi đối thoại' })), models: [{ id: crypto.randomUUID(), name: 'Dân vận khéo trong xây dựng nông thôn mới', field: 'kinh_te', unitName: '', startDate: '2026-03-01', results: 'Tốt', level: 'dang_ky' }] } });
    await call(s, 'reports.submit', { id: r.id, receivedDate });
    return r.id;
  };
  const accepted = await fill(anPhu.id, '2026-05-10');
  await call(s, 'reports.accept', { id: accepted });
  const waiting = await fill(binhTay.id, '2026-05-20');
  await call(s, 'reports.return', { id: waiting, reason: 'Bổ sung số liệu' });
  await call(s, 'reports.submit', { id: waiting, receivedDate: '2026-05-22' });

  await call(s, 'bundles.exportPlan', { planId: plan.id, unitId: anPhu.id });
  const up = await call(s, 'bundles.exportReport', { planId: provincePlan.id, dutyId: provinceDutyId });
  const imported = await call(province.services, 'bundles.import', { base64: up.base64, acceptKey: true });
  await call(s, 'bundles.import', { base64: imported.receipt!.base64, acceptKey: true });
  await s.close();
  await province.services.close();
  return { commune, province, provincePlan, provinceDutyId, plan, dutyId, draft, units: { anPhu, binhTay }, reports: { accepted, waiting } };
}
