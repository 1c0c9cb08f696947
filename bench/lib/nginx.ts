/** nginx serving fixed bytes as static files: the baseline a server's throughput is measured against. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { freePort } from '../../test/helpers/net.ts';
import { NGINX, nginxMainConfig } from '../../test/helpers/nginx.ts';
import { startService, waitUntilAnswering } from './processes.ts';

export { NGINX };

function nginxConfig(dir: string, port: number, workers: number): string {
  return nginxMainConfig(
    dir,
    `  access_log off;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/root;
    location = / { default_type text/html; try_files /index.html =404; }
    location /api/ { default_type application/json; }
    location ~ .svg$ { default_type image/svg+xml; }
  }`,
    workers,
  );
}

/**
 * nginx with `workers` worker processes (default one) serving `bodies` (path → bytes) as static files from `dir`; `/` as HTML,
 * `/api/…` as JSON, `*.svg` as SVG. Answers its origin once it serves `/`.
 */
export async function startNginx(dir: string, bodies: Map<string, Uint8Array>, workers = 1): Promise<string> {
  for (const [path, body] of bodies) {
    const file = join(dir, 'root', path === '/' ? 'index.html' : path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body);
  }
  const port = await freePort();
  await writeFile(join(dir, 'nginx.conf'), nginxConfig(dir, port, workers));
  // -e: nginx opens its default error log before reading the config, and that path may not exist.
  const service = await startService(
    'nginx',
    NGINX,
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
    join(dir, 'error.log'),
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(service, `${origin}/`);
  return origin;
}
