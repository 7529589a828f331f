// What an operator reads for an API error: our explanation and the code; Tencent's own (Chinese) text only when we
// have no explanation of our own for that code.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../main/api/errors';

describe('ApiError.explain', () => {
  it('gives a known code our words and the code, without repeating the server text', () => {
    const { message, hint } = new ApiError(500, 10004, undefined, '会议室呼叫失败: x is offline', 'mra').explain();
    expect(message['en-US']).toMatch(/\(10004\)$/);
    expect(message['en-US']).not.toContain('会议室');
    expect(message['zh-CN']).toMatch(/（10004）$/);
    expect(hint['en-US']).toMatch(/address is right/);
  });

  it('keeps the server text for a code it does not know', () => {
    const { message } = new ApiError(400, 777001, undefined, 'SOMETHING NEW').explain();
    expect(message['en-US']).toContain('(777001: SOMETHING NEW)');
    expect(message['zh-CN']).toContain('（777001：SOMETHING NEW）');
  });

  it('keeps the server text in the error message itself, for the log', () => {
    expect(new ApiError(500, 10004, undefined, 'offline').message).toContain('offline');
  });
});
