import crypto from 'node:crypto';
import type { Executor } from '../../db/executor';
import { getInstallation, insertInstallation } from '../../db/identity/identity-repo';

/**
 * The installation's identity, made once on first run: a UUID that travels in every bundle, and an
 * Ed25519 key pair whose public half other offices pin to check our signatures.
 */
export async function ensureInstallationIdentity(db: Executor, now: Date): Promise<string> {
  const existing = await getInstallation(db);
  if (existing) return existing.id;
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const id = crypto.randomUUID();
  await insertInstallation(db, {
    id,
    created_at: now.toISOString(),
    public_key_pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    private_key_pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  });
  return id;
}

/** Short groups of characters the clerks of two offices can read to each other to compare keys. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = crypto.createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const hex = crypto.createHash('sha256').update(der).digest('hex').toUpperCase().slice(0, 32);
  return hex.match(/.{4}/g)!.join(' ');
}
