/**
 * What the sync spec needs: the real sync server (src/server) in this process on 127.0.0.1, on a PGlite
 * data folder of its own that survives a stop and a restart on the same port (a server that went down and
 * came back); and the options page's "Sync your notes" section and the page's note card driven as a reader
 * drives them, with the real mouse and keyboard.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser, issueCode } from '../../../src/server/accounts/users';
import type { Sql } from '../../../src/server/db/sql';
import type { LogEntry } from '../../../src/server/http/log';
import { type RunningServer, startServer } from '../../../src/server/main';
import type { SyncStatus } from '../../../src/shared/protocol';
import { hoverMention, resetCard, waitForCard } from './actions';
import type { ExtensionPage, TestPage } from './driver';
import { COLOUR_NAMES, type Colour, NOTE_UI, requestFrom } from './notes';
import { waitFor } from './page-scripts';

/** The sync section's words (extension/_locales/en/messages.json, `sync…` keys). */
export const SYNC_UI = {
  serverAddress: 'Server address',
  code: 'Enrolment code',
  connect: 'Connect',
  syncNow: 'Sync now',
  syncing: 'Syncing…',
  connectedTo: (url: string) => `Connected to ${url}`,
  allSent: 'Every change has been sent',
  waiting: (n: number) => `${n} ${n === 1 ? 'change' : 'changes'} waiting to be sent`,
  offline: 'Could not reach the sync server (offline, or the server is down). Gloss will try again.',
  revoked:
    'This device was disconnected by the server (token revoked). Your notes are still here. To sync again, connect with a new enrolment code.',
} as const;

/** The sync server on a temporary PGlite folder, stopped and started again on the same port at will. */
export class LocalSyncServer {
  /** Every log line the server wrote (requests, start, stop), for a failure's message. */
  readonly logs: LogEntry[] = [];
  private running: RunningServer | undefined;
  private port = 0;

  private constructor(private readonly dataDir: string) {}

  /** Starts a server on a free port and an empty data folder. */
  static async start(): Promise<LocalSyncServer> {
    const server = new LocalSyncServer(mkdtempSync(join(tmpdir(), 'gloss-e2e-sync-')));
    await server.restart();
    return server;
  }

  /** `http://127.0.0.1:<port>`, the address a reader types. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts it again (after `stop`) on the same data folder and port. */
  async restart(): Promise<void> {
    if (this.running) throw new Error('the sync server is already running');
    this.running = await startServer(
      // Only what the server reads: never the DATABASE_URL of the environment running the tests.
      { HOST: '127.0.0.1', PORT: String(this.port), GLOSS_DATA_DIR: this.dataDir },
      (entry) => this.logs.push(entry),
    );
    this.port = Number(new URL(this.running.url).port);
  }

  /** Stops listening and closes the database, as a server going down does. */
  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.close();
  }

  /** The running server's database, to check what it stored. */
  get sql(): Sql {
    if (!this.running) throw new Error('the sync server is not running');
    return this.running.sql;
  }

  /** Creates a user and one single-use enrolment code per device, as the CLI prints them. */
  async enrolUser(userName: string, devices: number): Promise<{ userId: string; codes: string[] }> {
    const user = await createUser(this.sql, userName, Date.now());
    const codes = [user.code];
    while (codes.length < devices) codes.push((await issueCode(this.sql, user.id, Date.now())).code);
    return { userId: user.id, codes };
  }

  /** Requests the server answered with an error status (4xx, 5xx), as "METHOD path status". */
  failedRequests(): string[] {
    return this.logs
      .filter((e) => e.msg === 'request' && Number(e.status) >= 400)
      .map((e) => `${String(e.method)} ${String(e.path)} ${String(e.status)}`);
  }

  /** Stops it and deletes its data folder. */
  async dispose(): Promise<void> {
    try {
      await this.stop();
    } finally {
      rmSync(this.dataDir, { recursive: true, force: true });
    }
  }
}

/** The text of the options page's "Sync your notes" section, whitespace collapsed. */
export const readSyncSection = (options: ExtensionPage): Promise<string> =>
  options.evaluate(`(() => {
    const section = document.querySelector('section[aria-labelledby="sync-heading"]');
    return section ? section.innerText.replace(/\\s+/g, ' ').trim() : '';
  })()`);

/** Waits until the sync section shows every one of `lines`; returns its text. */
export const waitForSyncSection = (options: ExtensionPage, lines: readonly string[], what: string) =>
  waitFor(
    () => readSyncSection(options),
    (text) => lines.every((line) => text.includes(line)),
    { what, timeoutMs: 15_000 },
  );

/** The background's sync status, as the options page asks for it. */
export const syncStatus = (options: ExtensionPage): Promise<SyncStatus> =>
  requestFrom(options, 'getSyncStatus', {});

/**
 * Types the server address (`typed`, or `url` itself) and the code into the connect form and clicks Connect;
 * waits for "Connected to <url>".
 */
export async function connectThroughOptions(
  options: ExtensionPage,
  url: string,
  code: string,
  typed = url,
): Promise<string> {
  await options.clickByRole('textbox', SYNC_UI.serverAddress);
  await options.typeText(typed);
  await options.clickByRole('textbox', SYNC_UI.code);
  await options.typeText(code);
  await options.clickByRole('button', SYNC_UI.connect);
  return waitForSyncSection(
    options,
    [SYNC_UI.connectedTo(url)],
    `the options page to say it is connected to ${url}`,
  );
}

/**
 * Clicks "Sync now" and waits until the request has come back: the button reads "Sync now" again (it reads
 * "Syncing…", disabled, from the click until the background answers) and no cycle is running. Returns the
 * section's text.
 */
export async function syncNowThroughOptions(options: ExtensionPage): Promise<string> {
  await options.clickByRole('button', SYNC_UI.syncNow);
  await waitFor(
    async () => ({
      isButtonReady: await options.evaluate<boolean>(
        `[...document.querySelectorAll('.sync-buttons button')].some((b) => b.textContent === ${JSON.stringify(SYNC_UI.syncNow)} && !b.disabled)`,
      ),
      isSyncing: (await syncStatus(options)).isSyncing,
    }),
    (s) => s.isButtonReady && !s.isSyncing,
    { what: '"Sync now" to finish', timeoutMs: 20_000 },
  );
  return readSyncSection(options);
}

/** A change made in a note's card on the page: any of its text, colour and tags. */
export interface NoteChange {
  body?: string;
  colour?: Colour;
  tags?: readonly string[];
}

/** Opens the card of the note highlighted in `highlight` (the first range) by resting the pointer on it. */
async function openNoteCard(page: TestPage, highlight: string): Promise<void> {
  await hoverMention(page, highlight);
  await waitForCard(page, `the note card of ${highlight}`, (c) => c.name === NOTE_UI.noteCard);
}

/** Replaces the text of the focused field: select all, then type. */
async function replaceText(page: TestPage, text: string): Promise<void> {
  await page.press('Control+KeyA');
  if (text === '') await page.press('Backspace');
  else await page.typeText(text);
}

/** Edits a note in its card on the page (Edit, change, Save), as a reader does; waits for the card to show it. */
export async function editNoteOnPage(page: TestPage, highlight: string, change: NoteChange): Promise<void> {
  await openNoteCard(page, highlight);
  await page.clickInCard('button', 'Edit');
  await waitForCard(page, 'the editor in the note card', (c) => c.buttons.includes(NOTE_UI.save));
  if (change.body !== undefined) {
    await page.clickInCard('textbox', 'Note');
    await replaceText(page, change.body);
  }
  if (change.colour !== undefined) await page.clickInCard('radio', COLOUR_NAMES[change.colour]);
  if (change.tags !== undefined) {
    await page.clickInCard('textbox', 'Tags');
    await replaceText(page, change.tags.join(', '));
  }
  await page.clickInCard('button', NOTE_UI.save);
  await waitForCard(
    page,
    'the note card to show the saved note',
    (c) => !c.buttons.includes(NOTE_UI.save) && (change.body === undefined || c.text.includes(change.body)),
  );
  await resetCard(page);
}

/** Deletes a note with the Delete button of its card on the page; waits for "Note deleted." and Undo. */
export async function deleteNoteOnPage(page: TestPage, highlight: string): Promise<void> {
  await openNoteCard(page, highlight);
  await page.clickInCard('button', 'Delete');
  await waitForCard(page, 'the card to confirm the deletion', (c) => c.buttons.includes('Undo'));
  await resetCard(page);
}
