/**
 * The authenticated live sockets of this process, by user, and delivery of "changed at version N" to them.
 * Holds no state of record: a restart drops every socket and the clients reconnect (live-server.ts).
 */
import type { LiveServerMessage } from '../../shared/sync/live-wire';

/** What the hub needs of a socket. */
export interface LivePeer {
  userId: string;
  /** The server's device row, so a push is not announced back to the device that made it. */
  deviceId: string;
  tokenHash: string;
  send(message: LiveServerMessage): void;
}

/** A push that committed: who pushed and the user's version after it. */
export interface PushedChange {
  userId: string;
  deviceId: string;
  version: number;
}

export class LiveHub {
  private readonly byUser = new Map<string, Set<LivePeer>>();

  constructor(readonly socketsPerUser: number) {}

  /** Adds an authenticated peer; false when its user already has as many as allowed. */
  add(peer: LivePeer): boolean {
    const peers = this.byUser.get(peer.userId) ?? new Set();
    if (peers.size >= this.socketsPerUser) return false;
    peers.add(peer);
    this.byUser.set(peer.userId, peers);
    return true;
  }

  remove(peer: LivePeer): void {
    const peers = this.byUser.get(peer.userId);
    if (!peers?.delete(peer)) return;
    if (peers.size === 0) this.byUser.delete(peer.userId);
  }

  /** Tells the user's other devices; returns how many sockets were told. */
  deliver(change: PushedChange): number {
    let told = 0;
    for (const peer of this.byUser.get(change.userId) ?? []) {
      if (peer.deviceId === change.deviceId) continue;
      peer.send({ type: 'changed', version: change.version });
      told += 1;
    }
    return told;
  }

  /** Every authenticated peer (for the periodic revocation check). */
  peers(): LivePeer[] {
    return [...this.byUser.values()].flatMap((set) => [...set]);
  }

  /** Users with at least one socket here. */
  users(): string[] {
    return [...this.byUser.keys()];
  }

  get size(): number {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }
}
