/**
 * The server's command line (`npm run server -- <command>`, or `npx tsx src/server/cli.ts <command>`):
 * serving, and the few administrative acts a self-hosted server needs (admin/commands.ts). It opens the
 * same database the server would (DATABASE_URL, or PGlite in GLOSS_DATA_DIR). When a server already has the
 * PGlite folder open, the command goes to that server over its admin channel (admin/channel.ts), so the
 * commands work the same whether the server runs or not.
 */

import { listUsers } from './accounts/users';
import { askRunningServer } from './admin/channel';
import {
  ADMIN_USAGE,
  type AdminReply,
  type AdminRequest,
  isAdminCommand,
  runAdminCommand,
} from './admin/commands';
import { DataDirBusyError } from './db/data-dir-lock';
import { openDatabase } from './db/open';
import { startServer } from './main';

const USAGE = `Gloss sync server

  serve                  start the server (the default): HOST, PORT, DATABASE_URL or GLOSS_DATA_DIR
${ADMIN_USAGE}`;

async function serveUntilStopped(): Promise<void> {
  const server = await startServer();
  const users = await listUsers(server.sql);
  console.error(
    `\nGloss sync server at ${server.url} (Ctrl-C to stop).\n` +
      (users.length
        ? `Users: ${users.map((u) => u.name).join(', ')}. Another enrolment code: npm run server -- new-code <user>\n`
        : 'No users yet. Create one (in another terminal): npm run server -- create-user <name>\n'),
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

/** Runs the command on the database, or through the server that holds the PGlite folder. */
async function runAdmin(request: AdminRequest): Promise<AdminReply> {
  try {
    const { sql } = await openDatabase();
    try {
      return await runAdminCommand(sql, request, Date.now());
    } finally {
      await sql.close();
    }
  } catch (error) {
    if (!(error instanceof DataDirBusyError)) throw error;
    return askRunningServer(error.socketPath, request);
  }
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
  if (!isAdminCommand(command)) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  const reply = await runAdmin({ command, ...(arg === undefined ? {} : { arg }) });
  for (const line of reply.out) console.log(line);
  if (reply.error) console.error(`gloss-server: ${reply.error}`);
  return reply.code;
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
