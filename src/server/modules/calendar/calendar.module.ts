import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';
import { calendarRoutes } from './calendar.routes';
import { CalendarService } from './calendar.service';

/**
 * Registers the calendar module (.ics files and feeds). Called once from app.ts.
 */
export async function registerCalendarModule(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  await app.register(calendarRoutes, { calendar: new CalendarService(deps) });
}
