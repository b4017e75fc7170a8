/**
 * Schema version 2: a device token is bound to the client device id it first pushed as (issue 10). The
 * per-device mutation cursor is keyed by that id, which the client chooses; unbound, any token of the user
 * could push under another device's id. Null until the token's first push.
 * Append-only: never edit after release.
 */
import type { Migration } from './migration';

export const migration002: Migration = {
  version: 2,
  name: 'device-binding',
  statements: ['ALTER TABLE devices ADD COLUMN client_device_id text'],
};
