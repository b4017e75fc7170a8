/**
 * The administrative acts a self-hosted server needs, as text in and text out, so that the CLI can run
 * them on a database it opened itself or hand them to the running server over its admin channel
 * (channel.ts) and print the same lines either way.
 */
import { formatDateTime } from '../../shared/format-date';
import { deviceLabel } from '../accounts/device-label';
import { createUser, findUser, issueCode, listDevices, listUsers, revokeDevice } from '../accounts/users';
import type { Sql } from '../db/sql';
import { restampFutureClocks } from '../sync/restamp';

/** The commands, with their argument, as `help` shows them. */
export const ADMIN_USAGE = `  create-user <name>     create a user and print a one-time enrolment code (valid 24 hours)
  new-code <user>        print another enrolment code for a user (name or id)
  users                  list users
  devices <user>         list a user's devices: name, when added, last push
  revoke <deviceId>      revoke a device's token at once
  restamp-clocks [user]  give note fields frozen by a far-future clock a clock at server time`;

export const ADMIN_COMMANDS = [
  'create-user',
  'new-code',
  'users',
  'devices',
  'revoke',
  'restamp-clocks',
] as const;
export type AdminCommand = (typeof ADMIN_COMMANDS)[number];

/** One command to run. */
export interface AdminRequest {
  command: AdminCommand;
  arg?: string;
}

/** What a command printed and its exit code; `error` is what it says on stderr when it failed. */
export interface AdminReply {
  code: number;
  out: string[];
  error?: string;
}

export function isAdminCommand(command: string): command is AdminCommand {
  return (ADMIN_COMMANDS as readonly string[]).includes(command);
}

/** Dates in words in the server's locale ("4 Dec 2026, 14:05"), as the device names give theirs. */
const when = (ms: number | null) => (ms === null ? '-' : formatDateTime(ms));

const codeLines = (code: string, expiresAt: number) => [
  `Enrolment code: ${code}  (single use, expires ${when(expiresAt)})`,
  `Enter it with the server address in Gloss's options page, under "Sync your notes".`,
];

/** Runs one command against the database. Failures come back as a reply, never as a throw. */
export async function runAdminCommand(
  sql: Sql,
  { command, arg }: AdminRequest,
  now: number,
): Promise<AdminReply> {
  try {
    return await run(sql, command, arg, now);
  } catch (error) {
    return { code: 1, out: [], error: (error as Error).message };
  }
}

async function restamp(sql: Sql, userName: string | undefined, now: number): Promise<AdminReply> {
  const user = userName === undefined ? undefined : await findUser(sql, userName);
  if (userName !== undefined && !user)
    return { code: 1, out: [], error: `no user named or with id "${userName}"` };
  const { notes, fields } = await restampFutureClocks(sql, now, user?.id);
  return {
    code: 0,
    out: [
      notes === 0
        ? 'No note has a clock from the future.'
        : `Re-stamped ${fields} field${fields === 1 ? '' : 's'} of ${notes} note${notes === 1 ? '' : 's'} to server time; devices get them on their next sync.`,
    ],
  };
}

async function run(
  sql: Sql,
  command: AdminCommand,
  arg: string | undefined,
  now: number,
): Promise<AdminReply> {
  if (command === 'users') {
    const users = await listUsers(sql);
    return {
      code: 0,
      out: users.map(
        (u) => `${u.id}  ${u.name}  devices: ${u.devices}  notes: ${u.notes}  version: ${u.version}`,
      ),
    };
  }
  if (command === 'restamp-clocks') return restamp(sql, arg, now);
  if (!arg) return { code: 1, out: [], error: `${command} needs an argument\n\n${ADMIN_USAGE}` };
  if (command === 'create-user') {
    const user = await createUser(sql, arg, now);
    return {
      code: 0,
      out: [`Created user ${user.name} (${user.id}).`, ...codeLines(user.code, user.expiresAt)],
    };
  }
  if (command === 'revoke') {
    const revoked = await revokeDevice(sql, arg, now);
    return { code: revoked ? 0 : 1, out: [revoked ? `Revoked device ${arg}.` : `No active device ${arg}.`] };
  }
  const user = await findUser(sql, arg);
  if (!user) return { code: 1, out: [], error: `no user named or with id "${arg}"` };
  if (command === 'new-code') {
    const { code, expiresAt } = await issueCode(sql, user.id, now);
    return { code: 0, out: codeLines(code, expiresAt) };
  }
  const devices = await listDevices(sql, user.id);
  if (!devices.length) return { code: 0, out: [`${user.name} has no devices yet.`] };
  return {
    code: 0,
    out: devices.map(
      (d) =>
        `${d.id}  ${deviceLabel(d)}  last push ${when(d.lastPushAt)}` +
        (d.revokedAt === null ? '' : `  REVOKED ${when(d.revokedAt)}`),
    ),
  };
}
