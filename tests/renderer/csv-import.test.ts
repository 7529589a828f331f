// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import CsvImportDialog from '../../renderer/src/components/CsvImportDialog.vue';
import { useRoomsStore } from '../../renderer/src/stores/rooms';
import { pendingConfirm } from '../../renderer/src/util/confirm';
import { makeRoom } from './fixtures';
import { installFakeApi, ipcError, ok, type FakeApi } from './helpers/fake-api';
import { byTestId, mountApp, settle, textOf } from './helpers/mount';

const saved = makeRoom({ name: 'Old 101', address: 'room101@sip.example.com' });
const CSV =
  'name,kind,address,location\n' +
  '北京大会议室,h323,10.0.0.5,总部\n' +
  'New 101,sip,room101@sip.example.com,\n' +
  'No address,sip,,\n' +
  '上海培训室,sip,train@sip.example.com,\n';

let fake: FakeApi;
beforeEach(() => {
  fake = installFakeApi();
});
afterEach(() => {
  document.body.innerHTML = '';
  pendingConfirm.value = null;
});

async function openWithFile(text: string) {
  const wrapper = mountApp(CsvImportDialog, { props: { modelValue: false } });
  useRoomsStore().setRooms([saved]);
  await wrapper.setProps({ modelValue: true });
  await settle();
  const input = byTestId('csv-file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], 'rooms.csv', { type: 'text/csv' })] });
  input.dispatchEvent(new Event('change'));
  await settle();
  return wrapper;
}

function statuses(): string[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="csv-row-status"]')].map(
    (e) => `${e.dataset['status']}: ${e.textContent?.trim()}`,
  );
}

describe('CSV import', () => {
  it('previews every row with its check, problem rows first', async () => {
    await openWithFile(CSV);
    expect(await textOf('csv-summary')).toBe('Ready to import: 2 · with errors: 1 · same as a saved room: 1');
    expect(statuses()).toEqual([
      'conflict: Same as the existing "Old 101"',
      'invalid: Address: a SIP room needs an address',
      'ready: Ready to import',
      'ready: Ready to import',
    ]);
    expect(await textOf('csv-import')).toBe('Import (2)');
  });

  it('shows protocols as the window names them (SIP, H.323), and a kind the file got wrong as written', async () => {
    await openWithFile('name,kind,address\nA,sip,a@sip.example.com\nB,h323,10.0.0.5\nC,fax,c@sip.example.com\n');
    const kinds = [...document.querySelectorAll('[data-testid="csv-preview"] tbody tr')].map((row) =>
      row.querySelectorAll('td')[2]?.textContent?.trim(),
    );
    expect(kinds).toEqual(['fax', 'SIP', 'H.323']);
    expect(statuses()[0]).toMatch(/^invalid: Type: must be sip, h323 or rooms/);
  });

  it('shows a formula-like name as a warning on a row that can still be imported, and lists it before plain rows', async () => {
    await openWithFile('name,kind,address\nPlain,sip,plain@sip.example.com\n=HYPERLINK("x"),sip,f@sip.example.com\n');
    const [first, second] = [...document.querySelectorAll<HTMLElement>('[data-testid="csv-row-status"]')];
    expect(first?.dataset['status']).toBe('ready');
    expect(first?.dataset['warning']).toBe('true');
    expect(first?.textContent).toContain('Ready to import');
    expect(first?.textContent).toContain('Name: starts with "="');
    expect(second?.dataset['warning']).toBe('false');
    expect(await textOf('csv-import')).toBe('Import (2)');
  });

  it('imports the valid rows, skips the unconfirmed overwrite, and lists every row not imported', async () => {
    await openWithFile(CSV);
    fake.importRooms.mockImplementation(({ rows }: { rows: unknown[] }) =>
      ok(
        rows.map((_, index) =>
          index === 1
            ? { index, ok: false, error: ipcError('validation', 'name: already in use', 'name') }
            : { index, ok: true, room: saved },
        ),
      ),
    );
    byTestId('csv-import')?.click();
    await settle();
    expect(pendingConfirm.value).toBeNull(); // nothing to overwrite, nothing to ask
    const request = fake.importRooms.mock.calls[0]?.[0] as { rows: { room: { name: string }; overwriteId?: string }[] };
    expect(request.rows.map((row) => row.room.name)).toEqual(['北京大会议室', '上海培训室']);
    expect(request.rows.every((row) => row.overwriteId === undefined)).toBe(true);
    expect(await textOf('csv-result')).toContain('Imported: 1 · not imported: 3');
    expect([...document.querySelectorAll('[data-testid="csv-refused-row"]')].map((e) => e.textContent?.trim())).toEqual(
      [
        // As the spreadsheet numbers them: the header is row 1.
        'Row 3: Skipped (overwrite not chosen)',
        'Row 4: Address: a SIP room needs an address',
        'Row 5: Name: already in use',
      ],
    );
  });

  it('overwrites a saved room only when ticked and confirmed', async () => {
    await openWithFile(CSV);
    (document.querySelector('[data-testid="csv-overwrite"] input') as HTMLInputElement).click();
    await settle();
    expect(await textOf('csv-import')).toBe('Import (3)');
    byTestId('csv-import')?.click();
    await settle();
    expect(pendingConfirm.value?.message).toBe('Saved rooms to overwrite with the rows of the file: 1. Continue?');
    pendingConfirm.value?.answer(false);
    await settle();
    expect(fake.importRooms).not.toHaveBeenCalled();
    byTestId('csv-import')?.click();
    await settle();
    pendingConfirm.value?.answer(true);
    await settle();
    const request = fake.importRooms.mock.calls[0]?.[0] as { rows: { room: { name: string }; overwriteId?: string }[] };
    expect(request.rows.find((row) => row.room.name === 'New 101')?.overwriteId).toBe(saved.id);
  });

  it('names what is wrong with a file it cannot read as rooms', async () => {
    await openWithFile('just,some,columns\n1,2,3\n');
    expect(await textOf('csv-file-error')).toContain('name column');
    expect((byTestId('csv-import') as HTMLButtonElement).disabled).toBe(true);
  });
  it('lets the same file be chosen again (after fixing it in a spreadsheet): the chooser is emptied once read', async () => {
    // Chromium fires no change event for a file input that already holds the chosen path.
    const wrapper = mountApp(CsvImportDialog, { props: { modelValue: true } });
    await settle();
    const input = byTestId('csv-file') as HTMLInputElement;
    let path = 'C:\\fakepath\\rooms.csv';
    Object.defineProperty(input, 'value', { get: () => path, set: (next: string) => (path = next) });
    Object.defineProperty(input, 'files', { value: [new File([CSV], 'rooms.csv', { type: 'text/csv' })] });
    input.dispatchEvent(new Event('change'));
    await settle();
    expect(await textOf('csv-summary')).toContain('Ready to import');
    expect(path).toBe('');
    wrapper.unmount();
  });
});
