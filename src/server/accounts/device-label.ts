/**
 * A device as the administrator reads it in the CLI: "Chrome 156 on Linux, added 4 Dec 2026, 14:05". The
 * name tells two browsers on one computer apart; the date tells two enrolments of one browser apart.
 */
import { type DateFormatOptions, formatDateTime } from '../../shared/format-date';

/** How a device enrolled without a name (by a client that sent none) is listed. */
export const UNNAMED_DEVICE = 'Unnamed device';

/** "<name>, added <date and time in words>", in the server's locale unless `options` say otherwise. */
export function deviceLabel(
  device: { name: string; createdAt: number },
  options?: DateFormatOptions,
): string {
  return `${device.name.trim() || UNNAMED_DEVICE}, added ${formatDateTime(device.createdAt, options)}`;
}
