/**
 * Command-line flags for Debian's Chromium with Gloss loaded unpacked, shared by `npm start` and the
 * end-to-end harness. Without the background-networking flags Chromium keeps trying hosts this machine
 * cannot reach; `--no-sandbox` is needed when running as root.
 */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}
