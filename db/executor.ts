import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/** Repository functions take the database or a transaction first, so callers choose the transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;
