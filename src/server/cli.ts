/**
 * The server's command line (`npm run server -- <command>`, or `npx tsx src/server/cli.ts <command>`):
 * serving, and the few administrative acts a self-hosted server needs. It opens the same database the
 * server would (DATABASE_URL, or PGlite in GLOSS_DATA_DIR); with PGlite, stop the server before running an
 * administrative command, as only one process may open the data folder.
 */
import { formatDateTime } from '../shared/format-date';
import { deviceLabel } from './accounts/device-label';
import { createUser, findUser, issueCode, listDevices, listUsers, revokeDevice } from './accounts/users';
import { openDatabase } from './db/open';
import type { Sql } from './db/sql';
import { startServer } from './main';

const USAGE = `Gloss sync server

  serve                  start the server (the default): HOST, PORT, DATABASE_URL or GLOSS_DATA_DIR
  create-user <name>     create a user and print a one-time enrolment code (valid 24 hours)
  new-code <user>        print another enrolment code for a user (name or id)
  users                  list users
  devices <user>         list a user's devices: name, when added, last push
  revoke <deviceId>      revoke a device's token at once`;

/** Dates in words in the server's locale ("4 Dec 2026, 14:05"), as the device names give theirs. */
const when = (ms: number | null) => (ms === null ? '-' : formatDateTime(ms));

function printCode(code: string, expiresAt: number): void {
  console.log(`Enrolment code: ${code}  (single use, expires ${when(expiresAt)})`);
  console.log(`Enter it with the server address in Gloss's options page, under "Sync your notes".`);
}

/** Runs an administrative command against the database; returns the exit code. */
async function admin(command: string, arg: string | undefined, sql: Sql): Promise<number> {
  const now = Date.now();
  if (command === 'users') {
    for (const u of await listUsers(sql))
      console.log(`${u.id}  ${u.name}  devices: ${u.devices}  notes: ${u.notes}  version: ${u.version}`);
    return 0;
  }
  if (!arg) throw new Error(`${command} needs an argument\n\n${USAGE}`);
  if (command === 'create-user') {
    const user = await createUser(sql, arg, now);
    console.log(`Created user ${user.name} (${user.id}).`);
    printCode(user.code, user.expiresAt);
    return 0;
  }
  if (command === 'revoke') {
    const revoked = await revokeDevice(sql, arg, now);
    console.log(revoked ? `Revoked device ${arg}.` : `No active device ${arg}.`);
    return revoked ? 0 : 1;
  }
  const user = await findUser(sql, arg);
  if (!user) throw new Error(`no user named or with id "${arg}"`);
  if (command === 'new-code') {
    const { code, expiresAt } = await issueCode(sql, user.id, now);
    printCode(code, expiresAt);
    return 0;
  }
  const devices = await listDevices(sql, user.id);
  if (!devices.length) console.log(`${user.name} has no devices yet.`);
  for (const d of devices)
    console.log(
      `${d.id}  ${deviceLabel(d)}  last push ${when(d.lastPushAt)}` +
        (d.revokedAt === null ? '' : `  REVOKED ${when(d.revokedAt)}`),
    );
  return 0;
}

async function serveUntilStopped(): Promise<void> {
  const server = await startServer();
  const users = await listUsers(server.sql);
  console.error(
    `\nGloss sync server at ${server.url} (Ctrl-C to stop).\n` +
      (users.length
        ? `Users: ${users.map((u) => u.name).join(', ')}. Another enrolment code: npm run server -- new-code <user>`
        : 'No users yet. Create one: npm run server -- create-user <name>') +
      (process.env.DATABASE_URL
        ? '\n'
        : '\n(With the built-in database, stop the server before running those.)\n'),
  );
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', arg] = argv;
  if (command === 'serve') {
    await serveUntilStopped();
    return -1;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (!['create-user', 'new-code', 'users', 'devices', 'revoke'].includes(command)) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  const { sql } = await openDatabase();
  try {
    return await admin(command, arg, sql);
  } finally {
    await sql.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: Error) => {
    console.error(`gloss-server: ${error.message}`);
    process.exit(1);
  },
);
