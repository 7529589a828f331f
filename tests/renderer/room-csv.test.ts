import Papa from 'papaparse';
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
      row: 2,
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

  it('says which row has a quote left open, and still reads the rows after it', () => {
    const rows = rowsOf('name,kind,address\nA,sip,a@b.com\n"Open,sip,a@b.com\nC,sip,c@d.com\n');
    expect(rows.map((r) => [r.row, r.input.name])).toEqual([
      [2, 'A'],
      [3, 'Open,sip,a@b.com'],
      [4, 'C'],
    ]);
    expect(rows[1]!.errors[0]!.message['en-US']).toMatch(/^row: a quote opened in this row is not closed properly/);
    expect(rows[2]!.errors).toEqual([]);
  });

  it('refuses a file without a header naming the name column, an empty file, or no address column', () => {
    expect(parseRoomCsv('')).toMatchObject({ ok: false });
    const noName = parseRoomCsv('foo,address\nx,y\n');
    expect(!noName.ok && noName.error['en-US']).toContain('name column');
    const noAddress = parseRoomCsv('name,location\nx,y\n');
    expect(!noAddress.ok && noAddress.error['zh-CN']).toContain('address');
  });

  it.each([
    ['zh-CN', '\uFEFF名称,类型,地址,会议室ID,位置,分组,标签,备注,收藏\r\n', ['H.323', '是', '否']],
    ['en-US', '\uFEFFName,Type,Address,Meeting room ID,Location,Group,Tags,Notes,Favorite\r\n', ['H.323', 'yes', 'no']],
  ] as const)(
    'round-trips rooms exported in %s (headers, protocols and yes/no in that language), Chinese, commas, quotes, line breaks and formula-looking text included',
    (locale, header, words) => {
      const rooms = [
        makeRoom({ name: '北京, "大" 会议室', notes: '第一行\n第二行', tags: ['视频', 'VIP'], favorite: true }),
        makeRoom({ name: '=cmd', kind: 'h323', address: '+8675500101', notes: '@note', group: '-1' }),
        makeRoom({ name: 'Rooms 1', kind: 'rooms', meetingRoomId: 'ABC123' }),
      ];
      const csv = roomsToCsv(rooms, locale);
      expect(csv.startsWith(header)).toBe(true);
      expect(csv).toContain("'=cmd"); // a spreadsheet must not run it
      const cells = Papa.parse<string[]>(csv.slice(1)).data;
      expect(cells.slice(1, 4).map((row) => row[1])).toEqual(['SIP', words[0], 'Rooms']);
      expect(cells.slice(1, 4).map((row) => row[8])).toEqual([words[1], words[2], words[2]]);
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
    },
  );
});

describe('hand-edited files (issue 10)', () => {
  /** Nine rooms; the third has a formula typed in unquoted, as people do in a text editor. */
  function nineRooms(extra: (i: number) => string | undefined = () => undefined, eol = '\r\n'): string {
    const lines = ['name,kind,address,notes'];
    for (let i = 1; i <= 9; i += 1) {
      lines.push(
        extra(i) ??
          (i === 3
            ? `R3,sip,r3@sip.example.com,=HYPERLINK("https://x.example/a","点我")`
            : `R${i},sip,r${i}@sip.example.com,note ${i}`),
      );
    }
    return lines.join(eol) + eol;
  }

  it.each([
    ['runs to the end of the file', () => undefined],
    [
      'runs on until a later quoted value',
      (i: number) => (i === 7 ? '"R7, big",sip,r7@sip.example.com,note' : undefined),
    ],
  ])(
    'an unquoted value that opens a quote (%s) is reported on its row, and every other row is read',
    (_case, extra) => {
      const rows = rowsOf(nineRooms(extra));
      expect(rows).toHaveLength(9);
      expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const open = rows.filter((r) => r.errors.length > 0);
      expect(open.map((r) => r.row)).toEqual([4]);
      expect(open[0]!.input.name).toBe('R3');
      expect(open[0]!.errors.map((e) => e.message['en-US'])).toEqual([
        expect.stringMatching(/^row: a quote opened in this row is not closed properly.*=HYPERLINK\(""https/),
      ]);
      expect(open[0]!.errors[0]!.message['zh-CN']).toMatch(/^row：这一行有一个引号没有正确结束/);
      expect(rows.find((r) => r.row === 8)?.input.name).toBe(extra(7) ? 'R7, big' : 'R7');
    },
  );

  it('numbers rows as the spreadsheet does: header row 1, blank lines counted, a multi-line cell one row', () => {
    const rows = rowsOf(
      'name,kind,address,notes\n\nA,sip,a@b.com,\n   \n"B",sip,b@b.com,"line 1\nline 2"\n,,,\nC,sip,c@b.com,\n',
    );
    expect(rows.map((r) => [r.input.name, r.row])).toEqual([
      ['A', 3],
      ['B', 5],
      ['C', 7],
    ]);
  });

  it('warns about a name that starts like a formula, without refusing it', () => {
    const rows = rowsOf(
      'name,kind,address\n=cmd|calc,sip,a@b.com\n+1 lobby,sip,b@b.com\n-1 层大厅,sip,c@b.com\n@home,sip,d@b.com\nLobby,sip,e@b.com\n',
    );
    expect(rows.map((r) => r.errors)).toEqual([[], [], [], [], []]);
    expect(rows.map((r) => r.warnings.length)).toEqual([1, 1, 1, 1, 0]);
    expect(rows[0]!.warnings[0]!['en-US']).toBe(
      'Name: starts with "=", which spreadsheets run as a formula (so do =, +, - and @). Check that this really is the room\'s name',
    );
    expect(rows[2]!.warnings[0]!['zh-CN']).toMatch(/^名称：以“-”开头，电子表格会把这样的值当作公式运行/);
    const plan = planImport(rows, new DuplicateFinder([]));
    expect(plan.map((r) => r.status)).toEqual(['ready', 'ready', 'ready', 'ready', 'ready']);
    expect(plan[0]!.warnings).toEqual(rows[0]!.warnings);
  });
});

describe('roomsToCsv formula guard', () => {
  it('neutralises a formula-looking cell that goes on over several lines, and reads it back unchanged', () => {
    // Papa's own guard only matches single-line cells; a note may keep line breaks, and Excel runs
    // '=HYPERLINK(...)' followed by a line break as a formula all the same.
    const notes = '=HYPERLINK("http://evil.example","open")\nsecond line';
    const room = makeRoom({ name: 'Alpha', address: 'alpha@sip.example.com', notes });
    const csv = roomsToCsv([room], 'en-US');
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
    expect(plan[2]!.reasons[0]!['en-US']).toBe('Address: the same as row 2');
    expect(plan[3]!.reasons[0]!['en-US']).toContain('needs an address');
    expect(summarisePlan(plan)).toEqual({ ready: 1, invalid: 2, conflicts: 1 });
  });

  it('never sends an overwrite the operator did not choose', () => {
    const plan = planImport(rowsOf(csv), new DuplicateFinder([saved]));
    const skipped = importRequest(plan, new Set());
    expect(skipped.csvRows).toEqual([2]);
    expect(skipped.rows.every((row) => row.overwriteId === undefined)).toBe(true);
    const chosen = importRequest(plan, new Set([3]));
    expect(chosen.csvRows).toEqual([2, 3]);
    expect(chosen.rows[1]).toMatchObject({ overwriteId: saved.id, room: { name: 'New 101' } });
  });
});
