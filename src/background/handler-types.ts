/** The shape of a request handler, shared by the handler tables. */
import type { Runtime } from '../platform/browser';
import type { RequestArgs, RequestName, RequestReply } from '../shared/protocol';

/** A handler: validated arguments and the sender in, the reply value out. */
export type Handler<K extends RequestName> = (
  args: RequestArgs<K>,
  sender: Runtime.MessageSender,
) => Promise<RequestReply<K>>;

/** Handlers for a set of requests. */
export type HandlerTable<K extends RequestName> = { [P in K]: Handler<P> };
