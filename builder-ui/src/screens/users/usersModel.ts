import type { FieldError } from '../../api/problem';
import type { User, UserInput } from '../../api/types';
import type { Role } from '../../app/session';

export const ROLES: Role[] = ['super-admin', 'tenant-admin', 'dashboard-editor', 'viewer'];

/** command-api's rule (Passwords.MIN_LENGTH); at most 72 bytes in UTF-8, bcrypt's limit. */
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_BYTES = 72;

const LABELS: Record<Role, string> = {
  'super-admin': 'Super admin',
  'tenant-admin': 'Tenant admin',
  'dashboard-editor': 'Dashboard editor',
  viewer: 'Viewer',
};

/** The role in words, for people rather than the API. */
export function roleLabel(role: string): string {
  return LABELS[role as Role] ?? role;
}

/** The user form as typed; `password` empty means "none" (SSO only) on create and "unchanged" on edit. */
export interface UserForm {
  email: string;
  name: string;
  password: string;
  role: Role;
  tenantIds: string[];
}

export function emptyForm(): UserForm {
  return { email: '', name: '', password: '', role: 'viewer', tenantIds: [] };
}

export function formOf(user: User): UserForm {
  return { email: user.email, name: user.name, password: '', role: user.role, tenantIds: [...user.tenant_ids] };
}

/**
 * The form's problems, named by the API's field names (so a server refusal lands on the same field):
 * the server checks all of them again.
 */
export function formProblems(form: UserForm, creating: boolean): FieldError[] {
  const problems: FieldError[] = [];
  if (creating && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) {
    problems.push({ field: 'email', message: 'must be an email address' });
  }
  if (!form.name.trim()) {
    problems.push({ field: 'name', message: 'is required' });
  } else if (form.name.trim().length > 200) {
    problems.push({ field: 'name', message: 'must be at most 200 characters' });
  }
  if (form.password) {
    if ([...form.password].length < MIN_PASSWORD_LENGTH) {
      problems.push({ field: 'password', message: `must be at least ${MIN_PASSWORD_LENGTH} characters` });
    } else if (new TextEncoder().encode(form.password).length > MAX_PASSWORD_BYTES) {
      problems.push({ field: 'password', message: `must be at most ${MAX_PASSWORD_BYTES} bytes in UTF-8` });
    }
  }
  if (form.role !== 'super-admin' && form.tenantIds.length === 0) {
    problems.push({ field: 'tenant_ids', message: 'pick at least one tenant for this role' });
  }
  return problems;
}

/** The body of `POST /api/users`: a super-admin has every tenant, so it is sent none. */
export function createBody(form: UserForm): UserInput {
  return {
    email: form.email.trim(),
    name: form.name.trim(),
    ...(form.password ? { password: form.password } : {}),
    role: form.role,
    tenant_ids: form.role === 'super-admin' ? [] : form.tenantIds,
  };
}

/** The body of `PATCH /api/users/:id`: only what changed (absent fields keep their value). */
export function changeBody(before: User, form: UserForm): Partial<UserInput> {
  const body: Partial<UserInput> = {};
  const tenants = form.role === 'super-admin' ? [] : form.tenantIds;
  if (form.name.trim() !== before.name) body.name = form.name.trim();
  if (form.password) body.password = form.password;
  if (form.role !== before.role) body.role = form.role;
  if ([...tenants].sort().join() !== [...before.tenant_ids].sort().join()) body.tenant_ids = tenants;
  return body;
}

/**
 * An event's actor (a user's email, `admin` for the break-glass token, an SSO provider's id) as people read
 * it: the user's name with the email as its title when the user is known.
 */
export function actorName(actor: string | null | undefined, users: User[]): { name: string; title?: string } {
  if (!actor) {
    return { name: '—' };
  }
  if (actor === 'admin') {
    return { name: 'Admin token', title: 'The installation\'s break-glass admin token' };
  }
  const user = users.find((u) => u.email.toLowerCase() === actor.toLowerCase());
  return user ? { name: user.name, title: actor } : { name: actor };
}
