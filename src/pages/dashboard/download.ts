/** Saving text the background produced (an export) as a file the browser downloads. */

/**
 * How long the object URL stays valid. Revoking it right after `click()` can cancel the download in some
 * browsers (FileSaver.js learned this the hard way and waits 40 s); the blob is small, so waiting costs little.
 */
const REVOKE_AFTER_MS = 30_000;

/**
 * Downloads `text` as `filename`. A temporary `<a download>` rather than `downloads.download`, which would
 * need the "downloads" permission for something an ordinary link can do.
 */
export function downloadText(filename: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
