// The one thing the credentials vault needs from an OS keychain, and the one way it can fail.
// Kept this small so the vault can be unit-tested against an in-memory store (tests/helpers/) while the app and the
// CLI use the real keychain (keytar-store.ts). There is deliberately no file or memory fallback in main/: a secret
// that cannot go into the keychain is not stored at all, and the operator is told so.
import type { Locale, Localized } from '../../common/locale';
import type { ErrorPayload, Explanation } from '../api/errors';

/** Secrets by account name, all under one service (the app). */
export interface SecretStore {
  /** The stored secret, or null when the account has none. */
  get(account: string): Promise<string | null>;
  /** Creates or replaces the account's secret. */
  set(account: string, secret: string): Promise<void>;
  /** True when something was deleted. */
  delete(account: string): Promise<boolean>;
}

export type KeychainOperation = 'read' | 'save' | 'delete';

/**
 * Why the keychain could not be used, as far as its error text tells. Only picks the advice shown to the operator;
 * every case is the same error to callers.
 */
export type KeychainProblem =
  /** No D-Bus session, or nothing on it provides org.freedesktop.secrets (Linux). */
  | 'no_service'
  /** The keyring exists but is locked and could not be unlocked (no prompt possible, or the prompt was dismissed). */
  | 'locked'
  /** The native keychain module (keytar) could not be loaded: a broken install. */
  | 'module_missing'
  /** Anything else the keychain refused. */
  | 'refused';

const NOTHING_ELSEWHERE: Record<KeychainOperation, Localized> = {
  save: {
    'zh-CN': '凭据没有保存：Room Dialer 不会把密钥保存到钥匙串以外的任何地方。',
    'en-US': 'The credentials were NOT saved: Room Dialer never stores secrets anywhere but the system keychain.',
  },
  read: {
    'zh-CN': '无法读取已保存的凭据；Room Dialer 不会把密钥保存到钥匙串以外的任何地方。',
    'en-US': 'The saved credentials cannot be read; Room Dialer never stores secrets anywhere but the system keychain.',
  },
  delete: {
    'zh-CN': '没有删除任何内容；Room Dialer 不会把密钥保存到钥匙串以外的任何地方。',
    'en-US': 'Nothing was deleted; Room Dialer never stores secrets anywhere but the system keychain.',
  },
};

/**
 * A locked keyring has not lost anything: said outright, so that nobody re-enters (and overwrites) credentials that
 * are still saved. (A save refused by a lock keeps the NOTHING_ELSEWHERE text: nothing was written.)
 */
const STILL_SAVED: Partial<Record<KeychainOperation, Localized>> = {
  read: {
    'zh-CN': '已保存的凭据没有丢失，只是在密钥环解锁之前无法读取：请不要重新输入。',
    'en-US': 'Saved credentials are not lost, only unreadable until the keyring is unlocked: do not enter them again.',
  },
  delete: {
    'zh-CN': '没有删除任何内容：凭据仍保存在已锁定的密钥环中。',
    'en-US': 'Nothing was deleted: the credentials are still in the locked keyring.',
  },
};

function afterwards(problem: KeychainProblem, operation: KeychainOperation): Localized {
  return (problem === 'locked' ? STILL_SAVED[operation] : undefined) ?? NOTHING_ELSEWHERE[operation];
}

function whatIsWrong(problem: KeychainProblem, platform: NodeJS.Platform): Localized {
  if (problem === 'module_missing') {
    return {
      'zh-CN': '无法使用系统钥匙串：Room Dialer 的钥匙串组件无法加载',
      'en-US': "The system keychain cannot be used: Room Dialer's keychain component failed to load",
    };
  }
  if (platform === 'linux') {
    return problem === 'locked'
      ? {
          'zh-CN': '无法使用系统钥匙串：密钥环已锁定，且无法解锁',
          'en-US': 'The system keychain cannot be used: the keyring is locked and could not be unlocked',
        }
      : {
          'zh-CN': '无法使用系统钥匙串：没有正在运行的 Secret Service 密钥环',
          'en-US': 'The system keychain cannot be used: no Secret Service keyring is running',
        };
  }
  return {
    'zh-CN': '无法使用系统钥匙串：系统钥匙串拒绝了访问',
    'en-US': 'The system keychain cannot be used: the system keychain refused access',
  };
}

function nextStep(problem: KeychainProblem, platform: NodeJS.Platform): Localized {
  if (problem === 'module_missing') {
    return { 'zh-CN': '请重新安装 Room Dialer 后重试', 'en-US': 'Reinstall Room Dialer, then try again' };
  }
  switch (platform) {
    case 'linux':
      return problem === 'locked'
        ? {
            'zh-CN':
              '请解锁登录密钥环（GNOME Keyring 或 KWallet）：打开“密码和密钥”（Seahorse），右键点击“登录”并选择“解锁”（KDE：在 KWalletManager 中打开钱包），或注销后重新登录。然后重试；如果“设置”中仍然没有显示凭据，请重新启动 Room Dialer。',
            'en-US':
              'Unlock the login keyring (GNOME Keyring or KWallet): open Passwords and Keys (Seahorse), right-click "Login" and choose Unlock (KDE: open the wallet in KWalletManager), or log out and back in. Then try again; restart Room Dialer if Settings still shows no credentials.',
          }
        : {
            'zh-CN':
              '请安装并解锁 GNOME Keyring 或 KWallet（Debian/Ubuntu：sudo apt-get install gnome-keyring），重新登录桌面后重试',
            'en-US':
              'Install and unlock GNOME Keyring or KWallet (Debian/Ubuntu: sudo apt-get install gnome-keyring), log in to the desktop again, then try again',
          };
    case 'darwin':
      return {
        'zh-CN': '请在系统询问时允许 Room Dialer 访问钥匙串（“钥匙串访问”中登录钥匙串须已解锁），然后重试',
        'en-US':
          'Allow Room Dialer to use the keychain when macOS asks (the login keychain must be unlocked), then try again',
      };
    case 'win32':
      return {
        'zh-CN': '请确认当前 Windows 账户可以使用“凭据管理器”，然后重试',
        'en-US': 'Check that Windows Credential Manager works for this Windows account, then try again',
      };
    default:
      return { 'zh-CN': '请确认系统钥匙串可用后重试', 'en-US': 'Make sure the system keychain works, then try again' };
  }
}

/**
 * The OS keychain could not be used. Nothing was written anywhere else. The original error is kept as `cause`
 * for support (its text is the keychain's own, with any secret already scrubbed out by the store); `detail` is that
 * text, which the message quotes so an admin can look it up.
 */
export class KeychainUnavailableError extends Error {
  readonly kind = 'keychain';
  readonly code = 'keychain_unavailable';

  constructor(
    readonly operation: KeychainOperation,
    readonly problem: KeychainProblem,
    readonly detail: string,
    readonly platform: NodeJS.Platform = process.platform,
    options?: { cause?: unknown },
  ) {
    super(
      `${whatIsWrong(problem, platform)['en-US']}${detail ? ` (${detail})` : ''}. ${afterwards(problem, operation)['en-US']}`,
      options,
    );
    this.name = 'KeychainUnavailableError';
  }

  explain(): Explanation {
    const wrong = whatIsWrong(this.problem, this.platform);
    const elsewhere = afterwards(this.problem, this.operation);
    const detail = this.detail;
    return {
      message: {
        'zh-CN': `${wrong['zh-CN']}${detail ? `（${detail}）` : ''}。${elsewhere['zh-CN']}`,
        'en-US': `${wrong['en-US']}${detail ? ` (${detail})` : ''}. ${elsewhere['en-US']}`,
      },
      hint: nextStep(this.problem, this.platform),
    };
  }

  /** The same `{kind, code, message, hint}` shape as the API errors, for IPC and the CLI's JSON output. */
  toPayload(locale: Locale): ErrorPayload {
    const { message, hint } = this.explain();
    return { kind: this.kind, code: this.code, message: message[locale], hint: hint[locale] };
  }
}
