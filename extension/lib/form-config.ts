import { browser } from 'wxt/browser';
import { defaultFormConfig, type FormConfig, parseFormConfig } from '../../shared/schemas/form-config.ts';
import { fetchFormConfig } from './api/client.ts';

export type ConfigSource = 'server' | 'saved' | 'default';

/**
 * The form as the server defines it. When the server cannot be reached or sends something this
 * extension cannot read, the last good form it sent is used, else the form the extension ships.
 */
export async function loadFormConfig(
  serverUrl: string,
): Promise<{ config: FormConfig; source: ConfigSource }> {
  try {
    const parsed = parseFormConfig(await fetchFormConfig(serverUrl));
    if (parsed.ok) {
      await browser.storage.local.set({ formConfig: parsed.config });
      return { config: parsed.config, source: 'server' };
    }
    console.warn('Snapdesk: the server’s form configuration is not valid', parsed.issues);
  } catch (err) {
    console.warn('Snapdesk: the form configuration could not be loaded:', (err as Error).message);
  }
  const saved = parseFormConfig((await browser.storage.local.get('formConfig')).formConfig);
  return saved.ok
    ? { config: saved.config, source: 'saved' }
    : { config: defaultFormConfig, source: 'default' };
}
