import crypto from 'node:crypto';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import type { Services } from '../../core/services';
import { writeBundle, type Signer } from '../../core/bundles/bundle-codec';
import type { BundleKind } from '../../shared/bundles/bundle-schemas';
import { call, setUpOffice, setUpServices } from './services';
import { newPlanWith, task } from './plans';

export const SO_NOI_VU = { name: 'Sở Nội vụ tỉnh Quảng Ngãi', parentBody: 'UBND tỉnh Quảng Ngãi', level: 'tinh', abbreviation: 'SNV', placeName: 'Quảng Ngãi', reportsTo: '' } as const;
const commune = (name: string, place: string) => ({ name, parentBody: '', level: 'xa_phuong', abbreviation: 'UBND', placeName: place, reportsTo: 'UBND tỉnh Quảng Ngãi (qua Sở Nội vụ)' }) as const;

export interface Office {
  services: Services;
  dataDir: string;
  name: string;
}

/**
 * A province department and its communes, each its own installation: the province's plan (two tasks,
 * a 6-month report owed by every commune) issued, sent down as a bundle and imported by each commune
 * (the province confirmed as the body above).
 */
export async function provinceWithCommunes(names: [string, string][]) {
  const province = await setUpServices({ office: false });
  await setUpOffice(province.services, { ...SO_NOI_VU });
  const units = [];
  for (const [name] of names) units.push(await call(province.services, 'units.create', { name, kind: 'xa' }));
  const owes = units.map((u) => ({ type: 'unit' as const, unitId: u.id, note: '' }));
  const dutyId = crypto.randomUUID();
  const plan = await newPlanWith(province.services, 'own', 2026, (c) => ({
    ...c,
    tasks: [task('1', 'Tổ chức đối thoại với Nhân dân', { implementing: owes }), task('2', 'Tiếp công dân định kỳ', { implementing: owes })],
    duties: [{ id: dutyId, kind: 'semiannual', label: '', dueDate: '2026-06-15', units: owes, recipient: 'Sở Nội vụ', quarter: null }],
  }));
  await call(province.services, 'plans.issue', { id: plan.id, number: '05', issueDate: '2026-01-19' });
  const communes: (Office & { unitId: string })[] = [];
  for (const [i, [name, place]] of names.entries()) {
    const c = await setUpServices({ office: false });
    await setUpOffice(c.services, { ...commune(name, place) });
    const file = await call(province.services, 'bundles.exportPlan', { planId: plan.id, unitId: units[i]!.id });
    await call(c.services, 'bundles.import', { base64: file.base64, acceptKey: true });
    communes.push({ ...c, name, unitId: units[i]!.id });
  }
  return { province: { ...province, name: SO_NOI_VU.name }, communes, plan, dutyId };
}

/** The commune's own report on the province's plan, sent up as a bundle (base64). */
export async function communeReport(office: Office, planId: string, dutyId: string, doneText: string): Promise<string> {
  const own = await call(office.services, 'ownReports.get', { planId, dutyId });
  await call(office.services, 'ownReports.save', { planId, dutyId, content: { ...own.content, tasks: own.content.tasks.map((t) => ({ ...t, status: 'done', doneText })) } });
  return (await call(office.services, 'bundles.exportReport', { planId, dutyId })).base64;
}

/** An installation's own signing key, read from its data file (what a dishonest commune holds). */
export function installationSigner(office: Office, officeName = office.name): Signer {
  const db = new BetterSqlite3(path.join(office.dataDir, 'danvan.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT id, public_key_pem, private_key_pem FROM installation').get() as { id: string; public_key_pem: string; private_key_pem: string };
    return { installationId: row.id, officeName, publicKeyPem: row.public_key_pem, privateKeyPem: row.private_key_pem };
  } finally {
    db.close();
  }
}

/** A brand-new installation key (a new PC, or someone pretending). */
export function newSigner(officeName: string): Signer {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  return { installationId: crypto.randomUUID(), officeName, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

export const payloadOf = (base64: string) => JSON.parse(strFromU8(unzipSync(new Uint8Array(Buffer.from(base64, 'base64')))['payload.json']!)) as Record<string, unknown>;
export const manifestOf = (base64: string) => JSON.parse(strFromU8(unzipSync(new Uint8Array(Buffer.from(base64, 'base64')))['manifest.json']!)) as { subject: string; revision: number; kind: BundleKind };

/** The same content re-signed by `signer`, with what it claims changed: how a forged bundle is made. */
export function resign(base64: string, signer: Signer, recipient: string, change: { payload?: Record<string, unknown>; revision?: number } = {}): string {
  const manifest = manifestOf(base64);
  const bytes = writeBundle({ kind: manifest.kind, subject: manifest.subject, revision: change.revision ?? manifest.revision, payload: change.payload ?? payloadOf(base64) }, signer, recipient, new Date());
  return bytes.toString('base64');
}
