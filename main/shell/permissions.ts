// The window asks for no browser permission: no camera, microphone, notifications (those come from main), clipboard
// reads, geolocation, USB/HID/serial devices, screen capture or fullscreen. Every request and check is refused, and
// a refusal is logged so a feature that needs one shows up in the log rather than failing silently.

export interface PermissionQuery {
  /** Electron's permission name, e.g. "media", "clipboard-read", "hid"; "device" for device chooser checks. */
  readonly permission: string;
  /** The page's origin as Electron reports it; for the log only. */
  readonly origin?: string;
}

/** Always false. A function rather than a constant so the handlers, the test and any future exception meet here. */
export function decidePermission(_query: PermissionQuery): boolean {
  return false;
}
