// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import CredentialsForm from '../../renderer/src/components/CredentialsForm.vue';
import { useSettingsStore } from '../../renderer/src/stores/settings';
import { CREDENTIALS, fail, installFakeApi, ipcError, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, mountApp, settle, textOf, typeInto } from './helpers/mount';

let fake: FakeApi;
beforeEach(() => {
  fake = installFakeApi();
});
afterEach(() => {
  document.body.innerHTML = '';
});

async function form(configured: boolean) {
  if (!configured) {
    fake.getCredentials.mockReturnValue(
      ok({ ...CREDENTIALS, configured: false, appId: '', operatorId: '', secretIdMasked: '' }),
    );
  }
  mountApp(CredentialsForm);
  await useSettingsStore().load();
  await settle();
}

const input = (testId: string) => byTestId(testId) as HTMLInputElement;
/** Element Plus marks a required field on its form item (the asterisk). */
const isRequired = (testId: string) => input(testId).closest('.el-form-item')?.classList.contains('is-required');

describe('credentials form', () => {
  it('never shows a saved secret: the key field is empty, the id only as its masked tail', async () => {
    await form(true);
    expect(input('cred-app-id').value).toBe('200000001');
    expect(input('cred-secret-key').value).toBe('');
    expect(input('cred-secret-key').type).toBe('password');
    expect(input('cred-secret-key').placeholder).toBe('saved — leave empty to keep');
    expect(input('cred-secret-id').value).toBe('');
    expect(input('cred-secret-id').placeholder).toBe('saved (••••••••ab12) — leave empty to keep');
  });

  it('once configured, neither secret is required: left empty, the save goes through and sends no secret', async () => {
    await form(true);
    expect(isRequired('cred-secret-id')).toBe(false);
    expect(isRequired('cred-secret-key')).toBe(false);
    expect(isRequired('cred-app-id')).toBe(true);
    await typeInto('cred-operator-id', 'admin2');
    fake.saveCredentials.mockReturnValue(ok({ ...CREDENTIALS, operatorId: 'admin2' }));
    byTestId('cred-save')?.click();
    await settle();
    expect(byTestId('cred-secret-id-error')).toBeNull();
    expect(fake.saveCredentials).toHaveBeenCalledTimes(1);
    const sent = fake.saveCredentials.mock.calls[0]?.[0] as Record<string, unknown>;
    // Absent means "keep the saved one" to main; nothing secret crosses.
    expect(sent).not.toHaveProperty('secretId');
    expect(sent).not.toHaveProperty('secretKey');
    expect(sent).toMatchObject({ appId: '200000001', operatorId: 'admin2' });
  });

  it('keeps the saved key when the field is left empty: no secretKey is sent', async () => {
    await form(true);
    await typeInto('cred-secret-id', 'AKIDexampleab12');
    fake.saveCredentials.mockReturnValue(ok(CREDENTIALS));
    byTestId('cred-save')?.click();
    await settle();
    expect(fake.saveCredentials).toHaveBeenCalledWith({
      appId: '200000001',
      secretId: 'AKIDexampleab12',
      operatorId: 'admin1',
    });
  });

  it('on first run needs every required field, naming each problem, and sends nothing', async () => {
    await form(false);
    expect(isRequired('cred-secret-id')).toBe(true);
    expect(isRequired('cred-secret-key')).toBe(true);
    await typeInto('cred-app-id', '20000a');
    expect(await textOf('cred-app-id-error')).toContain('AppId (enterprise ID): must be digits only');
    byTestId('cred-save')?.click();
    await settle();
    expect(await textOf('cred-secret-id-error')).toBe(
      'SecretId: must not be empty: no SecretId has been saved for this profile yet',
    );
    expect(await textOf('cred-secret-key-error')).toContain('no SecretKey has been saved');
    expect(await textOf('cred-operator-id-error')).toBe('Operator userid: must not be empty, e.g. admin1');
    expect(fake.saveCredentials).not.toHaveBeenCalled();
  });

  it('shows the mapped result of Test connection, with the next step', async () => {
    await form(true);
    fake.testConnection.mockReturnValueOnce(ok({ ok: true }));
    byTestId('cred-test')?.click();
    await settle();
    expect(await textOf('cred-test-result')).toContain('Connected: the credentials work');
    fake.testConnection.mockReturnValueOnce(
      ok({ ok: false, error: ipcError('api', 'The signature does not match (AppId or SecretKey wrong)') }),
    );
    byTestId('cred-test')?.click();
    await settle();
    expect(await textOf('cred-test-result')).toContain('The signature does not match');
    expect(await textOf('cred-test-result')).toContain('Try again');
  });

  it('puts a refusal from main on the field it names', async () => {
    await form(true);
    await typeInto('cred-secret-id', 'AKIDexampleab12');
    fake.saveCredentials.mockReturnValue(fail(ipcError('validation', 'operatorId: unknown user', 'operatorId')));
    byTestId('cred-save')?.click();
    await settle();
    expect(await textOf('cred-operator-id-error')).toBe('Operator userid: unknown user');
  });
});

describe('settings texts (issue 11)', () => {
  it('leads a credentials error with the label in Chinese, never the code name', async () => {
    fake.getCredentials.mockReturnValue(
      ok({ ...CREDENTIALS, configured: false, appId: '', operatorId: '', secretIdMasked: '' }),
    );
    mountApp(CredentialsForm, { locale: 'zh-CN' });
    await useSettingsStore().load();
    await settle();
    await typeInto('cred-app-id', '20000a');
    expect(await textOf('cred-app-id-error')).toMatch(/^AppId（企业 ID）：只能包含数字/);
  });

  it('says a save beside the buttons, in the form, and a failure that names no field there too', async () => {
    await form(true);
    fake.saveCredentials.mockReturnValueOnce(ok(CREDENTIALS));
    byTestId('cred-save')?.click();
    await settle();
    const note = byTestId('status-note');
    expect(note?.closest('.credentials__actions')).not.toBeNull();
    expect(note?.getAttribute('role')).toBe('status');
    expect(await textOf('status-note')).toBe('Credentials saved to the system keychain');
    fake.saveCredentials.mockReturnValueOnce(fail(ipcError('keychain', 'The keychain is locked')));
    byTestId('cred-save')?.click();
    await settle();
    expect(await textOf('status-note')).toContain('The keychain is locked');
    expect(document.querySelector('.el-notification')).toBeNull();
  });
});
