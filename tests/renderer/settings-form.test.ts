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

describe('credentials form', () => {
  it('never shows a saved secret: the key field is empty, the id only as its masked tail', async () => {
    await form(true);
    expect(input('cred-app-id').value).toBe('200000001');
    expect(input('cred-secret-key').value).toBe('');
    expect(input('cred-secret-key').type).toBe('password');
    expect(input('cred-secret-key').placeholder).toBe('saved — leave empty to keep');
    expect(input('cred-secret-id').value).toBe('');
    expect(input('cred-secret-id').placeholder).toContain('••••••••ab12');
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
    await typeInto('cred-app-id', '20000a');
    expect(await textOf('cred-app-id-error')).toContain('appId: must be digits only');
    byTestId('cred-save')?.click();
    await settle();
    expect(await textOf('cred-secret-key-error')).toContain('no SecretKey has been saved');
    expect(await textOf('cred-operator-id-error')).toBe('operatorId: must not be empty, e.g. admin1');
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
    expect(await textOf('cred-operator-id-error')).toBe('operatorId: unknown user');
  });
});
