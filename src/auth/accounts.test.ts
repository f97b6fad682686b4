import { afterEach, describe, expect, it } from 'vitest';
import { readHistory } from '../audit/index.js';
import { openTempStore } from '../services/testing/scenario.js';
import { securityDb } from '../store/security-schema.js';
import { addAccount, authenticate, enableTotp, setDisabled, setPassword, setRole } from './accounts.js';
import { totpCode } from './totp.js';

let dispose: (() => Promise<void>) | null = null;
afterEach(async () => {
  await dispose?.();
  dispose = null;
});

const by = { actor: 'test' };

describe('accounts', () => {
  it('stores only a salted scrypt hash, and checks password, disabled flag and second factor', async () => {
    const temp = await openTempStore();
    dispose = temp.dispose;
    const { store } = temp;
    await expect(addAccount(store, 'ed', 'long-enough-pw', 'editor', by)).rejects.toThrow(/first account must be an admin/);
    await addAccount(store, 'root', 'long-enough-pw', 'admin', by);
    await expect(addAccount(store, 'root', 'long-enough-pw', 'admin', by)).rejects.toThrow(/already exists/);
    await expect(addAccount(store, 'x', 'short', 'viewer', by)).rejects.toThrow(/too short/);
    const row = await securityDb(store).selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain('long-enough-pw');

    expect((await authenticate(store, 'root', 'long-enough-pw')).role).toBe('admin');
    await expect(authenticate(store, 'root', 'wrong-password')).rejects.toThrow(/wrong name or password/);
    await expect(setRole(store, 'root', 'viewer', by)).rejects.toThrow(/last enabled admin/);
    await expect(setDisabled(store, 'root', true, by)).rejects.toThrow(/last enabled admin/);

    await addAccount(store, 'vi', 'viewer-password', 'viewer', by);
    await setDisabled(store, 'vi', true, by);
    await expect(authenticate(store, 'vi', 'viewer-password')).rejects.toThrow(/wrong name or password/);
    await setDisabled(store, 'vi', false, by);
    await setPassword(store, 'vi', 'another-password', by);
    await expect(authenticate(store, 'vi', 'viewer-password')).rejects.toThrow();
    const secret = await enableTotp(store, 'vi', by);
    await expect(authenticate(store, 'vi', 'another-password')).rejects.toThrow(/two-factor/);
    expect((await authenticate(store, 'vi', 'another-password', totpCode(secret))).name).toBe('vi');

    const history = await readHistory(store, 'vi');
    expect(history.map((h) => h.action)).toEqual(['user.add', 'user.disable', 'user.enable', 'user.passwd', 'user.totp']);
    expect(JSON.stringify(history)).not.toContain('another-password');
    expect(JSON.stringify(history)).not.toContain(secret);
  }, 30_000);
});
