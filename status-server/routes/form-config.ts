import { Hono } from 'hono';
import type { FormConfig } from '../../shared/schemas/form-config.ts';

/**
 * The report form the extension renders: the seeds' default, or the organisation's own file
 * (SNAPDESK_FORM_CONFIG), validated at start-up. Public: it holds labels, not secrets.
 */
export function formConfigRoutes(formConfig: FormConfig) {
  const body = JSON.stringify(formConfig);
  return new Hono().get('/form-config', (c) => {
    c.header('cache-control', 'public, max-age=300');
    c.header('access-control-allow-origin', '*');
    return c.body(body, 200, { 'content-type': 'application/json; charset=utf-8' });
  });
}
