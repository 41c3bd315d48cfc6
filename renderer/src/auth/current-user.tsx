import { createContext, useContext, type ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { OperationName } from '../../../shared/api/contract';
import type { User } from '../../../shared/auth/auth-schemas';
import { mayRun, rolesNeeded } from '../../../shared/auth/permissions';

const CurrentUser = createContext<User | null>(null);
export const CurrentUserProvider = CurrentUser.Provider;

export function useCurrentUser(): User | null {
  return useContext(CurrentUser);
}

/** Whether the person signed in may run an operation: the services' own rule, used to hide what would be refused. */
export function useCan(): (name: OperationName) => boolean {
  const user = useContext(CurrentUser);
  return (name) => (user ? mayRun(user.roles, name) : false);
}

/** Button props for an action the person may not take: greyed out, saying which role it needs. */
export function useNeeds(): (name: OperationName) => { disabled?: boolean; title?: string } {
  const can = useCan();
  return (name) => (can(name) ? {} : { disabled: true, title: `Cần vai trò ${rolesNeeded(name)}` });
}

/** A screen for some roles only: anyone else (say, signed in after an administrator left it open) lands on the overview. */
export function Allowed({ operation, children }: { operation: OperationName; children: ReactNode }) {
  const can = useCan();
  return can(operation) ? children : <Navigate to="/tong-quan" replace />;
}
