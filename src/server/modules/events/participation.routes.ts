import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, okSchema } from '@/contracts/common';
import {
  candidateListSchema, candidatesQuerySchema, declineInputSchema, invitationInputSchema, invitationListSchema, invitationParams, invitationPatchSchema,
  invitationSchema, myParticipationSchema, nominationInputSchema, participantListQuerySchema, participantListSchema, participantParams, participantSchema,
  registrationInputSchema,
} from '@/contracts/participation';
import { problems } from '../../platform/http/responses';
import type { ParticipationService } from './participation.service';

export interface ParticipationRoutesOptions {
  participation: ParticipationService;
}

/** Invitations, nominations, registration, waitlist and check-in of one event. Thin: the service decides. */
export const participationRoutes: FastifyPluginAsyncZod<ParticipationRoutesOptions> = async (app, { participation: s }) => {
  const tags = ['participation'];
  const base = '/api/events/:id';

  app.get(`${base}/invitations`, { schema: { tags, summary: 'Invitations of an event and the Members’ quotas (secretariat: all; coordinator: their Members)', params: idParam, response: { 200: invitationListSchema, ...problems(401, 403, 404) } } }, (req) => s.invitations(req.ctx, req.params.id));
  app.post(`${base}/invitations`, { schema: { tags, summary: 'Invite a Member (with a quota), an agency or a user', params: idParam, body: invitationInputSchema, response: { 201: invitationSchema, ...problems(400, 401, 403, 404, 409) } } }, async (req, reply) => reply.status(201).send(await s.invite(req.ctx, req.params.id, req.body)));
  app.patch(`${base}/invitations/:invitationId`, { schema: { tags, summary: 'Change the quota of an invitation', params: invitationParams, body: invitationPatchSchema, response: { 200: invitationSchema, ...problems(400, 401, 403, 404, 409) } } }, (req) => s.updateInvitation(req.ctx, req.params.id, req.params.invitationId, req.body));
  app.delete(`${base}/invitations/:invitationId`, { schema: { tags, summary: 'Remove an invitation', params: invitationParams, response: { 200: okSchema, ...problems(401, 403, 404) } } }, async (req) => {
    await s.removeInvitation(req.ctx, req.params.id, req.params.invitationId);
    return { ok: true as const };
  });

  app.get(`${base}/candidates`, { schema: { tags, summary: 'People a coordinator may nominate for a Member: directory people and hub accounts', params: idParam, querystring: candidatesQuerySchema, response: { 200: candidateListSchema, ...problems(400, 401, 403, 404) } } }, (req) => s.candidates(req.ctx, req.params.id, req.query));
  app.get(`${base}/participants`, { schema: { tags, summary: 'Participants as the viewer may see them (secretariat: all; coordinator: their Members; registered participants: those who agreed to be listed)', params: idParam, querystring: participantListQuerySchema, response: { 200: participantListSchema, ...problems(401, 403, 404) } } }, (req) => s.list(req.ctx, req.params.id, req.query));
  app.post(`${base}/participants`, { schema: { tags, summary: 'Nominate a participant for a Member, within its quota', params: idParam, body: nominationInputSchema, response: { 201: participantSchema, ...problems(400, 401, 403, 404, 409) } } }, async (req, reply) => reply.status(201).send(await s.nominate(req.ctx, req.params.id, req.body)));
  app.post(`${base}/participants/:participantId/approve`, { schema: { tags, summary: 'Approve a nomination (waitlisted when the event is full)', params: participantParams, response: { 200: participantSchema, ...problems(401, 403, 404, 409) } } }, (req) => s.approve(req.ctx, req.params.id, req.params.participantId));
  app.post(`${base}/participants/:participantId/decline`, { schema: { tags, summary: 'Decline a nomination or a participant (frees their place)', params: participantParams, body: declineInputSchema, response: { 200: participantSchema, ...problems(400, 401, 403, 404, 409) } } }, (req) => s.decline(req.ctx, req.params.id, req.params.participantId, req.body));
  app.post(`${base}/participants/:participantId/cancel`, { schema: { tags, summary: 'Withdraw a nomination or cancel a participation (secretariat, or the coordinator of its Member)', params: participantParams, response: { 200: participantSchema, ...problems(401, 403, 404, 409) } } }, (req) => s.cancel(req.ctx, req.params.id, req.params.participantId));
  app.post(`${base}/participants/:participantId/check-in`, { schema: { tags, summary: 'Check a registered participant in', params: participantParams, response: { 200: participantSchema, ...problems(401, 403, 404, 409) } } }, (req) => s.checkIn(req.ctx, req.params.id, req.params.participantId, true));
  app.delete(`${base}/participants/:participantId/check-in`, { schema: { tags, summary: 'Undo a check-in', params: participantParams, response: { 200: participantSchema, ...problems(401, 403, 404, 409) } } }, (req) => s.checkIn(req.ctx, req.params.id, req.params.participantId, false));

  app.get(`${base}/registration`, { schema: { tags, summary: 'My participation in an event', params: idParam, response: { 200: myParticipationSchema, ...problems(401, 404) } } }, (req) => s.mine(req.ctx, req.params.id));
  app.put(`${base}/registration`, { schema: { tags, summary: 'Register (or change my consent to appear on the participant list)', params: idParam, body: registrationInputSchema, response: { 200: myParticipationSchema, ...problems(400, 401, 403, 404, 409) } } }, (req) => s.register(req.ctx, req.params.id, req.body));
  app.delete(`${base}/registration`, { schema: { tags, summary: 'Cancel my participation (frees my place for the waitlist)', params: idParam, response: { 200: myParticipationSchema, ...problems(401, 404, 409) } } }, (req) => s.unregister(req.ctx, req.params.id));
};
