// room-dialer:// links and the installed app's --dial arguments: what they stage, and every hostile or malformed form
// refused with the field named in both languages (nothing is staged from a refusal).
import { describe, expect, it } from 'vitest';
import { DIAL_LINK_LIMITS, isDialLink, parseDialArgs, parseDialLink } from '../../common/dial-link';
import { expectInvalid, expectValid } from '../helpers/validated';

const LINK = 'room-dialer://dial';

describe('parseDialLink: good links', () => {
  it.each([
    [`${LINK}?meeting=806146667&room=Board%20room`, { meeting: '806146667', rooms: ['Board room'] }],
    [`${LINK}?meeting=806-146-667&room=Board+room`, { meeting: '806146667', rooms: ['Board room'] }],
    [`${LINK}?meeting=806146667&set=Monday%20board`, { meeting: '806146667', rooms: [], set: 'Monday board' }],
    [`${LINK}?room=A&meeting=7567173273889276131&room=B&room=A`, { meeting: '7567173273889276131', rooms: ['A', 'B'] }],
    [
      `${LINK}?meeting=806146667&room=${encodeURIComponent('大会议室 A')}&set=${encodeURIComponent('周一例会')}`,
      { meeting: '806146667', rooms: ['大会议室 A'], set: '周一例会' },
    ],
    // What browsers and mail clients do to a link: a trailing slash, upper-case scheme or action, empty pairs.
    [`ROOM-DIALER://DIAL/?meeting=806146667&&room=Lobby&`, { meeting: '806146667', rooms: ['Lobby'] }],
    [`${LINK}?Meeting=806146667&ROOM=Lobby`, { meeting: '806146667', rooms: ['Lobby'] }],
    // A room's id (as the address book has it) is as good as its name; the window resolves either.
    [
      `${LINK}?meeting=806146667&room=00000000-0000-4000-8000-000000000001`,
      { meeting: '806146667', rooms: ['00000000-0000-4000-8000-000000000001'] },
    ],
    [`${LINK}?meeting=806146667&room=%20%20Lobby%20`, { meeting: '806146667', rooms: ['Lobby'] }],
    [`${LINK}?meeting=806146667&room=50%25%20hall%20%232`, { meeting: '806146667', rooms: ['50% hall #2'] }],
  ])('%s', (link, staged) => {
    expect(expectValid(parseDialLink(link))).toEqual(staged);
  });

  it(`takes up to ${DIAL_LINK_LIMITS.rooms} rooms and names of ${DIAL_LINK_LIMITS.name} characters`, () => {
    const rooms = Array.from({ length: DIAL_LINK_LIMITS.rooms }, (_, i) => `R${i}`);
    const link = `${LINK}?meeting=806146667&${rooms.map((r) => `room=${r}`).join('&')}`;
    expect(expectValid(parseDialLink(link)).rooms).toHaveLength(DIAL_LINK_LIMITS.rooms);
    const long = '会'.repeat(DIAL_LINK_LIMITS.name);
    expect(expectValid(parseDialLink(`${LINK}?meeting=806146667&room=${encodeURIComponent(long)}`)).rooms).toEqual([
      long,
    ]);
  });

  it('isDialLink tells a room-dialer link from anything else', () => {
    expect(isDialLink(`${LINK}?meeting=1`)).toBe(true);
    expect(isDialLink('Room-Dialer://x')).toBe(true);
    expect(isDialLink('https://example.com')).toBe(false);
    expect(isDialLink(42)).toBe(false);
  });
});

const MEETING = 'meeting=806146667';

describe('parseDialLink: hostile and malformed links, each refused naming the field', () => {
  it.each<[string, unknown, string, RegExp]>([
    ['not text', 42, 'link', /must be text/],
    ['an object', { toString: () => `${LINK}?${MEETING}&room=A` }, 'link', /must be text/],
    ['a megabyte', `${LINK}?${MEETING}&room=${'A'.repeat(1_000_000)}`, 'link', /too long/],
    ['just over the cap', `${LINK}?${MEETING}&room=${'A'.repeat(DIAL_LINK_LIMITS.link)}`, 'link', /too long/],
    ['javascript:', `javascript:alert(1)//${LINK}?${MEETING}`, 'link', /not a Room Dialer link \("javascript:"\)/],
    ['JavaScript: mixed case', 'JaVaScRiPt:alert(document.cookie)', 'link', /not a Room Dialer link/],
    ['data:', 'data:text/html,<script>alert(1)</script>', 'link', /not a Room Dialer link \("data:"\)/],
    ['https', `https://evil.example/?${MEETING}&room=A`, 'link', /not a Room Dialer link \("https:"\)/],
    ['file', 'file:///etc/passwd', 'link', /not a Room Dialer link/],
    ['no scheme', `dial?${MEETING}&room=A`, 'link', /not a Room Dialer link/],
    ['one slash', `room-dialer:/dial?${MEETING}&room=A`, 'link', /not a Room Dialer link/],
    ['a leading space', ` ${LINK}?${MEETING}&room=A`, 'link', /not a Room Dialer link/],
    ['another action', `room-dialer://hangup?${MEETING}&room=A`, 'link', /unsupported action "hangup"/],
    ['userinfo before the action', `room-dialer://evil@dial?${MEETING}&room=A`, 'link', /unsupported action/],
    ['a path after the action', `room-dialer://dial/../x?${MEETING}&room=A`, 'link', /unsupported action/],
    ['a port', `room-dialer://dial:80?${MEETING}&room=A`, 'link', /unsupported action/],
    ['a fragment', `${LINK}?${MEETING}&room=A#x`, 'link', /must not contain "#"/],
    ['an unknown parameter', `${LINK}?${MEETING}&room=A&autodial=1`, 'link', /unknown parameter "autodial"/],
    ['a confirm bypass attempt', `${LINK}?${MEETING}&room=A&confirm=yes`, 'link', /unknown parameter "confirm"/],
    ['__proto__ as a key', `${LINK}?${MEETING}&__proto__=x&room=A`, 'link', /unknown parameter "__proto__"/],
    ['an encoded "=" in the key', `${LINK}?${MEETING}&room%3DA=B`, 'link', /unknown parameter "room=a"/],
    ['a bad %-escape', `${LINK}?${MEETING}&room=%E4%BC`, 'link', /badly encoded/],
    ['a lone % sign', `${LINK}?${MEETING}&room=100%`, 'link', /badly encoded/],
    ['overlong UTF-8 for "/"', `${LINK}?${MEETING}&room=%C0%AF`, 'link', /badly encoded/],
    ['an encoded lone surrogate', `${LINK}?${MEETING}&room=%ED%A0%80`, 'link', /badly encoded/],
    [
      'too many parameters',
      `${LINK}?${MEETING}&${'x=1&'.repeat(DIAL_LINK_LIMITS.params)}`,
      'link',
      /too many parameters/,
    ],
    ['no meeting', `${LINK}?room=A`, 'meeting', /missing/],
    ['no query at all', LINK, 'meeting', /missing/],
    ['an empty meeting', `${LINK}?meeting=&room=A`, 'meeting', /enter the 9-digit meeting code/],
    ['meeting twice', `${LINK}?${MEETING}&meeting=123456789&room=A`, 'meeting', /more than once/],
    ['a meeting with letters', `${LINK}?meeting=80614666x&room=A`, 'meeting', /contains a letter "x"/],
    ['a meeting of 8 digits', `${LINK}?meeting=80614666&room=A`, 'meeting', /9 digits, but 8 were given/],
    ['a huge meeting number', `${LINK}?meeting=${'9'.repeat(500)}&room=A`, 'meeting', /too long/],
    ['a script as the meeting', `${LINK}?meeting=%3Cscript%3E&room=A`, 'meeting', /contains the symbol "<"/],
    ['no rooms and no set', `${LINK}?${MEETING}`, 'room', /missing: name at least one room/],
    ['an empty room', `${LINK}?${MEETING}&room=`, 'room', /must not be empty/],
    ['a blank room', `${LINK}?${MEETING}&room=%20%20`, 'room', /must not be empty/],
    ['a room named too long', `${LINK}?${MEETING}&room=${'A'.repeat(DIAL_LINK_LIMITS.name + 1)}`, 'room', /too long/],
    [
      'too many rooms',
      `${LINK}?${MEETING}&${'room=A&'.repeat(DIAL_LINK_LIMITS.rooms + 1)}`,
      'room',
      /too many \(at most 100\)/,
    ],
    ['a newline in a room', `${LINK}?${MEETING}&room=A%0AB`, 'room', /invisible or control character U\+000A/],
    ['a NUL in a room', `${LINK}?${MEETING}&room=A%00`, 'room', /U\+0000/],
    ['a C1 control', `${LINK}?${MEETING}&room=A%C2%85`, 'room', /U\+0085/],
    ['a right-to-left override', `${LINK}?${MEETING}&room=Lobby%E2%80%AEmoorddraob`, 'room', /U\+202E/],
    ['a zero-width space', `${LINK}?${MEETING}&room=Lob%E2%80%8Bby`, 'room', /U\+200B/],
    ['a BOM inside a name', `${LINK}?${MEETING}&room=Lob%EF%BB%BFby`, 'room', /U\+FEFF/],
    ['an empty set', `${LINK}?${MEETING}&set=`, 'set', /must not be empty/],
    ['two sets', `${LINK}?${MEETING}&set=A&set=B`, 'set', /more than once/],
    ['a set named too long', `${LINK}?${MEETING}&set=${'S'.repeat(DIAL_LINK_LIMITS.name + 1)}`, 'set', /too long/],
    ['a control character in a set', `${LINK}?${MEETING}&set=A%1BB`, 'set', /U\+001B/],
  ])('%s', (_name, link, field, en) => {
    expectInvalid(parseDialLink(link), field, en);
  });

  it('shows at most a short, escaped piece of what it refuses', () => {
    const error = expectInvalid(parseDialLink(`${LINK}?${'k'.repeat(3000)}%E2%80%AE=1`), 'link', /unknown parameter/);
    expect(error.message['en-US'].length).toBeLessThan(200);
    const hidden = expectInvalid(parseDialLink(`${LINK}?a%E2%80%AEb=1`), 'link', /unknown parameter/);
    expect(hidden.message['en-US']).toContain('a\\u{202e}b');
    expect(hidden.message['en-US']).not.toContain('\u202e');
  });
});

describe('parseDialArgs: the installed app’s command line', () => {
  const EXE = 'C:\\Program Files\\Room Dialer\\Room Dialer.exe';

  it('is null for an ordinary start, with or without the switches Chromium adds', () => {
    expect(parseDialArgs([EXE])).toBeNull();
    expect(parseDialArgs([EXE, '--hidden'])).toBeNull();
    expect(parseDialArgs(['electron', '.', '--allow-file-access-from-files', '--original-process-start-time=1'])).toBe(
      null,
    );
    expect(parseDialArgs([])).toBeNull();
  });

  it('stages --dial with --meeting, repeated --room and --set, in either option form', () => {
    expect(expectValid(parseDialArgs([EXE, '--dial', '--meeting', '806146667', '--room', 'Board room'])!)).toEqual({
      meeting: '806146667',
      rooms: ['Board room'],
    });
    expect(
      expectValid(
        parseDialArgs([EXE, '--room=A', '--dial', '--meeting=806-146-667', '--room', 'B', '--set', 'Monday board'])!,
      ),
    ).toEqual({ meeting: '806146667', rooms: ['A', 'B'], set: 'Monday board' });
  });

  it('stages a link handed over as an argument (Windows and Linux), among Chromium’s switches', () => {
    const argv = [EXE, '--allow-file-access-from-files', `${LINK}?meeting=806146667&room=Lobby`];
    expect(expectValid(parseDialArgs(argv)!)).toEqual({ meeting: '806146667', rooms: ['Lobby'] });
  });

  it('ignores the other switches and positional arguments around --dial', () => {
    const argv = ['electron', '.', '--dial', '--no-sandbox', '--meeting', '806146667', 'stray', '--room', 'A'];
    expect(expectValid(parseDialArgs(argv)!)).toEqual({ meeting: '806146667', rooms: ['A'] });
  });

  it.each<[string, unknown[], string, RegExp]>([
    ['a malformed link', [EXE, `${LINK}?room=A`], 'meeting', /missing/],
    ['a javascript link in a room-dialer argument', [EXE, 'room-dialer://javascript:alert(1)'], 'link', /unsupported/],
    ['two links', [EXE, `${LINK}?${MEETING}&room=A`, `${LINK}?${MEETING}&room=B`], 'arguments', /one link/],
    ['a link and --dial', [EXE, '--dial', `${LINK}?${MEETING}&room=A`], 'arguments', /not both/],
    ['--dial alone', [EXE, '--dial'], 'meeting', /missing/],
    ['--meeting without a value', [EXE, '--dial', '--meeting'], 'meeting', /--meeting needs a value/],
    ['--meeting followed by an option', [EXE, '--dial', '--meeting', '--room', 'A'], 'meeting', /needs a value/],
    ['--room without a value', [EXE, '--dial', '--meeting', '806146667', '--room'], 'room', /--room needs a value/],
    ['--meeting twice', [EXE, '--dial', '--meeting', '1', '--meeting=806146667', '--room', 'A'], 'meeting', /once/],
    ['no rooms', [EXE, '--dial', '--meeting', '806146667'], 'room', /missing/],
    ['a huge room', [EXE, '--dial', '--meeting', '806146667', '--room', 'A'.repeat(1_000_000)], 'room', /too long/],
    ['a bidi room', [EXE, '--dial', '--meeting', '806146667', '--room', 'A\u202eB'], 'room', /U\+202E/],
    ['a lone surrogate', [EXE, '--dial', '--meeting', '806146667', '--room', 'A\ud800'], 'room', /U\+D800/],
    ['a bad meeting', [EXE, '--dial', '--meeting', '806 146 66', '--room', 'A'], 'meeting', /9 digits/],
  ])('refuses %s', (_name, argv, field, en) => {
    const result = parseDialArgs(argv);
    expect(result).not.toBeNull();
    expectInvalid(result!, field, en);
  });

  it(`reads only the first ${DIAL_LINK_LIMITS.args} arguments`, () => {
    const filler = Array.from({ length: DIAL_LINK_LIMITS.args }, () => '--x');
    expect(parseDialArgs([...filler, '--dial', '--meeting', '806146667', '--room', 'A'])).toBeNull();
  });
});
