import { describe, expect, it } from 'vitest';
import type { SettingsPatch } from '../../main/store/app-store';
import { expectFileUnchanged, failedField, ok, open, readConfig, tempDir } from './store-helpers';

describe('settings', () => {
  it('applies a valid patch and writes it', () => {
    const dir = tempDir();
    const { store } = open(dir);
    const next = ok(
      store.updateSettings({
        locale: 'zh-CN',
        pollIntervalMs: 1000,
        maxConcurrentDials: 16,
        instanceId: 2,
        endpoint: 'http://127.0.0.1:8080/',
        window: { x: -1920, y: 0, width: 1280, height: 800 },
      }),
    );
    expect(next).toEqual({
      locale: 'zh-CN',
      pollIntervalMs: 1000,
      maxConcurrentDials: 16,
      instanceId: 2,
      endpoint: 'http://127.0.0.1:8080',
      window: { x: -1920, y: 0, width: 1280, height: 800 },
      historyLimit: 100_000,
      batchConfirmAbove: 50,
      requestsPerMinute: 240,
      retry: { retries: 2, backoffMs: [60_000, 180_000], rejoinOnDrop: false, rejoins: 2 },
      otherHosts: [],
    });
    expect(readConfig(dir).settings).toEqual(next);
    expect(open(dir).store.getSettings()).toEqual(next);
  });

  it('leaves settings the patch does not mention, and ignores undefined values', () => {
    const dir = tempDir();
    const { store } = open(dir);
    const next = ok(store.updateSettings({ pollIntervalMs: 5000, locale: undefined }));
    expect(next).toMatchObject({ pollIntervalMs: 5000, locale: 'system', maxConcurrentDials: 4 });
  });

  it('refuses any bad value, naming the field, and changes nothing at all', () => {
    const dir = tempDir();
    const { store } = open(dir);
    const before = store.getSettings();
    const cases: [unknown, string][] = [
      [{ locale: 'fr-FR' }, 'locale'],
      [{ pollIntervalMs: 999 }, 'pollIntervalMs'],
      [{ pollIntervalMs: 10_001 }, 'pollIntervalMs'],
      [{ pollIntervalMs: '2000' }, 'pollIntervalMs'],
      [{ maxConcurrentDials: 0 }, 'maxConcurrentDials'],
      [{ maxConcurrentDials: 2.5 }, 'maxConcurrentDials'],
      [{ instanceId: -1 }, 'instanceId'],
      [{ endpoint: 'http://api.meeting.qq.com' }, 'endpoint'],
      [{ endpoint: 42 }, 'endpoint'],
      [{ window: { x: 0, y: 0, width: 0, height: 600 } }, 'window.width'],
      [{ window: { x: 0, y: 0, width: 800 } }, 'window.height'],
      [{ window: { x: 0, y: 0, width: 800, height: 600, z: 1 } }, 'window.z'],
      [{ historyLimit: 999 }, 'historyLimit'],
      [{ historyLimit: 200_001 }, 'historyLimit'],
      [{ historyLimit: 1e5 + 0.5 }, 'historyLimit'],
      // One good value next to a bad one: neither is applied.
      [{ locale: 'en-US', maxConcurrentDials: 17 }, 'maxConcurrentDials'],
      [{ pollIntervalMS: 2000 }, 'pollIntervalMS'],
      [null, 'settings'],
    ];
    for (const [patch, field] of cases) {
      expect(expectFileUnchanged(dir, () => failedField(store.updateSettings(patch as SettingsPatch)))).toBe(field);
    }
    expect(store.getSettings()).toEqual(before);
  });

  it('writes nothing when the patch changes nothing', () => {
    const dir = tempDir();
    const { store } = open(dir);
    expectFileUnchanged(dir, () => ok(store.updateSettings({ maxConcurrentDials: 4 })));
  });

  it('tells its listeners after a saved change, and not after a refused or empty one', () => {
    const dir = tempDir();
    const { store } = open(dir);
    const heard: string[] = [];
    const stop = store.onSettingsChanged((settings) => heard.push(settings.locale));
    ok(store.updateSettings({ locale: 'zh-CN' }));
    expect(store.updateSettings({ locale: 'fr' as never }).ok).toBe(false);
    ok(store.updateSettings({ locale: 'zh-CN' }));
    stop();
    ok(store.updateSettings({ locale: 'en-US' }));
    expect(heard).toEqual(['zh-CN']);
  });
});
