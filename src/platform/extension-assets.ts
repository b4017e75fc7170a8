/** Reads files packaged with the extension, such as the compiled knowledge base. */
import { browser } from './browser';

/** Fetches and parses a JSON file from the extension's own package. */
export async function loadPackagedJson<T>(path: string): Promise<T> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`could not read ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The URL of a file in the extension's package. */
export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}
