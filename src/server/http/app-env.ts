/** The per-request values middleware hands to handlers, typed once for the whole app. */
import type { Principal } from '../accounts/enrol';

export interface AppEnv {
  Variables: {
    /** Set by the bearer-token check on authenticated routes. */
    principal?: Principal;
  };
}
