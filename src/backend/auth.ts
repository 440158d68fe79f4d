/** What a terminal asks the backend (an authorisation request) and what it gets back. */

export type AuthMode = 'online' | 'deferred' | 'risk-based';

export interface AuthRequest {
  mode: AuthMode;
  valueCents: number;
  requestId: number;
}

export type AuthCause = 'ok' | 'timeout' | 'declined' | 'overload';

export interface AuthResult {
  approved: boolean;
  offlineAccepted: boolean;
  /** From the authorise call to this result, ns. */
  responseNs: number;
  cause: AuthCause;
}
