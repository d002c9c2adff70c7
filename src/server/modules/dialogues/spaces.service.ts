import type { z } from 'zod';
import type { MemberCandidate, Space, SpaceList, SpaceMember, spaceInputSchema, spaceMemberInputSchema, spacePatchSchema } from '@/contracts/dialogues';
import type { Actor, RequestContext } from '../../platform/context';
import { newId } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import { errors } from '../../platform/errors';
import { requireActor } from '../../platform/permissions';
import { standing } from './dialogues.access';
import { canManageSpaces, canModerate, type SpaceStanding } from './dialogues.policy';
import { dialoguesRepository as repo } from './dialogues.repository';
import type { DialogueSpacesTable } from './dialogues.tables';
import { saveFollow } from './reading';

type Out<T extends z.ZodType> = z.output<T>;

/** Spaces (by theme, working group or event), their member lists and moderators, and following a space. */
export class SpacesService {
  constructor(private readonly d: PlatformDeps) {}

  async listSpaces(ctx: RequestContext): Promise<SpaceList> {
    const actor = requireActor(ctx);
    const spaces = await repo.visibleSpaces(this.d.db, actor);
    return { items: await this.present(actor, spaces), canCreate: canManageSpaces(actor) };
  }

  async getSpace(ctx: RequestContext, spaceId: string): Promise<Space> {
    const actor = requireActor(ctx);
    const { space } = await standing(this.d.db, actor, spaceId);
    const [out] = await this.present(actor, [space]);
    if (!out) throw errors.notFound('The space');
    return out;
  }

  private async present(actor: Actor, spaces: DialogueSpacesTable[]): Promise<Space[]> {
    if (spaces.length === 0) return [];
    const db = this.d.db;
    const ids = spaces.map((s) => s.id);
    const roles = await repo.memberRoles(db, actor.id, ids);
    const follows = await repo.followedOf(db, actor.id, 'space', ids);
    const events = await repo.eventTitles(db, spaces.map((s) => s.event_id).filter((e): e is string => !!e));
    const out: Space[] = [];
    for (const s of spaces) {
      const inSpace: SpaceStanding = { space: s, role: (roles.get(s.id) as SpaceStanding['role']) ?? null };
      const moderator = canModerate(actor, inSpace);
      const counts = await repo.threadCounts(db, actor.id, s.id, moderator);
      out.push({
        id: s.id, name: s.name, description: s.description, kind: s.kind as Space['kind'], themeCode: s.theme_code, workingGroupCode: s.working_group_code,
        event: s.event_id ? { id: s.event_id, title: events.get(s.event_id) ?? '' } : null,
        access: s.access as Space['access'], threadCount: Number(counts.threads), unreadThreads: Number(counts.unread ?? 0),
        following: follows.has(s.id), canModerate: moderator, canManage: canManageSpaces(actor), canPost: true,
      });
    }
    return out;
  }

  async createSpace(ctx: RequestContext, input: Out<typeof spaceInputSchema>): Promise<Space> {
    const actor = requireActor(ctx);
    if (!canManageSpaces(actor)) throw errors.forbidden('Only the secretariat creates spaces.');
    const values = await this.checkLinks(input);
    const now = this.d.clock.now().toISOString();
    const space: DialogueSpacesTable = { id: newId(), name: input.name, description: input.description, access: input.access, ...values, created_by: actor.id, created_at: now, updated_at: now };
    await this.d.db.transaction().execute(async (trx) => {
      await repo.insertSpace(trx, space);
      await this.d.audit.record(trx, ctx, { action: 'dialogue.space_created', entity: 'dialogue_space', entityId: space.id, after: { ...space } });
    });
    return this.getSpace(ctx, space.id);
  }

  /** The theme, working group or event the space is about, which must exist. */
  private async checkLinks(input: Out<typeof spaceInputSchema>): Promise<Pick<DialogueSpacesTable, 'kind' | 'theme_code' | 'working_group_code' | 'event_id'>> {
    const db = this.d.db;
    if (input.kind === 'theme') {
      if (!input.themeCode || !(await repo.themeExists(db, input.themeCode))) throw errors.field('themeCode', 'Choose one of the shared concerns.');
      return { kind: 'theme', theme_code: input.themeCode, working_group_code: null, event_id: null };
    }
    if (input.kind === 'working_group') {
      if (!input.workingGroupCode || !(await repo.workingGroupExists(db, input.workingGroupCode))) throw errors.field('workingGroupCode', 'Choose a working group.');
      return { kind: 'working_group', theme_code: null, working_group_code: input.workingGroupCode, event_id: null };
    }
    if (!input.eventId || !(await repo.eventExists(db, input.eventId))) throw errors.field('eventId', 'Choose an event.');
    return { kind: 'event', theme_code: null, working_group_code: null, event_id: input.eventId };
  }

  async updateSpace(ctx: RequestContext, spaceId: string, patch: Out<typeof spacePatchSchema>): Promise<Space> {
    const actor = requireActor(ctx);
    if (!canManageSpaces(actor)) throw errors.forbidden('Only the secretariat changes spaces.');
    const { space } = await standing(this.d.db, actor, spaceId);
    const changes = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.access !== undefined ? { access: patch.access } : {}),
    };
    await this.d.db.transaction().execute(async (trx) => {
      await repo.updateSpace(trx, spaceId, { ...changes, updated_at: this.d.clock.now().toISOString() });
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, space[k as keyof DialogueSpacesTable]]));
      await this.d.audit.record(trx, ctx, { action: 'dialogue.space_updated', entity: 'dialogue_space', entityId: spaceId, before, after: changes });
    });
    return this.getSpace(ctx, spaceId);
  }

  async members(ctx: RequestContext, spaceId: string): Promise<{ items: SpaceMember[] }> {
    const actor = requireActor(ctx);
    if (!canModerate(actor, await standing(this.d.db, actor, spaceId))) throw errors.forbidden('The member list is for the space\'s moderators and the secretariat.');
    const rows = await repo.members(this.d.db, spaceId);
    return { items: rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, email: r.email, role: r.role as SpaceMember['role'], addedAt: r.added_at })) };
  }

  async addMember(ctx: RequestContext, spaceId: string, input: Out<typeof spaceMemberInputSchema>): Promise<{ items: SpaceMember[] }> {
    const actor = requireActor(ctx);
    if (!canManageSpaces(actor)) throw errors.forbidden('Only the secretariat adds members and appoints moderators.');
    const { space } = await standing(this.d.db, actor, spaceId);
    const user = await repo.userByEmail(this.d.db, input.email);
    if (!user || user.status !== 'active') throw errors.field('email', 'No active account has this email address.');
    const mail = await this.d.db.transaction().execute(async (trx) => {
      const before = await repo.memberRole(trx, spaceId, user.id);
      await repo.saveMember(trx, { space_id: spaceId, user_id: user.id, role: input.role, added_by: actor.id, added_at: this.d.clock.now().toISOString() });
      await this.d.audit.record(trx, ctx, { action: input.role === 'moderator' ? 'dialogue.moderator_appointed' : 'dialogue.member_added', entity: 'dialogue_space', entityId: spaceId, before: before !== undefined ? { userId: user.id, role: before } : null, after: { userId: user.id, role: input.role } });
      if (before !== undefined || user.id === actor.id) return [];
      // Newly listed: they hear where to find the space (a role change of someone already listed is not news).
      const who = (await repo.userName(trx, actor.id)) ?? 'The secretariat';
      const moderator = input.role === 'moderator' ? ' as a moderator' : '';
      return this.d.notifier.notify(trx, {
        kind: 'space_membership', userIds: [user.id],
        subject: `You were added to the dialogue space "${space.name}"`,
        text: `${who} added you${moderator} to the dialogue space "${space.name}". You can now read and start threads there.`,
        link: `/dialogues/${encodeURIComponent(spaceId)}`,
      });
    });
    await this.d.mailer.dispatch(mail);
    return this.members(ctx, spaceId);
  }

  /** People the secretariat may add (active accounts by name or email), at most 10, with their role if already listed. */
  async candidates(ctx: RequestContext, spaceId: string, q: string): Promise<{ items: MemberCandidate[] }> {
    const actor = requireActor(ctx);
    if (!canManageSpaces(actor)) throw errors.forbidden('Only the secretariat adds members.');
    await standing(this.d.db, actor, spaceId);
    const rows = await repo.candidates(this.d.db, spaceId, q, 10);
    return { items: rows.map((r) => ({ userId: r.id, displayName: r.display_name, email: r.email, role: (r.role ?? null) as MemberCandidate['role'] })) };
  }

  async removeMember(ctx: RequestContext, spaceId: string, userId: string): Promise<{ items: SpaceMember[] }> {
    const actor = requireActor(ctx);
    if (!canManageSpaces(actor)) throw errors.forbidden('Only the secretariat removes members.');
    await standing(this.d.db, actor, spaceId);
    await this.d.db.transaction().execute(async (trx) => {
      const before = await repo.memberRole(trx, spaceId, userId);
      if (before === undefined) throw errors.notFound('The member');
      await repo.removeMember(trx, spaceId, userId);
      await this.d.audit.record(trx, ctx, { action: 'dialogue.member_removed', entity: 'dialogue_space', entityId: spaceId, before: { userId, role: before } });
    });
    return this.members(ctx, spaceId);
  }

  /** Follow a space: its new threads are notified. */
  async setFollow(ctx: RequestContext, spaceId: string, on: boolean): Promise<{ following: boolean }> {
    await standing(this.d.db, requireActor(ctx), spaceId);
    return saveFollow(this.d, ctx, 'space', spaceId, on);
  }
}
