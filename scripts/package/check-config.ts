// The promises electron-builder.yml must keep (issue #5), as a pure check over the parsed file. The fuse list here
// is the specification; the YAML is checked against it, and the packaged binary is read back against it.
import type { Configuration } from 'electron-builder';
import { DIAL_LINK_SCHEME } from '../../common/dial-link';

/** Every fuse issue #5 asks for, in electron-builder's `electronFuses` keys. */
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const;

export type FuseName = keyof typeof REQUIRED_FUSES;

/** electron-builder's platform section → the prebuild folder prefix keytar uses (Node's process.platform). */
const KEYTAR_PLATFORM = { win: 'win32', mac: 'darwin', linux: 'linux' } as const;

export function keytarPrebuildFilter(platform: keyof typeof KEYTAR_PLATFORM): string {
  return `!node_modules/@github/keytar/prebuilds/!(${KEYTAR_PLATFORM[platform]}-\${arch}){,/**/*}`;
}

function expect(failures: string[], ok: boolean, message: string): void {
  if (!ok) failures.push(`electron-builder.yml: ${message}`);
}

function targetNames(target: unknown): string[] {
  const list = Array.isArray(target) ? target : [target];
  return list.map((entry) => (typeof entry === 'string' ? entry : ((entry as { target?: string })?.target ?? '')));
}

function checkFiles(config: Configuration, failures: string[]): void {
  expect(failures, config.files === undefined, 'no top-level `files`: each platform lists its own (see the comment)');
  const lists = (['win', 'mac', 'linux'] as const).map((platform) => {
    const files = config[platform]?.files;
    const list = Array.isArray(files) && files.every((item) => typeof item === 'string') ? files : [];
    expect(failures, list.length > 0, `${platform}.files must be a list of patterns`);
    expect(
      failures,
      list.at(-1) === keytarPrebuildFilter(platform),
      `${platform}.files must end with ${keytarPrebuildFilter(platform)}`,
    );
    return { platform, shared: list.slice(0, -1) };
  });
  const [first, ...others] = lists;
  for (const other of others) {
    const same = JSON.stringify(other.shared) === JSON.stringify(first?.shared);
    expect(failures, same, `${other.platform}.files differs from ${first?.platform}.files beyond the keytar line`);
  }
  for (const pattern of ['out/**', 'package.json', '!**/*.{map,ts,mts,cts}']) {
    expect(failures, first?.shared.includes(pattern) === true, `the files lists must include '${pattern}'`);
  }
}

function checkFuses(config: Configuration, failures: string[]): void {
  const fuses = (config.electronFuses ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(REQUIRED_FUSES)) {
    expect(failures, fuses[name] === value, `electronFuses.${name} must be ${value} (is ${String(fuses[name])})`);
  }
}

function checkTargets(config: Configuration, failures: string[]): void {
  expect(failures, targetNames(config.win?.target).includes('nsis'), 'win.target must include nsis');
  const nsis = config.nsis ?? {};
  expect(failures, nsis.oneClick === false && nsis.perMachine === true, 'nsis must be assisted and per-machine');
  expect(failures, nsis.deleteAppDataOnUninstall === false, 'nsis must keep user data on uninstall');
  expect(failures, targetNames(config.mac?.target).includes('dmg'), 'mac.target must include dmg');
  expect(failures, config.mac?.hardenedRuntime === true, 'mac.hardenedRuntime must be true');
  expect(failures, config.mac?.entitlements === 'build/entitlements.mac.plist', 'mac.entitlements must be in build/');
  const linux = targetNames(config.linux?.target);
  expect(
    failures,
    ['AppImage', 'deb', 'zip'].every((t) => linux.includes(t)),
    'linux.target must be AppImage, deb, zip',
  );
  expect(failures, config.deb?.depends?.includes('libsecret-1-0') === true, 'deb.depends must include libsecret-1-0');
}

/** The installers register the app as the handler of room-dialer:// links (common/dial-link.ts). */
function checkProtocols(config: Configuration, failures: string[]): void {
  const protocols = config.protocols === undefined ? [] : [config.protocols].flat();
  const schemes = protocols.flatMap((protocol) => protocol.schemes);
  expect(failures, schemes.includes(DIAL_LINK_SCHEME), `protocols must register the ${DIAL_LINK_SCHEME} scheme`);
}

export function checkBuilderConfig(config: Configuration): string[] {
  const failures: string[] = [];
  expect(failures, config.appId === 'com.roomdialer.app', 'appId must be com.roomdialer.app');
  expect(failures, config.productName === 'Room Dialer', 'productName must be "Room Dialer"');
  expect(failures, config.directories?.output === 'dist', 'directories.output must be dist');
  expect(failures, config.directories?.buildResources === 'build', 'directories.buildResources must be build');
  expect(failures, config.npmRebuild === false, 'npmRebuild must be false (keytar is N-API, prebuilt)');
  const unpack = Array.isArray(config.asarUnpack) ? config.asarUnpack : [config.asarUnpack];
  expect(failures, unpack.includes('**/*.node'), "asarUnpack must include '**/*.node'");
  checkFiles(config, failures);
  checkFuses(config, failures);
  checkTargets(config, failures);
  checkProtocols(config, failures);
  return failures;
}
