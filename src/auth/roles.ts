import type { Sensitivity } from '../domain/chronicle-json.js';

/** Account roles, most powerful first. */
export const ROLES = ['admin', 'editor', 'contributor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: an account's role, or `public` for someone not logged in. */
export type Principal = Role | 'public';

/** What a request may do. */
export type Permission = 'read' | 'review' | 'mark' | 'merge' | 'ingest' | 'export' | 'manage_users';

const GRANTS: Record<Principal, readonly Permission[]> = {
  admin: ['read', 'review', 'mark', 'merge', 'ingest', 'export', 'manage_users'],
  editor: ['read', 'review', 'mark', 'merge', 'ingest', 'export'],
  contributor: ['read', 'ingest'],
  viewer: ['read'],
  public: ['read'],
};

const CLEARANCE: Record<Principal, Sensitivity> = {
  admin: 'confidential',
  editor: 'confidential',
  contributor: 'restricted',
  viewer: 'restricted',
  public: 'public',
};

/** True for one of the account roles. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when `principal` holds `permission`. */
export function can(principal: Principal, permission: Permission): boolean {
  return GRANTS[principal].includes(permission);
}

/** The most sensitive level `principal` may read. */
export function clearanceOf(principal: Principal): Sensitivity {
  return CLEARANCE[principal];
}
