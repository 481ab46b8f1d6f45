import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { resolveTabId } from '../../../../extension/entrypoints/popup/resolve-tab-id.ts';

describe('resolveTabId', () => {
  beforeEach(() => fakeBrowser.reset());

  it('returns the tabId query parameter when given', async () => {
    expect(await resolveTabId('?tabId=42')).toBe(42);
  });

  it('returns the active tab of the current window otherwise', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 5 } as Browser.tabs.Tab]);
    expect(await resolveTabId('?tabId=abc')).toBe(5);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('returns null when there is no active tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    expect(await resolveTabId('')).toBeNull();
  });
});
