import { describe, expect, it } from 'vitest';
import { roomInputErrors, validateRoomInput, validateRoomTags, type RoomInput } from '../../common/room-input';
import { codePointLength } from '../../common/room-limits';
import { failedField, ok, sipRoom, tencentRoom } from './store-helpers';

const fieldOf = (input: unknown): string => failedField(validateRoomInput(input));

describe('room input validation (common/room-input.ts)', () => {
  it('accepts a SIP room and normalises it: trimmed text, defaults for the optional fields', () => {
    const value = ok(validateRoomInput({ ...sipRoom, name: '  大会议室 A ', location: ' 5F ' }));
    expect(value).toEqual({
      kind: 'sip',
      address: 'room-a@video.example.com',
      name: '大会议室 A',
      location: '5F',
      group: '',
      tags: [],
      notes: '',
      favorite: false,
    });
  });

  it('accepts an H.323 room and a Tencent Rooms room, keeping only the field of its kind', () => {
    expect(
      ok(validateRoomInput({ name: 'MCU', kind: 'h323', address: '10.0.0.5', meetingRoomId: '1' })),
    ).not.toHaveProperty('meetingRoomId');
    const rooms = ok(validateRoomInput({ ...tencentRoom, address: 'ignored@example.com' }));
    expect(rooms).toMatchObject({ kind: 'rooms', meetingRoomId: '2489756789' });
    expect(rooms).not.toHaveProperty('address');
  });

  it('names the field for every kind of problem, in both languages', () => {
    expect(fieldOf({ ...sipRoom, name: '   ' })).toBe('name');
    expect(fieldOf({ ...sipRoom, name: 'x'.repeat(101) })).toBe('name');
    expect(fieldOf({ ...sipRoom, name: 'two\nlines' })).toBe('name');
    expect(fieldOf({ ...sipRoom, kind: 'webrtc' })).toBe('kind');
    expect(fieldOf({ ...sipRoom, address: undefined })).toBe('address');
    expect(fieldOf({ ...sipRoom, address: 'not an address' })).toBe('address');
    expect(fieldOf({ name: 'x', kind: 'h323', address: 'host.example.com' })).toBe('address');
    expect(fieldOf({ ...tencentRoom, meetingRoomId: '' })).toBe('meetingRoomId');
    expect(fieldOf({ ...tencentRoom, meetingRoomId: '12-34' })).toBe('meetingRoomId');
    expect(fieldOf({ ...tencentRoom, meetingRoomId: '1'.repeat(65) })).toBe('meetingRoomId');
    expect(fieldOf({ ...sipRoom, location: 'l'.repeat(101) })).toBe('location');
    expect(fieldOf({ ...sipRoom, group: 'g'.repeat(101) })).toBe('group');
    expect(fieldOf({ ...sipRoom, tags: 'vip' })).toBe('tags');
    expect(fieldOf({ ...sipRoom, tags: ['ok', 't'.repeat(31)] })).toBe('tags[1]');
    expect(fieldOf({ ...sipRoom, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })).toBe('tags');
    expect(fieldOf({ ...sipRoom, notes: 'n'.repeat(1001) })).toBe('notes');
    expect(fieldOf({ ...sipRoom, notes: 'bell\u0007' })).toBe('notes');
    expect(fieldOf({ ...sipRoom, favorite: 'yes' })).toBe('favorite');
    expect(fieldOf({ ...sipRoom, callable: false })).toBe('callable');
    expect(fieldOf({ ...sipRoom, id: 'x' })).toBe('id');
    expect(fieldOf(null)).toBe('room');
  });

  it('counts characters as people do: 100 Chinese characters or emoji fit a name', () => {
    expect(codePointLength('😀'.repeat(100))).toBe(100);
    ok(validateRoomInput({ ...sipRoom, name: '会'.repeat(100) }));
    ok(validateRoomInput({ ...sipRoom, name: '😀'.repeat(100) }));
  });

  it('keeps line breaks in notes, trims tags, drops empty and repeated ones', () => {
    expect(ok(validateRoomInput({ ...sipRoom, notes: 'line 1\nline 2' })).notes).toBe('line 1\nline 2');
    expect(ok(validateRoomTags([' vip ', '', 'vip', '5F']))).toEqual(['vip', '5F']);
  });

  it('lists every problem at once for a form', () => {
    const errors = roomInputErrors({ name: '', kind: 'sip', address: '', notes: 5 } satisfies Record<string, unknown>);
    expect(errors.map((e) => e.field)).toEqual(['name', 'address', 'notes']);
    expect(roomInputErrors({ ...sipRoom } satisfies RoomInput)).toEqual([]);
  });
});
