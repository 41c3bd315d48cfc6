import crypto from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { Manifest, type BundleKind } from '../../shared/bundles/bundle-schemas';
import { BUNDLE_FORMAT_VERSION } from '../../shared/bundles/bundle-schemas';
import { AppError } from '../app-error';

/** Limits checked before anything is inflated: no zip bombs, no surprises. */
export const BUNDLE_LIMITS = { fileBytes: 100 * 1024 * 1024, entries: 200, totalBytes: 200 * 1024 * 1024, ratio: 200 };
const ALLOWED = /^(manifest\.json|signature|sender\.pub|payload\.json|document\.docx|document\.xlsx|attachments\/[0-9a-f]{64})$/;

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

export interface BundleContents {
  kind: BundleKind;
  subject: string;
  revision: number;
  payload: unknown;
  attachments?: Map<string, Uint8Array>;
  documents?: { docx?: Uint8Array; xlsx?: Uint8Array };
}

export interface Signer {
  installationId: string;
  officeName: string;
  publicKeyPem: string;
  privateKeyPem: string;
}

/** A zip with the manifest (hashes of every entry), the payload, attachments and documents, signed with Ed25519. */
export function writeBundle(contents: BundleContents, signer: Signer, recipientOffice: string, now: Date, bundleId = crypto.randomUUID()): Buffer {
  const files: Record<string, Uint8Array> = {
    'payload.json': strToU8(JSON.stringify(contents.payload)),
    'sender.pub': strToU8(signer.publicKeyPem),
  };
  if (contents.documents?.docx) files['document.docx'] = contents.documents.docx;
  if (contents.documents?.xlsx) files['document.xlsx'] = contents.documents.xlsx;
  for (const [hash, bytes] of contents.attachments ?? []) files[`attachments/${hash}`] = bytes;
  const manifest: Manifest = {
    formatVersion: BUNDLE_FORMAT_VERSION,
    bundleId,
    kind: contents.kind,
    sender: { installationId: signer.installationId, officeName: signer.officeName },
    recipient: { officeName: recipientOffice },
    createdAt: now.toISOString(),
    subject: contents.subject,
    revision: contents.revision,
    entries: Object.entries(files).map(([name, bytes]) => ({ name, sha256: sha256(bytes), size: bytes.length })),
  };
  const manifestBytes = strToU8(JSON.stringify(manifest));
  const signature = crypto.sign(null, manifestBytes, signer.privateKeyPem);
  return Buffer.from(zipSync({ 'manifest.json': manifestBytes, signature: strToU8(signature.toString('base64')), ...files }, { level: 6 }));
}

/** Per-entry caps on the declared (signed) size, checked before an entry is inflated or parsed. */
export const ENTRY_LIMITS: Record<string, number> = {
  'manifest.json': 1024 * 1024,
  signature: 1024,
  'sender.pub': 4096,
  'payload.json': 16 * 1024 * 1024,
  'document.docx': 20 * 1024 * 1024,
  'document.xlsx': 20 * 1024 * 1024,
  attachment: 20 * 1024 * 1024,
};
const entryLimit = (name: string) => ENTRY_LIMITS[name] ?? ENTRY_LIMITS.attachment!;
const MB = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;

/** The signed part of a bundle: who signed it and what it claims, read without touching the payload. */
export interface BundleEnvelope {
  manifest: Manifest;
  publicKeyPem: string;
}

export interface OpenedBundle extends BundleEnvelope {
  payload: unknown;
  files: Unzipped;
}

const refuse = (message: string): never => {
  throw new AppError('VALIDATION', `Tệp gói không hợp lệ: ${message}`);
};

/** Inflates only the entries `wanted` says, after checking every entry's name, count, declared size and ratio. */
function inflateSome(bytes: Uint8Array, wanted: (name: string) => boolean, declared?: Map<string, number>): Unzipped {
  let count = 0;
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        count += 1;
        total += f.originalSize;
        if (!ALLOWED.test(f.name)) refuse(`có mục lạ "${f.name.slice(0, 80)}".`);
        if (count > BUNDLE_LIMITS.entries) refuse('có quá nhiều mục.');
        if (total > BUNDLE_LIMITS.totalBytes) refuse('nội dung giải nén quá lớn.');
        if (f.size > 0 && f.originalSize / f.size > BUNDLE_LIMITS.ratio) refuse('tỉ lệ nén bất thường.');
        if (f.originalSize > entryLimit(f.name)) refuse(`mục "${f.name.slice(0, 80)}" lớn hơn giới hạn ${MB(entryLimit(f.name))}.`);
        // fflate inflates into a buffer of the declared size: a header that lies cannot make it grow
        if (declared && wanted(f.name) && declared.get(f.name) !== f.originalSize) refuse(`mục "${f.name.slice(0, 80)}" đã bị thay đổi (kích thước không khớp).`);
        return wanted(f.name);
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    return refuse('tệp bị hỏng, không giải nén được.');
  }
}

/**
 * The cheapest checks, before any payload is inflated: size and signature of the file, then the manifest,
 * the signature over it and the sender's key. Who signed decides (sender trust) whether the rest is read.
 */
export function readEnvelope(bytes: Uint8Array): BundleEnvelope {
  if (bytes.length > BUNDLE_LIMITS.fileBytes) refuse('lớn hơn 100 MB.');
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) refuse('không phải tệp gói .dvb của ứng dụng.');
  const files = inflateSome(bytes, (name) => name === 'manifest.json' || name === 'signature' || name === 'sender.pub');
  const manifestBytes = files['manifest.json'];
  const signature = files.signature;
  const pub = files['sender.pub'];
  if (!manifestBytes || !signature || !pub) refuse('thiếu phần kê khai hoặc chữ ký.');
  let manifest: Manifest;
  try {
    manifest = Manifest.parse(JSON.parse(strFromU8(manifestBytes!)));
  } catch {
    return refuse('phần kê khai không đúng định dạng (có thể của phiên bản khác).');
  }
  const publicKeyPem = strFromU8(pub!);
  let verified = false;
  try {
    verified = crypto.verify(null, manifestBytes!, publicKeyPem, Buffer.from(strFromU8(signature!), 'base64'));
  } catch {
    verified = false;
  }
  if (!verified) refuse('chữ ký không đúng — tệp đã bị sửa hoặc giả mạo.');
  if (manifest.entries.find((e) => e.name === 'sender.pub')?.sha256 !== sha256(pub!)) refuse('khóa người gửi không khớp kê khai.');
  for (const entry of manifest.entries) if (entry.size > entryLimit(entry.name)) refuse(`mục "${entry.name}" lớn hơn giới hạn ${MB(entryLimit(entry.name))}.`);
  return { manifest, publicKeyPem };
}

/** The rest of a bundle whose envelope was read: every entry inflated within its signed size, hashed, the payload parsed. */
export function readContents(bytes: Uint8Array, envelope: BundleEnvelope): OpenedBundle {
  const { manifest } = envelope;
  const declared = new Map(manifest.entries.map((e) => [e.name, e.size]));
  const files = inflateSome(bytes, (name) => name !== 'manifest.json' && name !== 'signature', declared);
  const listed = new Set(manifest.entries.map((e) => e.name));
  for (const name of Object.keys(files)) if (!listed.has(name)) refuse(`mục "${name}" không có trong kê khai.`);
  for (const entry of manifest.entries) {
    const data = files[entry.name];
    if (!data) refuse(`thiếu mục "${entry.name}".`);
    if (data!.length !== entry.size || sha256(data!) !== entry.sha256) refuse(`mục "${entry.name}" đã bị thay đổi (mã băm không khớp).`);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(strFromU8(files['payload.json'] ?? refuse('thiếu nội dung.')));
  } catch (error) {
    if (error instanceof AppError) throw error;
    refuse('nội dung không đọc được.');
  }
  // every kind carries an object; anything else (null, a number, a list) is refused here, not read later
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) refuse('nội dung không đúng định dạng.');
  return { ...envelope, payload, files };
}

/** Checks a bundle completely (sizes, names, signature, hashes) and reads its payload. */
export function openBundle(bytes: Uint8Array): OpenedBundle {
  return readContents(bytes, readEnvelope(bytes));
}
