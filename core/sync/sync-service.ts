import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Executor } from '../../db/executor';
import { SyncConfig, type SyncConfigInput, type SyncStatus } from '../../shared/sync/sync-schemas';
import { asciiSlug } from '../../shared/text/fold';
import { AppError } from '../app-error';
import { readOffice } from '../office/office-service';
import { findRefusedFile, rememberRefusedFile } from '../../db/bundles/installation-repo';
import { folderTransport } from './folder-transport';
import type { SecretStore } from './secret-store';
import type { Transport } from './transport';
import { webdavTransport } from './webdav-transport';
import { checkServerUrl, readCertificateFile, type ConnectionPolicy } from './connection-policy';

const CONFIG_KEY = 'sync';
const PASSWORD = 'webdav-password';

/** Retry after 1, 2, 4 … minutes, at most every 6 hours. */
export function backoffMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 360);
}

type StoredSyncConfig = Omit<SyncConfig, 'hasPassword'> & { certificatePem: string };

async function readStoredSync(db: Kysely<Database>): Promise<StoredSyncConfig> {
  const row = await db.selectFrom('setting').select('value_json').where('key', '=', CONFIG_KEY).executeTakeFirst();
  const stored = row ? (JSON.parse(row.value_json) as Partial<StoredSyncConfig>) : {};
  return { kind: 'none', folder: '', url: '', username: '', certificateFile: '', certificateSummary: '', certificatePem: '', allowPlainHttp: false, ...stored };
}

export async function readSyncConfig(db: Kysely<Database>, secrets: SecretStore): Promise<SyncConfig> {
  return SyncConfig.parse({ ...(await readStoredSync(db)), hasPassword: Boolean(secrets.get(PASSWORD)) });
}

async function connectionPolicy(db: Kysely<Database>): Promise<ConnectionPolicy> {
  const stored = await readStoredSync(db);
  return { certificatePem: stored.certificatePem, allowPlainHttp: stored.allowPlainHttp };
}

export async function saveSyncConfig(db: Kysely<Database>, secrets: SecretStore, input: Required<SyncConfigInput>): Promise<SyncConfig> {
  if (input.kind === 'folder' && !input.folder) throw new AppError('VALIDATION', 'Thư mục: chọn thư mục dùng chung hoặc ổ USB.', { folder: 'Không được để trống' });
  if (input.kind === 'webdav' && !input.url) throw new AppError('VALIDATION', 'Địa chỉ máy chủ: không được để trống.', { url: 'Không được để trống' });
  const stored = await readStoredSync(db);
  // the certificate is kept in the settings, so the file (often on a USB stick) may go away after saving
  const kept = input.certificateFile === stored.certificateFile && stored.certificatePem;
  const certificate = !input.certificateFile ? { pem: '', summary: '' } : kept ? { pem: stored.certificatePem, summary: stored.certificateSummary } : readCertificateFile(input.certificateFile);
  if (input.kind === 'webdav') checkServerUrl(input.url, { certificatePem: certificate.pem, allowPlainHttp: input.allowPlainHttp });
  const value: StoredSyncConfig = {
    kind: input.kind,
    folder: input.folder,
    url: input.url,
    username: input.username,
    certificateFile: input.certificateFile,
    certificateSummary: certificate.summary,
    certificatePem: certificate.pem,
    allowPlainHttp: input.allowPlainHttp,
  };
  await db.insertInto('setting').values({ key: CONFIG_KEY, value_json: JSON.stringify(value) }).onConflict((oc) => oc.column('key').doUpdateSet({ value_json: JSON.stringify(value) })).execute();
  if (input.password) secrets.set(PASSWORD, input.password);
  return readSyncConfig(db, secrets);
}

function transportFor(config: SyncConfig, secrets: SecretStore, policy: ConnectionPolicy): Transport | null {
  if (config.kind === 'folder' && config.folder) return folderTransport(config.folder);
  if (config.kind === 'webdav' && config.url) {
    checkServerUrl(config.url, policy);
    return webdavTransport({ url: config.url, username: config.username, password: secrets.get(PASSWORD) ?? '', policy });
  }
  return null;
}

export const fileHash = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

/** A file the clerk imported by hand (by its fileHash) is no longer skipped by the inbox, which then removes it as a duplicate. */
export async function forgetRefusedFile(db: Executor, sha256: string): Promise<void> {
  await db.deleteFrom('refused_file').where('sha256', '=', sha256).execute();
}

const outboxFile = (dataDir: string, fileName: string) => path.join(dataDir, 'outbox', path.basename(fileName));

/** Puts a bundle in the outbox: it leaves with the next connection, and waits safely until then. */
export async function queueBundle(db: Executor, dataDir: string, item: { bundleId: string; recipient: string; fileName: string; bytes: Buffer }, now: Date): Promise<void> {
  fs.mkdirSync(path.join(dataDir, 'outbox'), { recursive: true });
  fs.writeFileSync(outboxFile(dataDir, item.fileName), item.bytes);
  await db
    .insertInto('outbox_item')
    .values({ bundle_id: item.bundleId, recipient: item.recipient, file_name: item.fileName, status: 'waiting', attempts: 0, next_attempt_at: now.toISOString(), last_error: '', created_at: now.toISOString(), sent_at: null })
    .execute();
}

export interface SyncState {
  lastRunAt: string | null;
  lastError: string;
  waitingInInbox: { fileName: string; reason: string }[];
  running: boolean;
}

export type ImportFn = (bytes: Buffer) => Promise<{ receipt: { fileName: string; base64: string } | null; recipient: string; receiptBundleId: string | null }>;

/** One round: send what is due from the outbox, then fetch and import what waits in this office's inbox. */
export async function runSync(db: Kysely<Database>, dataDir: string, secrets: SecretStore, state: SyncState, now: () => Date, importOne: ImportFn): Promise<void> {
  state.running = true;
  try {
    const config = await readSyncConfig(db, secrets);
    const transport = transportFor(config, secrets, await connectionPolicy(db));
    if (!transport) return;
    const office = (await readOffice(db))!;
    state.lastError = '';
    const due = await db.selectFrom('outbox_item').selectAll().where('status', '=', 'waiting').where('next_attempt_at', '<=', now().toISOString()).execute();
    for (const item of due) {
      try {
        await transport.send(asciiSlug(item.recipient), item.file_name, fs.readFileSync(outboxFile(dataDir, item.file_name)));
        await db.updateTable('outbox_item').set({ status: 'sent', sent_at: now().toISOString(), last_error: '' }).where('bundle_id', '=', item.bundle_id).execute();
      } catch (error) {
        const attempts = item.attempts + 1;
        const next = new Date(now().getTime() + backoffMinutes(attempts) * 60_000).toISOString();
        const message = error instanceof Error ? error.message : String(error);
        await db.updateTable('outbox_item').set({ attempts, next_attempt_at: next, last_error: message }).where('bundle_id', '=', item.bundle_id).execute();
        state.lastError = `Chưa gửi được: ${message}`;
      }
    }
    const waiting: { fileName: string; reason: string }[] = [];
    const own = asciiSlug(office.name);
    for (const fileName of await transport.list(own)) {
      let hash = '';
      try {
        const bytes = await transport.fetch(own, fileName);
        hash = fileHash(bytes);
        // a file refused once is not parsed again every minute: it waits for the clerk
        const refused = await findRefusedFile(db, hash);
        if (refused) {
          waiting.push({ fileName, reason: refused.reason });
          continue;
        }
        const result = await importOne(bytes);
        if (result.receipt && result.receiptBundleId) {
          await queueBundle(db, dataDir, { bundleId: result.receiptBundleId, recipient: result.recipient, fileName: result.receipt.fileName, bytes: Buffer.from(result.receipt.base64, 'base64') }, now());
        }
        await transport.remove(own, fileName);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (hash && error instanceof AppError && (error.code === 'VALIDATION' || error.code === 'CONFLICT')) await rememberRefusedFile(db, { sha256: hash, file_name: fileName, reason, refused_at: now().toISOString() });
        waiting.push({ fileName, reason });
      }
    }
    state.waitingInInbox = waiting;
  } catch (error) {
    state.lastError = error instanceof Error ? error.message : String(error);
  } finally {
    state.lastRunAt = now().toISOString();
    state.running = false;
  }
}

export async function syncStatus(db: Kysely<Database>, secrets: SecretStore, state: SyncState): Promise<SyncStatus> {
  const items = await db.selectFrom('outbox_item').leftJoin('sent_bundle', 'sent_bundle.bundle_id', 'outbox_item.bundle_id').selectAll('outbox_item').select('sent_bundle.status as sentStatus').orderBy('created_at', 'desc').limit(200).execute();
  return {
    config: await readSyncConfig(db, secrets),
    lastRunAt: state.lastRunAt,
    lastError: state.lastError,
    outbox: items.map((i) => ({
      bundleId: i.bundle_id,
      fileName: i.file_name,
      recipient: i.recipient,
      status: i.sentStatus === 'received' || i.sentStatus === 'returned' ? i.sentStatus : i.status,
      attempts: i.attempts,
      nextAttemptAt: i.next_attempt_at,
      lastError: i.last_error,
    })),
    waitingInInbox: state.waitingInInbox,
  };
}
