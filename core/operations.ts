import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { OperationName, OperationOutput, ParsedInput } from '../shared/api/contract';

/** What runs one operation of the contract: its input already validated, its output checked after. */
export type Handler<N extends OperationName> = (input: ParsedInput<N>) => Promise<OperationOutput<N>>;
/** The operations whose names start with one of `Prefixes` ("units" → units.list, units.create …). */
export type OperationsOf<Prefixes extends string> = { [N in Extract<OperationName, `${Prefixes}.${string}`>]: Handler<N> };
export type Handlers = { [N in OperationName]: Handler<N> };

/** What every feature's operations may use: the open data, the clock, where the files are. */
export interface FeatureContext {
  db: () => Kysely<Database>;
  now: () => Date;
  dataDir: string;
}

/**
 * One table of handlers from each feature folder's own (as loot-core's createApp().method()): the type
 * makes a missing operation a compile error where the services compose them, and a name registered by two
 * features is refused at start.
 */
export function composeOperations<Parts extends object[]>(...parts: Parts): Parts[number] extends never ? never : UnionToIntersection<Parts[number]> {
  const all: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, handler] of Object.entries(part)) {
      if (name in all) throw new Error(`Thao tác "${name}" được đăng ký hai lần.`);
      all[name] = handler;
    }
  }
  return all as never;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
