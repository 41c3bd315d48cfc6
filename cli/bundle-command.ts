import fs from 'node:fs';
import path from 'node:path';
import { readEnvelope } from '../core/bundles/bundle-codec';
import { keyFingerprint } from '../core/identity/installation-identity';
import type { Services } from '../core/services';
import type { ApiResult } from '../shared/api/result';

/** Province IT's tools over the same checks as the window: verify, import and export .dvb files. */

type Write = (line: string) => void;

async function must<T>(result: Promise<ApiResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const normalizeFingerprint = (f: string) => f.replace(/\s+/g, '').toUpperCase();

/** Every .dvb named, folders read one level deep, in name order. */
export function bundleFiles(paths: string[]): string[] {
  return paths.flatMap((p) => {
    if (fs.statSync(p, { throwIfNoEntry: false })?.isDirectory()) {
      return fs.readdirSync(p).filter((n) => n.toLowerCase().endsWith('.dvb')).sort().map((n) => path.join(p, n));
    }
    return [p];
  });
}

export interface Verdict {
  file: string;
  valid: boolean;
  kind: string | null;
  sender: { officeName: string; installationId: string; fingerprint: string } | null;
  unit: string | null;
  revision: number | null;
  signature: 'hợp lệ' | 'không hợp lệ';
  trust: string | null;
  reason: string;
}

/**
 * `bundle verify FILE [--data-dir D]`: the file's signature and structure; with a data folder, also whether
 * this office would take it (sender trust and the checks of an import), as the window's preview shows it.
 */
export async function verifyBundle(file: string, services: Services | null): Promise<Verdict> {
  const verdict: Verdict = { file, valid: false, kind: null, sender: null, unit: null, revision: null, signature: 'không hợp lệ', trust: null, reason: '' };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return { ...verdict, reason: `Không mở được tệp "${file}".` };
  }
  try {
    const { manifest, publicKeyPem } = readEnvelope(bytes);
    Object.assign(verdict, { kind: manifest.kind, revision: manifest.revision, signature: 'hợp lệ', sender: { officeName: manifest.sender.officeName, installationId: manifest.sender.installationId, fingerprint: keyFingerprint(publicKeyPem) } });
  } catch (error) {
    return { ...verdict, reason: (error as Error).message };
  }
  if (!services) return { ...verdict, valid: true };
  const preview = await services.call('bundles.preview', { base64: bytes.toString('base64') });
  if (!preview.ok) return { ...verdict, signature: preview.error.message.includes('chữ ký') ? 'không hợp lệ' : 'hợp lệ', reason: preview.error.message };
  const p = preview.value;
  const reason = p.alreadyImported ? 'Gói này đã nhập trước đó.' : p.problems.join(' ');
  return { ...verdict, unit: p.unitName, trust: p.trust, valid: !p.problems.length && p.trust !== 'refused', reason };
}

/** `bundle import FILE|DIR… --data-dir D [--trust FINGERPRINT]… [--receipts DIR]`: one line each; false if any was refused. */
export async function importBundles(services: Services, files: string[], trusted: string[], receiptsDir: string | undefined, write: Write): Promise<boolean> {
  const allowed = new Set(trusted.map(normalizeFingerprint));
  let allOk = true;
  for (const file of files) {
    const name = path.basename(file);
    try {
      const base64 = fs.readFileSync(file).toString('base64');
      const preview = await must(services.call('bundles.preview', { base64 }));
      const acceptKey = allowed.has(normalizeFingerprint(preview.fingerprint));
      if (preview.trust === 'new' && !acceptKey) {
        throw new Error(`Chưa xác nhận khóa ${preview.fingerprint} của "${preview.senderOffice}"${preview.unitName ? ` (đơn vị ${preview.unitName})` : ''}; đối chiếu rồi chạy lại với --trust "${preview.fingerprint}".`);
      }
      const result = await must(services.call('bundles.import', { base64, acceptKey }));
      if (result.receipt && receiptsDir) {
        fs.mkdirSync(receiptsDir, { recursive: true });
        fs.writeFileSync(path.join(receiptsDir, result.receipt.fileName), Buffer.from(result.receipt.base64, 'base64'));
      }
      write(`${result.result === 'duplicate' ? 'ĐÃ CÓ' : 'ĐÃ NHẬP'}\t${name}\t${result.message}`);
    } catch (error) {
      allOk = false;
      write(`TỪ CHỐI\t${name}\t${(error as Error).message}`);
    }
  }
  return allOk;
}

/**
 * `bundle export --data-dir D --out DIR [--plan ID]`: what the clerk could send now, as files — each issued
 * plan of this office for every unit that owes it a report, and this office's reports on the plans it
 * received. Recorded as sent, exactly as the window's "Gửi" buttons do.
 */
export async function exportBundles(services: Services, outDir: string, planId: string | undefined, write: Write): Promise<number> {
  fs.mkdirSync(outDir, { recursive: true });
  const save = (file: { fileName: string; base64: string }) => {
    fs.writeFileSync(path.join(outDir, file.fileName), Buffer.from(file.base64, 'base64'));
    written += 1;
    write(`ĐÃ GHI\t${file.fileName}`);
  };
  let written = 0;
  const skip = (what: string, error: unknown) => write(`BỎ QUA\t${what}\t${(error as Error).message}`);
  const plans = (await must(services.call('plans.list', {}))).filter((p) => !planId || p.id === planId);
  for (const plan of plans) {
    if (plan.kind === 'own' && plan.status === 'issued') {
      const matrix = await must(services.call('reports.matrix', { planId: plan.id, today: null }));
      for (const unit of matrix.units) {
        try {
          save(await must(services.call('bundles.exportPlan', { planId: plan.id, unitId: unit.id, deliver: 'file' })));
        } catch (error) {
          skip(`Kế hoạch ${plan.documentNumber} cho ${unit.name}`, error);
        }
      }
    }
    if (plan.kind === 'received') {
      const full = await must(services.call('plans.get', { id: plan.id, revision: null }));
      for (const duty of full.content.duties) {
        try {
          save(await must(services.call('bundles.exportReport', { planId: plan.id, dutyId: duty.id, deliver: 'file' })));
        } catch (error) {
          skip(`Báo cáo theo Kế hoạch ${plan.documentNumber}`, error);
        }
      }
    }
  }
  return written;
}
