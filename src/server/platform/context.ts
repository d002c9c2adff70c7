import type { Role } from '@/contracts/roles';

/** Who is acting, as the services see them. */
export interface Actor {
  id: string;
  role: Role;
  memberScopes: readonly string[];
  sessionId: string;
  /** The role requires two-factor authentication and it is not set up yet: only enrolment is allowed. */
  mustEnrollTotp: boolean;
}

/** What a service needs to know about the request: never the request object itself. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  ip: string;
  userAgent: string;
}
