import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { lowerSlug } from '../../shared/text/fold';
import { planDocx } from '../documents/plan-docx';
import { unitNameResolver } from '../units/unit-names';
import { getPlan } from './plan-service';

/** The plan (or one of its issued revisions) as a .docx, with a readable file name. */
export async function exportPlanDocx(db: Kysely<Database>, id: string, revision: number | null): Promise<{ fileName: string; base64: string }> {
  const plan = await getPlan(db, id, revision);
  const buffer = await planDocx(plan.content, await unitNameResolver(db));
  const issuer = lowerSlug(plan.content.issuerName);
  const number = plan.content.number ? `so-${plan.content.number}` : 'du-thao';
  const rev = plan.revision > 1 ? `_lan-${plan.revision}` : '';
  return { fileName: `KH-${plan.content.year}_${number}_${issuer}${rev}.docx`, base64: buffer.toString('base64') };
}
