/**
 * The benchmark's web server: serves the saved pages and the generated append page on 127.0.0.1 only
 * (never any other address), on a port the OS picks. Chromium is told to resolve no other host, so the
 * pages' third-party assets fail at once and the machine never reaches out.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { appendPageHtml } from './append-page';

/** A running server and its base URL (`http://127.0.0.1:<port>/`). */
export interface BenchServer {
  base: string;
  close(): Promise<void>;
}

/** Starts the server. `/pages/<file>` reads from `corpusDir`; `/append.html[?static]` is generated. */
export async function startServer(corpusDir: string): Promise<BenchServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = respond(url, corpusDir);
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

function respond(url: URL, corpusDir: string): string | Buffer | undefined {
  if (url.pathname === '/append.html') return appendPageHtml(url.searchParams.has('static'));
  const name = url.pathname.startsWith('/pages/') ? url.pathname.slice('/pages/'.length) : '';
  // Plain file names only: nothing outside the corpus folder is ever served.
  if (!/^[\w.-]+$/.test(name)) return undefined;
  try {
    return readFileSync(join(corpusDir, name));
  } catch {
    return undefined;
  }
}
