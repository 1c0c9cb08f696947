import { ensureFirstConsoleUser } from './auth/passwords.ts';
import { createToken, hasLiveToken } from './auth/tokens.ts';
import { loadConfig } from './config.ts';
import { listen, startServer } from './server.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}

const running = await startServer(config);
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.sqlitePath;
console.log(`Snapdesk status server: database ${where}`);

if (!(await hasLiveToken(running.store.db))) {
  const { token } = await createToken(running.store.db, 'first admin');
  console.log(`No admin token existed, so one was created. Keep it; it is shown only once:\n\n  ${token}\n`);
  console.log('Use it as "Authorization: Bearer <token>"; manage tokens with `npm run admin -- help`.');
}
const firstUser = await ensureFirstConsoleUser(running.store.db);
if (firstUser) {
  console.log(`No console user existed, so one was created. Keep the password; it is shown only once:\n`);
  console.log(
    `  ${config.publicUrl}/console   e-mail: ${firstUser.email}   password: ${firstUser.password}\n`,
  );
  console.log('Manage console users with `npm run admin -- help`.');
}
console.log(`Mail: ${running.mailer.target}`);

const server = listen(running, { port: config.port, hostname: config.host }, (info) => {
  console.log(`Status page: ${config.publicUrl}/ (listening on ${info.address}:${info.port})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void running.close().then(() => process.exit(0));
  });
}
