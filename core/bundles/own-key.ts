import type { Executor } from '../../db/executor';
import { getInstallation } from '../../db/identity/identity-repo';
import { keyFingerprint } from '../identity/installation-identity';
import { readOffice } from '../office/office-service';
import type { Signer } from './bundle-codec';

/** This installation's key and office name, which sign every bundle it makes. */
export async function ownSigner(db: Executor): Promise<Signer> {
  const installation = (await getInstallation(db))!;
  const office = (await readOffice(db))!;
  return { installationId: installation.id, officeName: office.name, publicKeyPem: installation.public_key_pem, privateKeyPem: installation.private_key_pem };
}

/** What the clerk reads over the phone to the other office ("Mã khóa của cơ quan này"). */
export async function ownFingerprint(db: Executor): Promise<string> {
  return keyFingerprint((await getInstallation(db))!.public_key_pem);
}
