import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/deps';
import { participationRoutes } from './participation.routes';
import { ParticipationService } from './participation.service';

/**
 * Registers the participation part of the events module (invitations, nominations, registration, check-in):
 * builds its service and its routes. Called once from app.ts.
 */
export async function registerParticipationModule(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  await app.register(participationRoutes, { participation: new ParticipationService(deps) });
}
