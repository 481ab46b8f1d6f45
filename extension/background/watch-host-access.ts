/**
 * Host access can change without the settings changing: the options page's "授权访问" button grants
 * a listed site later, and the user can withdraw access in the browser's own extension settings.
 * The dynamic content scripts cover only granted sites, so they are registered again on every
 * grant or withdrawal of origins.
 */
import type { Browser } from 'wxt/browser';

type Permissions = Pick<Browser.permissions.Permissions, 'origins' | 'permissions'>;
interface PermissionEvent {
  addListener(fn: (p: Permissions) => void): void;
  removeListener(fn: (p: Permissions) => void): void;
}

/** Calls `onChange` whenever origins are granted or withdrawn; returns the function that stops. */
export function watchHostAccess(permissions: { onAdded?: PermissionEvent; onRemoved?: PermissionEvent } | undefined, onChange: () => void): () => void {
  // Granting an API permission alone (no origins) changes nothing for the content scripts.
  const listener = (p: Permissions): void => {
    if ((p.origins?.length ?? 0) > 0) onChange();
  };
  permissions?.onAdded?.addListener(listener);
  permissions?.onRemoved?.addListener(listener);
  return () => {
    permissions?.onAdded?.removeListener(listener);
    permissions?.onRemoved?.removeListener(listener);
  };
}
