export { installAuth, SESSION_COOKIE, CSRF_HEADER, readerClearance, type RequestAuth, type AuthOptions } from './http-auth.js';
export {
  addAccount,
  authenticate,
  countAccounts,
  enableTotp,
  findAccount,
  listAccounts,
  setDisabled,
  setPassword,
  setRole,
  type Account,
} from './accounts.js';
export { can, clearanceOf, isRole, ROLES, type Permission, type Principal, type Role } from './roles.js';
export { hashPassword, verifyPassword } from './password.js';
export { totpCode, verifyTotp, generateTotpSecret } from './totp.js';
