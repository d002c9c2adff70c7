import type { z } from 'zod';
import type {
  practiceInputSchema} from '@/contracts/practices';
import { type Practice, type PracticeAudience, type PracticeComment, type PracticeList, type practiceListQuerySchema,
  type practicePatchSchema, type PracticeStatus, type PracticeSummary,
} from '@/contracts/practices';
import type { Actor, RequestContext } from '../../platform/context';
import { newId } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import { errors, type FieldError } from '../../platform/errors';
import { canSeeChannel, isSecretariat, requireActor } from '../../platform/permissions';
import { queryTokens, tokenize } from '../../platform/search';
import { highlighter, snippet } from '../library/library.snippet';
import { practicesRepository, type VisibilityFilter } from './practices.repository';
import type { PracticesTable } from './practices.tables';

type Input = z.output<typeof practiceInputSchema>;
type Patch = z.output<typeof practicePatchSchema>;
type ListQuery = z.output<typeof practiceListQuerySchema>;

const enc = encodeURIComponent;
const parseList = (json: string): string[] => JSON.parse(json) as string[];
const SECTIONS = ['problem', 'action', 'results', 'evidence', 'lessons'] as const;

/** Who may submit practices: officials and Member coordinators, for the Members in their scope. */
export function canSubmitPractices(viewer: Actor | null): boolean {
  return !!viewer && !viewer.mustEnrollTotp && (viewer.role === 'official' || viewer.role === 'member_coordinator') && viewer.memberScopes.length > 0;
}

export function canReviewPractices(viewer: Actor | null): boolean {
  return !!viewer && !viewer.mustEnrollTotp && isSecretariat(viewer);
}

/** The audiences of published practices a viewer reads: the library's tiers (researchers and visitors: public only). */
export function visibleAudiences(viewer: Actor | null): PracticeAudience[] {
  return (['public', 'members'] as const).filter((a) => canSeeChannel(viewer, a, null));
}

export function visibilityOf(viewer: Actor | null): VisibilityFilter {
  return {
    audiences: visibleAudiences(viewer),
    all: canReviewPractices(viewer),
    userId: viewer?.id ?? null,
    memberCodes: viewer?.role === 'member_coordinator' ? viewer.memberScopes : [],
  };
}

/** THE rule for one practice (see src/contracts/practices.ts). */
export function practiceVisibleTo(viewer: Actor | null, p: Pick<PracticesTable, 'status' | 'audience' | 'submitter_id' | 'member_code'>): boolean {
  if (p.status === 'published' && p.audience && (visibleAudiences(viewer) as string[]).includes(p.audience)) return true;
  return isInside(viewer, p);
}

/** The submitter, the coordinators of the practice's Member, and the secretariat: they see every state and the review. */
function isInside(viewer: Actor | null, p: Pick<PracticesTable, 'submitter_id' | 'member_code'>): boolean {
  if (!viewer || viewer.mustEnrollTotp) return false;
  return isSecretariat(viewer) || viewer.id === p.submitter_id || (viewer.role === 'member_coordinator' && viewer.memberScopes.includes(p.member_code));
}

/** Search tokens: the title's weigh 2, the other sections' 1. */
export function practiceTokens(p: Pick<PracticesTable, 'title' | 'problem' | 'action' | 'results' | 'evidence' | 'lessons' | 'contact'>): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tokenize(`${p.problem}\n${p.action}\n${p.results}\n${p.evidence}\n${p.lessons}\n${p.contact}`)) out.set(t, 1);
  for (const t of tokenize(p.title)) out.set(t, 2);
  return out;
}

function plainStart(text: string, size = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > size ? `${flat.slice(0, size).replace(/\s+\S*$/, '')}…` : flat;
}

const stepText: Record<string, string> = {
  submitted: 'was submitted for review',
  changes_requested: 'needs changes before it can be published',
  published: 'was published',
  archived: 'was archived',
};

/**
 * Good practices: the structured form, the review workflow (draft -> submitted -> changes_requested -> submitted ...
 * -> published -> archived) with review comments, notifications to the submitter at each step, and search.
 */
export class PracticesService {
  constructor(private readonly d: PlatformDeps) {}

  private async visible(ctx: RequestContext, id: string): Promise<PracticesTable> {
    const p = await practicesRepository.practice(this.d.db, id);
    if (!p || !practiceVisibleTo(ctx.actor, p)) throw errors.notFound('The practice');
    return p;
  }

  private async summaries(rows: (PracticesTable & { score?: number })[], q?: string): Promise<PracticeSummary[]> {
    const names = await practicesRepository.memberNames(this.d.db, rows.map((r) => r.member_code));
    const re = q ? highlighter(q) : null;
    return rows.map((r) => {
      let text = plainStart(r.problem || r.action);
      if (re) {
        for (const section of SECTIONS) {
          const s = snippet(r[section], re, 200);
          if (s) {
            text = s.text;
            break;
          }
        }
      }
      return {
        id: r.id, title: r.title, memberCode: r.member_code, memberName: names.get(r.member_code) ?? r.member_code, themes: parseList(r.themes),
        languages: parseList(r.languages), status: r.status as PracticeStatus, audience: r.audience as PracticeAudience | null, snippet: text,
        submittedAt: r.submitted_at, publishedAt: r.published_at, updatedAt: r.updated_at,
      };
    });
  }

  async get(ctx: RequestContext, id: string): Promise<Practice> {
    const p = await this.visible(ctx, id);
    const inside = isInside(ctx.actor, p);
    const [summary] = await this.summaries([p]);
    const comments: PracticeComment[] = inside
      ? (await practicesRepository.comments(this.d.db, id)).map((c) => ({
        id: c.id, authorId: c.author_id, authorName: c.author_name ?? '', step: c.step as PracticeComment['step'], body: c.body, createdAt: c.created_at,
      }))
      : [];
    const person = p.contact_person_id ? await practicesRepository.person(this.d.db, p.contact_person_id) : undefined;
    const viewer = ctx.actor;
    const own = !!viewer && viewer.id === p.submitter_id && !viewer.mustEnrollTotp;
    const editable = p.status === 'draft' || p.status === 'changes_requested';
    const reviewer = canReviewPractices(viewer);
    return {
      ...summary!,
      problem: p.problem, action: p.action, results: p.results, evidence: p.evidence, evidenceLinks: parseList(p.evidence_links), lessons: p.lessons,
      contact: p.contact, contactPerson: person ? { id: person.id, name: person.name_latin } : null,
      submitterId: inside ? p.submitter_id : null,
      submitterName: await practicesRepository.userName(this.d.db, p.submitter_id),
      comments,
      can: {
        edit: own && editable, submit: own && editable, comment: (own || reviewer) && p.status !== 'archived',
        review: reviewer && p.status === 'submitted', publish: reviewer && (p.status === 'submitted' || p.status === 'published'),
        archive: reviewer && p.status === 'published',
      },
      createdAt: p.created_at,
    };
  }

  async list(ctx: RequestContext, query: ListQuery): Promise<PracticeList> {
    const rows = await this.search(ctx, query.q ?? '', { theme: query.theme, member: query.member });
    return { items: await this.summaries(rows.slice(query.offset, query.offset + query.limit), query.q), total: rows.length, canSubmit: canSubmitPractices(ctx.actor) };
  }

  /** Published practices the viewer may read, matching the query (every word), best first, then newest. */
  async search(ctx: RequestContext, q: string, filters: { theme?: string; member?: string } = {}): Promise<(PracticesTable & { score: number })[]> {
    const tokens = q.trim() ? queryTokens(q) : [];
    if (q.trim() && tokens.length === 0) return [];
    const rows = await practicesRepository.list(this.d.db, visibilityOf(ctx.actor), { published: true, tokens, ...filters });
    return rows.sort((a, b) => b.score - a.score || (b.published_at ?? '').localeCompare(a.published_at ?? '') || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  }

  /** Summaries with a snippet for the global search. */
  async searchHits(ctx: RequestContext, q: string, limit: number): Promise<{ hit: PracticeSummary; score: number }[]> {
    const rows = (await this.search(ctx, q)).slice(0, limit);
    const items = await this.summaries(rows, q);
    return items.map((hit, i) => ({ hit, score: rows[i]!.score }));
  }

  /** My practices (any state); for a coordinator also those of their Members. */
  async mine(ctx: RequestContext): Promise<PracticeList> {
    const actor = requireActor(ctx);
    const rows = await practicesRepository.list(this.d.db, visibilityOf(actor), { published: false, states: [...practiceStatusesAll], tokens: [], onlyMine: true });
    rows.sort((a, b) => b.updated_at.localeCompare(a.updated_at));
    return { items: await this.summaries(rows), total: rows.length, canSubmit: canSubmitPractices(actor) };
  }

  /** The secretariat's queue: practices in one state (submitted by default), oldest submission first. */
  async queue(ctx: RequestContext, status: PracticeStatus): Promise<PracticeList> {
    const actor = requireActor(ctx);
    if (!canReviewPractices(actor)) throw errors.forbidden('The review queue is for the secretariat.');
    const rows = await practicesRepository.list(this.d.db, visibilityOf(actor), { published: false, states: [status], tokens: [] });
    rows.sort((a, b) => (a.submitted_at ?? a.updated_at).localeCompare(b.submitted_at ?? b.updated_at));
    return { items: await this.summaries(rows), total: rows.length, canSubmit: false };
  }

  /** Themes, the Member (in the submitter's scope) and the contact person must exist. */
  private async check(actor: Actor, input: Partial<Input>): Promise<void> {
    const problems: FieldError[] = [];
    if (input.memberCode !== undefined) {
      if (!(await practicesRepository.memberExists(this.d.db, input.memberCode))) problems.push({ field: 'memberCode', message: `"${input.memberCode}" is not a Member or Observer code.` });
      else if (!actor.memberScopes.includes(input.memberCode)) problems.push({ field: 'memberCode', message: 'Choose one of your own Members.' });
    }
    if (input.themes?.length) {
      const known = await practicesRepository.themeCodes(this.d.db);
      input.themes.forEach((t, i) => { if (!known.has(t)) problems.push({ field: `themes.${i}`, message: `"${t}" is not one of the shared concerns.` }); });
    }
    if (input.contactPersonId && !(await practicesRepository.person(this.d.db, input.contactPersonId))) {
      problems.push({ field: 'contactPersonId', message: 'No person with this id is in the directory.' });
    }
    if (problems.length) throw errors.validation(problems);
  }

  async create(ctx: RequestContext, input: Input): Promise<Practice> {
    const actor = requireActor(ctx);
    if (!canSubmitPractices(actor)) throw errors.forbidden('Good practices are submitted by officials and coordinators of Members.');
    if (!actor.memberScopes.includes(input.memberCode)) throw errors.forbidden('You submit practices for your own Members only.');
    await this.check(actor, input);
    const now = this.d.clock.now().toISOString();
    const row: PracticesTable = {
      id: newId(), title: input.title, member_code: input.memberCode, themes: JSON.stringify(input.themes), languages: JSON.stringify(input.languages),
      problem: input.problem, action: input.action, results: input.results, evidence: input.evidence, evidence_links: JSON.stringify(input.evidenceLinks),
      lessons: input.lessons, contact: input.contact, contact_person_id: input.contactPersonId, status: 'draft', audience: null, submitter_id: actor.id,
      submitted_at: null, published_at: null, created_at: now, updated_at: now,
    };
    await this.d.db.transaction().execute(async (trx) => {
      await practicesRepository.insert(trx, row);
      await practicesRepository.writeTokens(trx, row.id, practiceTokens(row));
      await this.d.audit.record(trx, ctx, { action: 'practice.created', entity: 'practice', entityId: row.id, after: { ...row } });
    });
    return this.get(ctx, row.id);
  }

  async update(ctx: RequestContext, id: string, patch: Patch): Promise<Practice> {
    const actor = this.submitter(ctx);
    const before = await this.visible(ctx, id);
    if (before.submitter_id !== actor.id) throw errors.forbidden('Only the submitter edits a practice.');
    if (before.status !== 'draft' && before.status !== 'changes_requested') {
      throw errors.conflict(`A ${before.status.replace('_', ' ')} practice cannot be edited: only drafts and practices with changes requested can.`);
    }
    await this.check(actor, patch);
    const changes: Partial<PracticesTable> = {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.memberCode !== undefined ? { member_code: patch.memberCode } : {}),
      ...(patch.themes !== undefined ? { themes: JSON.stringify(patch.themes) } : {}),
      ...(patch.languages !== undefined ? { languages: JSON.stringify(patch.languages) } : {}),
      ...(patch.problem !== undefined ? { problem: patch.problem } : {}),
      ...(patch.action !== undefined ? { action: patch.action } : {}),
      ...(patch.results !== undefined ? { results: patch.results } : {}),
      ...(patch.evidence !== undefined ? { evidence: patch.evidence } : {}),
      ...(patch.evidenceLinks !== undefined ? { evidence_links: JSON.stringify(patch.evidenceLinks) } : {}),
      ...(patch.lessons !== undefined ? { lessons: patch.lessons } : {}),
      ...(patch.contact !== undefined ? { contact: patch.contact } : {}),
      ...(patch.contactPersonId !== undefined ? { contact_person_id: patch.contactPersonId } : {}),
    };
    await this.d.db.transaction().execute(async (trx) => {
      await practicesRepository.update(trx, id, { ...changes, updated_at: this.d.clock.now().toISOString() });
      await practicesRepository.writeTokens(trx, id, practiceTokens({ ...before, ...changes }));
      const was = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof PracticesTable]]));
      await this.d.audit.record(trx, ctx, { action: 'practice.updated', entity: 'practice', entityId: id, before: was, after: changes });
    });
    return this.get(ctx, id);
  }

  /** The submitter sends a draft (or a practice with changes requested) for review: every section must be filled. */
  async submit(ctx: RequestContext, id: string): Promise<Practice> {
    const actor = this.submitter(ctx);
    const p = await this.visible(ctx, id);
    if (p.submitter_id !== actor.id) throw errors.forbidden('Only the submitter submits a practice.');
    if (p.status !== 'draft' && p.status !== 'changes_requested') throw errors.conflict(`This practice is ${p.status.replace('_', ' ')}: only a draft or a practice with changes requested can be submitted.`);
    const missing: FieldError[] = [];
    for (const section of SECTIONS) if (!p[section].trim()) missing.push({ field: section, message: 'Fill in this section before submitting.' });
    if (parseList(p.themes).length === 0) missing.push({ field: 'themes', message: 'Choose at least one theme before submitting.' });
    if (!p.contact.trim() && !p.contact_person_id) missing.push({ field: 'contact', message: 'Give a contact before submitting.' });
    if (missing.length) throw errors.validation(missing, 'Some sections are still empty.');
    await this.transition(ctx, p, 'submitted', { submitted_at: this.d.clock.now().toISOString() }, null, true);
    return this.get(ctx, id);
  }

  async requestChanges(ctx: RequestContext, id: string, comment: string): Promise<Practice> {
    const p = await this.reviewable(ctx, id);
    if (p.status !== 'submitted') throw errors.conflict(`This practice is ${p.status.replace('_', ' ')}: changes can be requested only on a submitted practice.`);
    await this.transition(ctx, p, 'changes_requested', {}, comment);
    return this.get(ctx, id);
  }

  async publish(ctx: RequestContext, id: string, audience: PracticeAudience, comment?: string): Promise<Practice> {
    const p = await this.reviewable(ctx, id);
    if (p.status !== 'submitted' && p.status !== 'published') throw errors.conflict(`This practice is ${p.status.replace('_', ' ')}: only a submitted practice can be published (or a published one given another audience).`);
    await this.transition(ctx, p, 'published', { audience, published_at: p.published_at ?? this.d.clock.now().toISOString() }, comment ?? null);
    return this.get(ctx, id);
  }

  async archive(ctx: RequestContext, id: string, comment?: string): Promise<Practice> {
    const p = await this.reviewable(ctx, id);
    if (p.status !== 'published') throw errors.conflict(`This practice is ${p.status.replace('_', ' ')}: only a published practice can be archived.`);
    await this.transition(ctx, p, 'archived', {}, comment ?? null);
    return this.get(ctx, id);
  }

  async comment(ctx: RequestContext, id: string, body: string): Promise<Practice> {
    const actor = requireActor(ctx);
    const reviewer = canReviewPractices(actor);
    if (!reviewer && !canSubmitPractices(actor)) throw errors.forbidden('Review comments are written by the submitter and the secretariat.');
    const p = await this.visible(ctx, id);
    if (!reviewer && p.submitter_id !== actor.id) throw errors.forbidden('Review comments are written by the submitter and the secretariat.');
    if (p.status === 'archived') throw errors.conflict('This practice is archived: it takes no more comments.');
    const now = this.d.clock.now().toISOString();
    const mail = await this.d.db.transaction().execute(async (trx) => {
      const row = { id: newId(), practice_id: id, author_id: actor.id, step: null, body, created_at: now };
      await practicesRepository.addComment(trx, row);
      await this.d.audit.record(trx, ctx, { action: 'practice.commented', entity: 'practice', entityId: id, after: { commentId: row.id, body } });
      const to = reviewer ? (p.submitter_id && p.submitter_id !== actor.id ? [p.submitter_id] : []) : await practicesRepository.secretariatIds(trx);
      return this.d.notifier.notify(trx, {
        kind: 'practice_status', userIds: to, subject: `New comment on the practice "${p.title}"`,
        text: `${await practicesRepository.userName(trx, actor.id)} commented on "${p.title}":\n\n${body}`, link: `/practices/${enc(id)}`,
      });
    });
    await this.d.mailer.dispatch(mail);
    return this.get(ctx, id);
  }

  private submitter(ctx: RequestContext): Actor {
    const actor = requireActor(ctx);
    if (!canSubmitPractices(actor)) throw errors.forbidden('Good practices are written by officials and coordinators of Members.');
    return actor;
  }

  private async reviewable(ctx: RequestContext, id: string): Promise<PracticesTable> {
    const actor = requireActor(ctx);
    if (!canReviewPractices(actor)) throw errors.forbidden('Only the secretariat reviews, publishes and archives practices.');
    const p = await practicesRepository.practice(this.d.db, id);
    if (!p) throw errors.notFound('The practice');
    return p;
  }

  /** Changes the state, keeps the comment that came with it, audits, and tells the submitter (and, on submission, the secretariat). */
  private async transition(ctx: RequestContext, p: PracticesTable, to: PracticeStatus, extra: Partial<PracticesTable>, comment: string | null, bySubmitter = false): Promise<void> {
    const now = this.d.clock.now().toISOString();
    const actorId = ctx.actor?.id ?? null;
    const mail = await this.d.db.transaction().execute(async (trx) => {
      await practicesRepository.update(trx, p.id, { status: to, ...extra, updated_at: now });
      if (comment) await practicesRepository.addComment(trx, { id: newId(), practice_id: p.id, author_id: actorId, step: to, body: comment, created_at: now });
      await this.d.audit.record(trx, ctx, {
        action: `practice.${to}`, entity: 'practice', entityId: p.id,
        before: { status: p.status, audience: p.audience }, after: { status: to, ...extra, ...(comment ? { comment } : {}) },
      });
      const audienceNote = to === 'published' ? ` (${extra.audience === 'public' ? 'to the public' : 'to Members'})` : '';
      const ids: string[] = [];
      if (p.submitter_id) {
        ids.push(...await this.d.notifier.notify(trx, {
          kind: 'practice_status', userIds: [p.submitter_id],
          subject: `Your good practice "${p.title}" ${stepText[to]}${audienceNote}`,
          text: `Your good practice "${p.title}" ${stepText[to]}${audienceNote}.${comment ? `\n\nThe secretariat's comment:\n${comment}` : ''}`,
          link: `/practices/${enc(p.id)}`,
        }));
      }
      if (bySubmitter) {
        const staff = (await practicesRepository.secretariatIds(trx)).filter((u) => u !== actorId);
        ids.push(...await this.d.notifier.notify(trx, {
          kind: 'practice_status', userIds: staff, subject: `A good practice awaits review: "${p.title}"`,
          text: `"${p.title}" (${p.member_code}) was submitted for review.`, link: `/practices/${enc(p.id)}`,
        }));
      }
      return ids;
    });
    await this.d.mailer.dispatch(mail);
  }
}

const practiceStatusesAll = ['draft', 'submitted', 'changes_requested', 'published', 'archived'] as const;
