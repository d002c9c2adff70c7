import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';
import { AgendaService } from './agenda.service';
import { eventsRoutes } from './events.routes';
import { EventsService } from './events.service';

/**
 * Registers the events module: builds its services, registers its jobs (before startJobs) and its routes.
 * Called once from app.ts.
 */
export async function registerEventsModule(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const events = new EventsService(deps);
  await app.register(eventsRoutes, { events, agenda: new AgendaService(deps, events) });
}
