/**
 * The one interface the e2e specs drive, implemented for Chromium (Playwright, CDP) in `chromium.ts` and for
 * Firefox (Puppeteer, WebDriver BiDi) in `firefox.ts`, so every spec runs unchanged in both browsers.
 *
 *   spec ──▶ GlossBrowser.open(url) ──▶ TestPage (main-world evaluate, real pointer and keyboard input,
 *                                                 the card read through the accessibility tree)
 *        ──▶ GlossBrowser.openPopup(page) ──▶ ExtensionPage (the toolbar popup opened as a tab)
 *
 * Everything a spec asserts is read the way a page script or assistive technology could read it: highlights
 * from `CSS.highlights` in the main world, the card (inside a CLOSED shadow root) from the accessibility tree.
 */

/** The browsers the specs run in. */
export type BrowserName = 'chromium' | 'firefox';

/** Both browsers, or the ones named in `GLOSS_E2E_BROWSERS` (comma-separated), for a quicker local run. */
export function browsersUnderTest(): BrowserName[] {
  const wanted = process.env.GLOSS_E2E_BROWSERS?.split(',').map((s) => s.trim());
  const all: BrowserName[] = ['chromium', 'firefox'];
  return wanted ? all.filter((b) => wanted.includes(b)) : all;
}

/** The viewport size both drivers open pages with, in CSS pixels. */
export const VIEWPORT = { width: 1280, height: 800 } as const;

/** A box in CSS pixels, relative to the viewport. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A point in CSS pixels, relative to the viewport. */
export interface Point {
  x: number;
  y: number;
}

/** What the open card shows, as the accessibility tree exposes it. */
export interface CardSnapshot {
  /** The dialog's accessible name, e.g. "Gloss: Huawei". */
  name: string;
  /** All text inside the dialog, in order, whitespace collapsed. */
  text: string;
  /** The text of each quoted passage (`blockquote`). */
  quotes: string[];
  /** Accessible names of the buttons. */
  buttons: string[];
  /** Accessible names of the links. */
  links: string[];
  /** Whether keyboard focus is on the dialog or inside it. */
  hasFocus: boolean;
  /** The dialog's box. */
  rect: Rect;
}

/** A console message or an uncaught error, from any frame and any world of a page (content scripts included). */
export interface ConsoleEntry {
  /** `console` for console API calls and browser messages, `pageerror` for uncaught exceptions and rejections. */
  kind: 'console' | 'pageerror';
  /** The console level: `error`, `warning`, `info`, `log`, `debug`… (`error` for page errors). */
  level: string;
  text: string;
  /** The script (or resource) the message came from, when the browser says; '' otherwise. */
  url: string;
  /** The stack, when there is one; '' otherwise. */
  stack: string;
}

/** A web page opened in a tab. */
export interface TestPage {
  /** The URL the page was opened at. */
  readonly url: string;
  /** Evaluates a JavaScript expression in the page's main world (a promise is awaited; the result must be JSON). */
  evaluate<T>(expression: string): Promise<T>;
  /** Moves the mouse pointer to (x, y) in `steps` intermediate moves. */
  mouseMove(point: Point, steps?: number): Promise<void>;
  /** Clicks at (x, y). */
  click(point: Point): Promise<void>;
  /** Presses a key or a chord such as "Escape", "Tab" or "Alt+Shift+KeyJ" (DOM `code` names for letters). */
  press(chord: string): Promise<void>;
  /** Types `text` with the keyboard, one key press per character, into whatever has focus. */
  typeText(text: string): Promise<void>;
  /**
   * The card that is open on the page, or null: the dialog inside Gloss's UI, whatever it shows (an entity
   * card "Gloss: …", a note card "Note", the editor "New note"). Dialogs of the page itself never count.
   */
  card(): Promise<CardSnapshot | null>;
  /**
   * The card open inside a same-origin child frame (the `<iframe>` matched by `iframeSelector` in this page),
   * or null: each frame's content script puts its own `<gloss-ui>` host in the frame's document.
   */
  frameCard(iframeSelector: string): Promise<CardSnapshot | null>;
  /** Console messages and uncaught errors of this page and its frames since it was opened, in order. */
  consoleEntries(): ConsoleEntry[];
  /**
   * Clicks, with the mouse, the first element in the card with this role ("button", "link", "radio",
   * "textbox") and accessible name.
   */
  clickInCard(role: string, name: string): Promise<void>;
  /**
   * The box of the first element with this role and accessible name anywhere in Gloss's UI (its closed
   * shadow root), card or not, such as the "Add note" button beside a selection; null when there is none.
   */
  boxInGloss(role: string, name: string): Promise<Rect | null>;
  /** Clicks, with the mouse, the element `boxInGloss` finds; throws when there is none. */
  clickInGloss(role: string, name: string): Promise<void>;
  /** A PNG of part of the viewport. */
  screenshot(clip: Rect): Promise<Buffer>;
  /** Reloads the page and waits for it to load. */
  reload(): Promise<void>;
  /** The tab id the extension APIs use for this page. */
  tabId(): Promise<number>;
  /** Makes this tab the active one (hover and focus events reach only the visible tab in some browsers). */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** A file the browser saved from a download. */
export interface DownloadedFile {
  /** The file name the page asked for (`<a download="…">`). */
  filename: string;
  /** The file's content, as UTF-8 text. */
  text: string;
}

/** An extension page (popup, options, dashboard) opened in a tab. */
export interface ExtensionPage {
  /** Evaluates an expression in the page (which has the extension APIs as `chrome` / `browser`). */
  evaluate<T>(expression: string): Promise<T>;
  /** Clicks the element with this ARIA role and accessible name, through the browser's accessibility tree. */
  clickByRole(role: string, name: string): Promise<void>;
  /** Types `text` with the keyboard, one key press per character, into whatever has focus. */
  typeText(text: string): Promise<void>;
  /**
   * Clicks the element with this role and name (a button that opens a file picker) and answers the file
   * picker that opens with the file at `path`, as a user choosing it would.
   */
  chooseFile(role: string, name: string, path: string): Promise<void>;
  /**
   * Clicks the element with this role and name and waits for the download it starts; returns the saved
   * file. The browser saves it without asking, into a folder of the test profile.
   */
  download(role: string, name: string): Promise<DownloadedFile>;
  close(): Promise<void>;
}

/** A browser with the built extension installed. */
export interface GlossBrowser {
  readonly name: BrowserName;
  /** Opens `url` in a new tab and waits for its load event. */
  open(url: string): Promise<TestPage>;
  /** The extension's origin, `chrome-extension://<id>` or `moz-extension://<uuid>` (no trailing slash). */
  readonly extensionOrigin: string;
  /** Opens the toolbar popup for `page`'s tab as an ordinary tab (`popup.html?tabId=N`). */
  openPopup(page: TestPage): Promise<ExtensionPage>;
  /** Opens an extension page (such as `dashboard.html`, optionally with a query) in a new tab. */
  openExtensionPage(path: string): Promise<ExtensionPage>;
  /** The toolbar badge text of `page`'s tab. */
  badgeText(page: TestPage): Promise<string>;
  /** URLs of the extension pages open in tabs (options, reader, popup opened as a tab). */
  extensionPageUrls(): Promise<string[]>;
  close(): Promise<void>;
}

/** The first script URL in a stack trace (without its line and column), or ''. */
export function firstStackUrl(stack: string): string {
  const m = /\b(?:https?|chrome-extension|moz-extension|file):\/\/[^\s()]+/.exec(stack);
  return m ? m[0].replace(/(?::\d+){1,2}$/, '') : '';
}

/** Splits a chord such as "Alt+Shift+KeyJ" into modifiers and the key. */
export function splitChord(chord: string): { modifiers: string[]; key: string } {
  const parts = chord.split('+');
  const key = parts.pop() ?? '';
  return { modifiers: parts, key };
}
