// Settings in browser.storage.local (not secret), typed and versioned; a corrupt value falls
// back to the defaults instead of breaking the background.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../model/settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  version: 1,
  fallback: DEFAULT_SETTINGS,
});

export async function readSettings(): Promise<Settings> {
  const parsed = SettingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
