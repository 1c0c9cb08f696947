import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultFormConfig, parseFormConfig } from '../../shared/schemas/form-config.ts';
import { loadConfig } from '../../status-server/config.ts';
import { formConfigRoutes } from '../../status-server/routes/form-config.ts';

/** An organisation's form with its own words by language, as SNAPDESK_FORM_CONFIG names it. */
function organisationsForm(label: unknown) {
  const config = structuredClone(defaultFormConfig) as unknown as { fields: Record<string, unknown>[] };
  config.fields.push({
    id: 'branch',
    kind: 'text',
    label,
    help: { en: 'The shop where it happens.', ro: 'Magazinul unde se întâmplă.' },
    types: ['bug'],
    maxLength: 80,
  });
  return config;
}

describe("an organisation's form with texts by language, from the server to the extension", () => {
  const dir = mkdtempSync(join(tmpdir(), 'snapdesk-form-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, body: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(body));
    return path;
  };

  it('is served as read at start, and the extension reads what is served the same', async () => {
    const path = file('form.json', organisationsForm({ en: ' Branch ', ro: 'Filială', uk: 'Філія' }));
    const { formConfig } = loadConfig({ SNAPDESK_FORM_CONFIG: path });
    const branch = formConfig.fields.find((f) => f.id === 'branch');
    expect(branch).toMatchObject({
      label: { en: 'Branch', ro: 'Filială', uk: 'Філія' },
      help: { en: 'The shop where it happens.', ro: 'Magazinul unde se întâmplă.' },
    });
    const res = await formConfigRoutes(formConfig).request('/form-config');
    expect(res.status).toBe(200);
    expect(parseFormConfig(await res.json())).toEqual({ ok: true, config: formConfig });
  });

  it('stops the server at start with the path and the languages allowed when one is not', () => {
    const path = file('bad.json', organisationsForm({ en: 'Branch', de: 'Filiale' }));
    const at = defaultFormConfig.fields.length;
    expect(() => loadConfig({ SNAPDESK_FORM_CONFIG: path })).toThrow(
      `SNAPDESK_FORM_CONFIG fields.${at}.label.de: is not a language the form speaks (use en, cs, es, ro, ru, uk)`,
    );
  });
});
