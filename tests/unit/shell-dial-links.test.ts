// Links and --dial arguments reaching the running app: each becomes one staged (or refused) dial for the window, held
// until the window can show it, logged without the raw text; and the protocol-client registration per launch.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StagedDialEvent } from '../../common/dial-link';
import type { Log } from '../../main/log';
import { createDialLinkInbox, protocolClientArgs } from '../../main/shell/dial-links';

function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: string) => (message: string, data?: Readonly<Record<string, unknown>>) =>
    void lines.push(`${level} ${message} ${JSON.stringify(data ?? {})}`);
  return { lines, info: write('info'), warn: write('warn'), error: write('error') };
}

const GOOD = 'room-dialer://dial?meeting=806146667&room=Board%20room';

describe('the dial-link inbox', () => {
  it('holds what arrives before the window, then delivers the latest only', () => {
    const log = recordingLog();
    const inbox = createDialLinkInbox(log);
    inbox.acceptLink('room-dialer://dial?meeting=806146667&room=Old');
    inbox.acceptLink(GOOD);
    const delivered: StagedDialEvent[] = [];
    inbox.open((event) => delivered.push(event));
    expect(delivered).toEqual([{ kind: 'staged', dial: { meeting: '806146667', rooms: ['Board room'] } }]);
    inbox.acceptLink('room-dialer://dial?meeting=806146667&set=Monday');
    expect(delivered).toHaveLength(2);
    expect(delivered[1]).toEqual({ kind: 'staged', dial: { meeting: '806146667', rooms: [], set: 'Monday' } });
  });

  it('turns a malformed link into a refusal naming the field, and holds again once the window is gone', () => {
    const inbox = createDialLinkInbox(recordingLog());
    const delivered: StagedDialEvent[] = [];
    inbox.open((event) => delivered.push(event));
    inbox.acceptLink('javascript:alert(1)');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ kind: 'refused', error: { field: 'link' } });
    inbox.close();
    inbox.acceptLink(GOOD);
    expect(delivered).toHaveLength(1);
  });

  it('takes command lines: says whether they asked for a dial, and hands on the ones that did', () => {
    const inbox = createDialLinkInbox(recordingLog());
    const delivered: StagedDialEvent[] = [];
    inbox.open((event) => delivered.push(event));
    expect(inbox.acceptArgv(['Room Dialer.exe'])).toBe(false);
    expect(inbox.acceptArgv(['Room Dialer.exe', '--hidden'])).toBe(false);
    expect(delivered).toEqual([]);
    expect(inbox.acceptArgv(['Room Dialer.exe', '--dial', '--meeting', '806146667', '--room', 'Lobby'])).toBe(true);
    expect(inbox.acceptArgv(['Room Dialer.exe', '--dial', '--room', 'Lobby'])).toBe(true);
    expect(delivered.map((event) => event.kind)).toEqual(['staged', 'refused']);
    expect(delivered[1]).toMatchObject({ error: { field: 'meeting' } });
  });

  it('logs what was asked for and why a link was refused, never the link itself', () => {
    const log = recordingLog();
    const inbox = createDialLinkInbox(log);
    inbox.acceptLink(`${GOOD}&room=${'Secret-looking-name'}`);
    inbox.acceptLink(`room-dialer://dial?meeting=806146667&room=${'X'.repeat(5000)}`);
    expect(log.lines).toEqual([
      'info dial link staged for confirmation {"source":"link","meeting":"806146667","rooms":2,"set":false}',
      'warn dial link refused {"source":"link","field":"link"}',
    ]);
  });
});

describe('registering as the room-dialer:// handler', () => {
  it('the packaged app registers itself', () => {
    expect(protocolClientArgs({ execPath: 'C:\\Room Dialer\\Room Dialer.exe', argv: ['x'] })).toEqual(['room-dialer']);
  });

  it('a development run names Electron and the app path (Electron’s deep-link guide)', () => {
    expect(protocolClientArgs({ defaultApp: true, execPath: '/e/electron', argv: ['/e/electron', '.'] })).toEqual([
      'room-dialer',
      '/e/electron',
      [path.resolve('.')],
    ]);
    expect(protocolClientArgs({ defaultApp: true, execPath: '/e/electron', argv: ['/e/electron'] })).toBeNull();
  });
});
