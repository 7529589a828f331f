import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../renderer/src/csv/decode';
import { importRequest, planImport, summarisePlan } from '../../renderer/src/csv/import-plan';
import { parseRoomCsv, roomsToCsv, type CsvRoomRow } from '../../renderer/src/csv/room-csv';
import { DuplicateFinder } from '../../renderer/src/rooms/duplicates';
import { makeRoom } from './fixtures';

function rowsOf(text: string): readonly CsvRoomRow[] {
  const parsed = parseRoomCsv(text);
  if (!parsed.ok) throw new Error(parsed.error['en-US']);
  return parsed.rows;
}

describe('parseRoomCsv', () => {
  it('reads rooms with English or Chinese column names, tags split on semicolons', () => {
    const rows = rowsOf(
      '名称,类型,地址,位置,分组,标签,收藏\n北京大会议室,H.323,10.0.0.5,总部 3 楼,华北,视频;大屏,是\n' +
        'Board Room,rooms,,,,,\n',
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      row: 1,
      errors: [],
      input: { name: '北京大会议室', kind: 'h323', address: '10.0.0.5', location: '总部 3 楼', favorite: true },
    });
    expect(rows[0]!.input.tags).toEqual(['视频', '大屏']);
    // No address and no Rooms ID: the row says what is missing.
    expect(rows[1]!.errors.map((e) => e.field)).toEqual(['meetingRoomId']);
  });

  it('guesses the protocol from the address when the kind is empty, and asks when it cannot tell', () => {
    const rows = rowsOf('name,kind,address\nA,,sip:a@example.com\nB,,8675500101\nC,,10.0.0.9\n');
    expect(rows.map((r) => r.input.kind)).toEqual(['sip', 'h323', '']);
    expect(rows[2]!.errors[0]!.field).toBe('kind');
    expect(rows[2]!.errors[0]!.message['en-US']).toContain('sip, h323 or rooms');
  });

  it('reports every bad row with a reason naming the field, and keeps the good ones', () => {
    const rows = rowsOf(
      'name,kind,address,favorite\n' +
        'Good,sip,room@sip.example.com,no\n' +
        ',sip,x@sip.example.com,\n' +
        'Bad address,sip,has space@example.com,\n' +
        'Bad kind,fax,1234,\n' +
        'Bad favorite,sip,fav@sip.example.com,maybe\n' +
        'Too many,sip,a@b.com,no,extra\n',
    );
    expect(rows.map((r) => r.errors.map((e) => e.field))).toEqual([
      [],
      ['name'],
      ['address'],
      ['kind'],
      ['favorite'],
      ['row'],
    ]);
    expect(rows[4]!.errors[0]!.message['zh-CN']).toContain('maybe');
    expect(rows[5]!.errors[0]!.message['en-US']).toContain('5 values');
  });

  it('says which row has a quote left open', () => {
    const rows = rowsOf('name,kind,address\nA,sip,a@b.com\n"Open,sip,a@b.com\nC,sip,c@d.com\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ row: 2 });
    expect(rows[1]!.errors[0]!.message['en-US']).toBe('row: a quote is not closed');
  });

  it('refuses a file without a header naming the name column, an empty file, or no address column', () => {
    expect(parseRoomCsv('')).toMatchObject({ ok: false });
    const noName = parseRoomCsv('foo,address\nx,y\n');
    expect(!noName.ok && noName.error['en-US']).toContain('name column');
    const noAddress = parseRoomCsv('name,location\nx,y\n');
    expect(!noAddress.ok && noAddress.error['zh-CN']).toContain('address');
  });

  it('round-trips exported rooms, Chinese, commas, quotes, line breaks and formula-looking text included', () => {
    const rooms = [
      makeRoom({ name: '北京, "大" 会议室', notes: '第一行\n第二行', tags: ['视频', 'VIP'], favorite: true }),
      makeRoom({ name: '=cmd', kind: 'h323', address: '+8675500101', notes: '@note', group: '-1' }),
      makeRoom({ name: 'Rooms 1', kind: 'rooms', meetingRoomId: 'ABC123' }),
    ];
    const csv = roomsToCsv(rooms);
    expect(csv.startsWith('\uFEFFname,kind,address,meetingRoomId')).toBe(true);
    expect(csv).toContain("'=cmd"); // a spreadsheet must not run it
    const rows = rowsOf(csv);
    expect(rows.map((r) => r.errors)).toEqual([[], [], []]);
    expect(rows.map((r) => r.input)).toEqual(
      rooms.map((room) => ({
        name: room.name,
        kind: room.kind,
        ...(room.kind === 'rooms' ? { meetingRoomId: room.meetingRoomId } : { address: room.address }),
        location: room.location,
        group: room.group,
        tags: expect.arrayContaining(room.tags),
        notes: room.notes,
        favorite: room.favorite,
      })),
    );
  });
});

describe('roomsToCsv formula guard', () => {
  it('neutralises a formula-looking cell that goes on over several lines, and reads it back unchanged', () => {
    // Papa's own guard only matches single-line cells; a note may keep line breaks, and Excel runs
    // '=HYPERLINK(...)' followed by a line break as a formula all the same.
    const notes = '=HYPERLINK("http://evil.example","open")\nsecond line';
    const room = makeRoom({ name: 'Alpha', address: 'alpha@sip.example.com', notes });
    const csv = roomsToCsv([room]);
    expect(csv).toContain(`"'=HYPERLINK`);
    expect(rowsOf(csv)[0]!.input.notes).toBe(notes);
  });
});

describe('decodeCsvBytes', () => {
  it('reads UTF-8 (with or without BOM) and GB18030 files saved by a Chinese Excel', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('\uFEFF会议室'))).toBe('会议室');
    expect(decodeCsvBytes(new Uint8Array([0xbb, 0xe1, 0xd2, 0xe9, 0xca, 0xd2]))).toBe('会议室');
  });
});

describe('planImport', () => {
  const saved = makeRoom({ name: 'Old 101', address: 'room101@sip.example.com' });
  const csv =
    'name,kind,address\n' +
    'New 102,sip,room102@sip.example.com\n' +
    'New 101,sip,SIP:Room101@sip.example.com\n' +
    'Again 102,sip,room102@sip.example.com\n' +
    'Broken,sip,\n';

  it('marks rows ready, invalid (with reasons) or in conflict with a saved room', () => {
    const plan = planImport(rowsOf(csv), new DuplicateFinder([saved]));
    expect(plan.map((r) => r.status)).toEqual(['ready', 'conflict', 'invalid', 'invalid']);
    expect(plan[1]!.existing?.id).toBe(saved.id);
    expect(plan[2]!.reasons[0]!['en-US']).toBe('address: the same as row 1');
    expect(plan[3]!.reasons[0]!['en-US']).toContain('needs an address');
    expect(summarisePlan(plan)).toEqual({ ready: 1, invalid: 2, conflicts: 1 });
  });

  it('never sends an overwrite the operator did not choose', () => {
    const plan = planImport(rowsOf(csv), new DuplicateFinder([saved]));
    const skipped = importRequest(plan, new Set());
    expect(skipped.csvRows).toEqual([1]);
    expect(skipped.rows.every((row) => row.overwriteId === undefined)).toBe(true);
    const chosen = importRequest(plan, new Set([2]));
    expect(chosen.csvRows).toEqual([1, 2]);
    expect(chosen.rows[1]).toMatchObject({ overwriteId: saved.id, room: { name: 'New 101' } });
  });
});
