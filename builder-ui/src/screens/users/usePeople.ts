import type { User } from '../../api/types';
import { useApp } from '../../app/context';
import { can } from '../../app/session';
import { useLoad } from '../../app/useLoad';

/**
 * The users the session may read, to show actors by name; none (so actors stay emails) for a role that may
 * not read users, without asking the server for a 403.
 */
export function usePeople(): User[] {
  const { api, session } = useApp();
  const people = useLoad(() => (can(session, 'read-users') ? api.users() : Promise.resolve([])), [api, session.role]);
  return people.data ?? [];
}
