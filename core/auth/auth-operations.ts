import type { AppStatus } from '../../shared/api/contract';
import { exportAudit, listAudit } from '../audit/audit-service';
import type { FeatureContext, OperationsOf } from '../operations';
import type { createSession } from './session';
import { createUser, listUsers, resetPassword, updateUserAccount } from './user-service';

type Session = ReturnType<typeof createSession>;

/** Signing in and out, accounts and the audit log; a change of who is signed in answers with the app's status. */
export function authOperations({ db, now }: FeatureContext, session: Session, status: () => Promise<AppStatus>): OperationsOf<'session' | 'users' | 'audit'> {
  return {
    'session.signIn': async (input) => {
      await session.signIn(input);
      return status();
    },
    'session.signOut': async () => {
      await session.signOut();
      return status();
    },
    'session.changePassword': async (input) => {
      await session.changePassword(input);
      return status();
    },
    'users.createFirstAdmin': async (input) => {
      await session.firstAdmin(input);
      return status();
    },
    'users.list': () => listUsers(db()),
    'users.create': (input) => createUser(db(), input, now()),
    'users.update': (input) => updateUserAccount(db(), input, now()),
    'users.resetPassword': (input) => resetPassword(db(), input.id, input.password, now()),
    'users.names': async () => (await listUsers(db())).map((u) => ({ id: u.id, name: `${u.fullName} (${u.username})` })),
    'audit.list': (input) => listAudit(db(), input),
    'audit.export': (input) => exportAudit(db(), input, now()),
  };
}
