/**
 * The pages e2e tests visit, served from 127.0.0.1 on a free port (never any other address):
 *
 *   /fixtures/<file>  tests/fixtures/pages/<file>   (pages written for these tests)
 *   /corpus/<file>    ../shared/pages/<file>        (real saved pages; absent on some machines)
 *
 * Corpus `.md` files are RSS digests: Markdown lines (headings, list items) around embedded HTML. They are
 * served as HTML, each Markdown heading / list item / loose line turned into its own block element and the
 * embedded HTML passed through untouched. Serving the raw file as text/plain would show tags as text, and
 * wrapping it in `<pre>` would hide it from Gloss (pre is skipped); serving it raw as text/html renders the
 * embedded HTML but runs every item's heading, link and date into one anonymous text block, so context cues
 * from one news item would count for the next. `?raw=1` serves the file as it is (text/html) for comparison.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CORPUS_PAGES, FIXTURE_PAGES } from './paths';

/** A strict CSP that forbids every script and style of the page itself. */
export const STRICT_CSP = "default-src 'none'; style-src 'none'; script-src 'none'";

/** Options of `startServer`. */
export interface ServerOptions {
  /** Extra response headers by URL path, e.g. `{ '/fixtures/csp.html': { 'Content-Security-Policy': STRICT_CSP } }`. */
  headers?: Record<string, Record<string, string>>;
}

/** A running test server. */
export interface TestServer {
  /** Absolute URL of `path` (which starts with `/`). */
  url(path: string): string;
  /** The origin, `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /**
   * The port, which also works as an HTTP proxy that answers every request for another host with 404 (and
   * refuses CONNECT): a browser pointed at it loads real pages without ever reaching their third-party hosts.
   */
  readonly port: number;
  /**
   * From now on answers `path` with `html` (as UTF-8 HTML) instead of the file on disk; `null` goes back to
   * the file. Lets a spec show a page as it was later edited, at the same address.
   */
  serve(path: string, html: string | null): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const ROOTS: Record<string, string> = { '/fixtures/': FIXTURE_PAGES, '/corpus/': CORPUS_PAGES };

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain Markdown text as HTML: escaped, with `[text](url)` links turned into links as a Markdown viewer would. */
const inlineMarkdown = (s: string): string =>
  escapeHtml(s).replace(
    /\[([^\]]*)\]\(([^)\s]+)\)/g,
    (_m, text: string, href: string) => `<a href="${href}">${text}</a>`,
  );

/**
 * Just enough Markdown for the RSS digests: `#` headings, ` - ` list items and loose lines become block
 * elements and `[text](url)` a link; lines that are HTML stay as they are. Headings and list items are plain
 * text in these files, so they are escaped.
 */
export function markdownDigestToHtml(markdown: string, title: string): string {
  const out: string[] = [];
  let isInList = false;
  for (const line of markdown.split(/\r?\n/)) {
    const item = /^\s*- (.*)$/.exec(line);
    if (!item && isInList) {
      out.push('</ul>');
      isInList = false;
    }
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) out.push(`<h${heading[1]!.length}>${inlineMarkdown(heading[2]!)}</h${heading[1]!.length}>`);
    else if (item) {
      if (!isInList) out.push('<ul>');
      isInList = true;
      out.push(`<li>${inlineMarkdown(item[1]!)}</li>`);
    } else if (/^\s*</.test(line)) out.push(line);
    else if (line.trim() !== '') out.push(`<p>${inlineMarkdown(line)}</p>`);
  }
  if (isInList) out.push('</ul>');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n${out.join('\n')}\n</body></html>\n`;
}

/** Maps a URL path to a file under one of the roots, refusing anything that climbs out of it. */
function fileFor(pathname: string): string | undefined {
  for (const [prefix, root] of Object.entries(ROOTS)) {
    if (!pathname.startsWith(prefix)) continue;
    const rel = normalize(decodeURIComponent(pathname.slice(prefix.length)));
    if (rel.startsWith('..') || rel.includes(`${sep}..`)) return undefined;
    return join(root, rel);
  }
  return undefined;
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: ServerOptions,
  served: ReadonlyMap<string, string>,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  // An absolute URL is a proxied request for another host (see `proxyForOtherHosts`): it gets nothing.
  const file = req.url?.startsWith('/') ? fileFor(url.pathname) : undefined;
  const extra = options.headers?.[url.pathname] ?? {};
  // No caching: a reload must fetch the page again, as a user's reload would.
  const common = { 'Cache-Control': 'no-store', ...extra };
  const html = req.url?.startsWith('/') ? served.get(url.pathname) : undefined;
  if (html !== undefined) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...common }).end(html);
    return;
  }
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...common }).end('not found');
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...common }).end('not found');
    return;
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.md') {
    const html = url.searchParams.has('raw')
      ? body.toString('utf8')
      : markdownDigestToHtml(body.toString('utf8'), url.pathname.split('/').pop() ?? '');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...common }).end(html);
    return;
  }
  // HTML goes out without a charset so the browser honours the page's own <meta charset> (some corpus pages
  // are not UTF-8).
  res.writeHead(200, { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', ...common }).end(body);
}

/** Starts a server on 127.0.0.1 and a free port. */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const served = new Map<string, string>();
  const server = createServer((req, res) => {
    handle(req, res, options, served).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(e));
    });
  });
  // HTTPS through the proxy starts with CONNECT: refuse it, so pages' third-party resources fail at once.
  server.on('connect', (_req, socket) => socket.end('HTTP/1.1 403 Forbidden\r\n\r\n'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (path) => `${origin}${path}`,
    serve(path, html) {
      if (html === null) served.delete(path);
      else served.set(path, html);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
