import { EnvError, parseEnv } from './config/env.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { describeDatabase, openMigratedDatabase } from './bootstrap.js';
import { buildApp } from './app.js';
import { isDatabaseEmpty, seedDemo } from './domains/demo/seed-demo.js';
import { DEMO_PASSWORD_NOTE } from './domains/demo/demo-data.js';
import { startJobWorker } from './jobs/queue.js';

/** Starts the server: validate env, open + migrate the database, load the demo on an empty one, listen. */
async function main(): Promise<void> {
  const env = parseEnv();
  const { database, applied } = await openMigratedDatabase(env);
  const app = await buildApp({ database, env });
  if (applied.length > 0) app.log.info({ applied }, 'migrations applied');

  let demoLogins: { email: string; password: string; roles: string }[] = [];
  if (env.REGIEKAMER_DEMO && (await isDatabaseEmpty(database.db))) {
    demoLogins = (await seedDemo(database.db)).users;
  }

  // Every instance runs a worker: jobs live in the database, so whichever instance is free claims them.
  const worker = startJobWorker(database, { onError: (error) => app.log.error({ err: error }, 'job worker') });

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await worker.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: env.PORT, host: env.HOST });
  const port = app.server.address();
  const url = env.PUBLIC_URL ?? `http://localhost:${typeof port === 'object' && port ? port.port : env.PORT}`;
  const lines = [
    '',
    `Regiekamer draait op ${url}  (luistert op ${address})`,
    `Databank: ${describeDatabase(env)}`,
    `API-referentie: ${url}/api/docs`,
  ];
  if (demoLogins.length > 0) {
    lines.push('', 'Demo geladen. Aanmelden kan met:');
    for (const login of demoLogins) lines.push(`  ${login.email.padEnd(32)} ${login.password.padEnd(22)} ${login.roles}`);
    lines.push(DEMO_PASSWORD_NOTE);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  if (error instanceof EnvError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('Regiekamer kon niet starten:', error instanceof Error ? error.message : error);
    if (process.env.NODE_ENV !== 'production') console.error(error);
  }
  process.exit(1);
});
