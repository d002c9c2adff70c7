import type { Caller } from '@/server/permission-row';
import type { Agent, TestHub } from '../helpers/hub';

/** A valid request for a route, so that an allowed caller gets past validation to the permission check. */
export interface Probe {
  url: string;
  body?: unknown;
}

export interface ProbeContext {
  hub: TestHub;
  /** One signed-in agent per caller (the coordinator's scope is THA; the official's is THA too). */
  agents: Record<Caller, Agent>;
  /** 'in': the coordinator acts inside their Members (THA); 'out': outside (FJI). */
  scope: 'in' | 'out';
  /** The Member the request should concern: THA for 'in', FJI for 'out'. */
  member: string;
  /** Who will send the request. */
  caller: Caller;
}

/** Returns the probe for routes of its module, undefined for any other route. */
export type ModuleProbe = (route: string, ctx: ProbeContext) => Promise<Probe | undefined>;
