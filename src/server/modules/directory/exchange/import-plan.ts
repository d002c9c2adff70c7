import { z } from 'zod';
import { agencyTypes, visibilityTiers, type Visibility } from '@/contracts/directory';
import type { ImportCounts, ImportDecision, ImportDuplicate, ImportField, ImportMapping, ImportProblem } from '@/contracts/directory-exchange';
import type { Actor } from '../../../platform/context';
import { orderedId as newId } from './ordered-id';
import { canEditDirectory, canSeeChannel, isSecretariat } from '../../../platform/permissions';
import { normalize } from '../../../platform/search';
import type { ImportColumn } from '@/contracts/directory-exchange';
import type { SheetRow } from './spreadsheet-file';

/**
 * Turning the rows of a spreadsheet into a plan: every row validated (problems by row and column), likely duplicate
 * people found, and the records to create or change worked out, without writing anything. The dry run shows the
 * plan; applying builds it again from fresh data (inside the transaction) and writes it.
 */

export interface ReferenceData {
  members: readonly { code: string; name: string; iso3: string | null }[];
  mandates: readonly { code: string; name: string }[];
  workingGroups: readonly { code: string; name: string }[];
}

export interface ExistingAgency {
  id: string;
  member_code: string;
  name_en: string;
  name_local: string | null;
  acronym: string | null;
  type: string;
  parent_id: string | null;
  website: string | null;
  address: string | null;
  mandates: string[];
}

export interface ExistingPosition {
  id: string;
  agency_id: string;
  title: string;
  working_group_code: string | null;
  holder_id: string | null;
  holding_id: string | null;
  holding_start: string | null;
}

export interface ExistingChannel {
  id: string;
  person_id: string;
  kind: string;
  value: string;
  label: string | null;
  visibility: string;
  sort_order: number;
}

export interface ExistingPerson {
  id: string;
  name_latin: string;
  name_local: string | null;
  title: string | null;
  languages: string;
  user_id: string | null;
  /** Members whose agencies the person works for now. */
  members: string[];
  /** Where the person works now, for showing a duplicate candidate. */
  agency_name: string | null;
  channels: ExistingChannel[];
}

export interface ExistingData {
  agencies: Map<string, ExistingAgency>;
  positions: Map<string, ExistingPosition>;
  people: Map<string, ExistingPerson>;
  /** Lower-cased email → people with that address. */
  emails: Map<string, string[]>;
}

/** What the plan needs loaded from the database, collected from the rows. */
export interface Wanted {
  memberCodes: Set<string>;
  agencyIds: Set<string>;
  positionIds: Set<string>;
  personIds: Set<string>;
  emails: Set<string>;
}

export interface PlannedAgency {
  key: string;
  id: string;
  isNew: boolean;
  /** Index (0-based, in data order) of the first row that names the agency. */
  at: number;
  memberCode: string;
  memberName: string;
  values: { name_en: string; name_local: string | null; acronym: string | null; type: string | null; mandates: string[] | null };
  before: ExistingAgency | null;
  /** Changed columns of an existing agency (empty: unchanged). */
  changed: ('name_en' | 'name_local' | 'acronym' | 'type' | 'mandates')[];
}

export interface PlannedPosition {
  key: string;
  id: string;
  isNew: boolean;
  at: number;
  agencyKey: string;
  title: string;
  working_group_code: string | null;
  before: ExistingPosition | null;
  changed: ('title' | 'working_group_code')[];
}

export interface PlannedChannel {
  kind: 'email' | 'phone' | 'mobile';
  value: string;
  visibility: Visibility;
}

export interface PlannedPerson {
  key: string;
  id: string;
  isNew: boolean;
  at: number;
  values: { name_latin: string; name_local: string | null; title: string | null };
  before: ExistingPerson | null;
  changed: ('name_latin' | 'name_local' | 'title')[];
  newChannels: PlannedChannel[];
  visibilityChanges: { channelId: string; from: string; to: Visibility }[];
}

export interface PlannedHolding {
  at: number;
  positionKey: string;
  personKey: string;
  /** The holding that ends (the previous holder), if any. */
  ends: { holdingId: string; personId: string; endDate: string } | null;
}

export interface ImportPlan {
  problems: ImportProblem[];
  duplicates: ImportDuplicate[];
  counts: ImportCounts;
  agencies: PlannedAgency[];
  positions: PlannedPosition[];
  people: PlannedPerson[];
  holdings: PlannedHolding[];
  rowCount: number;
  /** The spreadsheet row number of each data row, by index. */
  rowNumbers: number[];
}

const LIMITS = { agencyNameEn: 300, agencyNameLocal: 300, acronym: 40, positionTitle: 300, personNameLatin: 200, personNameLocal: 200, personTitle: 100, channel: 300 } as const;
const DEFAULT_VISIBILITY: Visibility = 'members';
const emailSchema = z.email();
const PHONE = /^\+?[0-9][0-9 ()./-]*[0-9](\s*(ext\.?|x|#)\s*[0-9]+)?$/i;

const key = (s: string) => normalize(s);
/** Names compared word by word in any order, after normalisation ("PRASERT Somchai" = "Somchai Prasert"). */
export const nameKey = (s: string) => normalize(s).split(' ').filter(Boolean).sort().join(' ');
const lower = (s: string) => s.trim().toLowerCase();
const phoneKey = (s: string) => s.replace(/[^0-9+]/g, '');
const channelKey = (kind: string, value: string) => (kind === 'email' ? `email:${lower(value)}` : `tel:${phoneKey(value)}`);

/** Agency types by code and by label ("Coast guard", "coast_guard"). */
const agencyTypeIndex = new Map<string, string>(agencyTypes.flatMap((t) => [[key(t), t], [key(t.replace(/_/g, ' ')), t]]));
agencyTypeIndex.set(key('International organization'), 'international_organisation');

const visibilityAliases = new Map<string, Visibility>([
  ...visibilityTiers.map((t): [string, Visibility] => [t, t]),
  ['member', 'members'], ['members only', 'members'], ['bali process members', 'members'],
  ['secretariat only', 'secretariat'], ['rso', 'secretariat'], ['everyone', 'public'], ['anyone', 'public'], ['self', 'private'],
]);

export function agencyTypeLabel(type: string): string {
  const s = type.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function canEditPerson(actor: Actor, person: Pick<ExistingPerson, 'members'>): boolean {
  if (actor.mustEnrollTotp) return false;
  if (isSecretariat(actor)) return true;
  return person.members.some((m) => canEditDirectory(actor, m));
}

/** Reads the mapped cells of one row: undefined when the field is not mapped, '' when the cell is empty. */
function cellsOf(row: SheetRow, mapping: ImportMapping) {
  return (field: ImportField): string | undefined => {
    const index = mapping[field];
    return index === undefined ? undefined : (row.cells[index] ?? '').trim();
  };
}

const splitList = (v: string, separators: RegExp) => v.split(separators).map((s) => s.trim()).filter(Boolean);

/** Appends to the list under a key, creating it. */
function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** The ids, codes and addresses the rows refer to, so that only those records are loaded. */
export function wantedBy(rows: readonly SheetRow[], mapping: ImportMapping, ref: ReferenceData): Wanted {
  const members = memberIndex(ref);
  const w: Wanted = { memberCodes: new Set(), agencyIds: new Set(), positionIds: new Set(), personIds: new Set(), emails: new Set() };
  for (const r of rows) {
    const get = cellsOf(r, mapping);
    const member = members.get(key(get('memberCode') ?? ''));
    if (member) w.memberCodes.add(member.code);
    const agencyId = get('agencyId');
    if (agencyId) w.agencyIds.add(agencyId);
    const positionId = get('positionId');
    if (positionId) w.positionIds.add(positionId);
    const personId = get('personId');
    if (personId) w.personIds.add(personId);
    for (const e of splitList(get('email') ?? '', /[;,\s]+/)) w.emails.add(lower(e));
  }
  return w;
}

function memberIndex(ref: ReferenceData): Map<string, ReferenceData['members'][number]> {
  const map = new Map<string, ReferenceData['members'][number]>();
  for (const m of ref.members) {
    map.set(key(m.name), m);
    if (m.iso3) map.set(key(m.iso3), m);
  }
  // Codes last, so that a code always wins over a name that happens to equal it.
  for (const m of ref.members) map.set(key(m.code), m);
  return map;
}

/** A row that passed validation, with its values resolved to codes. */
interface RowOk {
  at: number;
  row: number;
  memberCode: string;
  /** `pinned`: the Agency ID column names the agency (so the English name may be corrected). */
  agency: { id: string | null; pinned: boolean; nameEn: string; nameLocal: string; acronym: string; type: string | null; mandates: string[] | null };
  position: { id: string | null; title: string; workingGroup: string | null } | null;
  person: { id: string | null; nameLatin: string; nameLocal: string; title: string; channels: PlannedChannel[]; visibilityGiven: boolean } | null;
}

export interface PlanInput {
  rows: readonly SheetRow[];
  columns: readonly ImportColumn[];
  mapping: ImportMapping;
  actor: Actor;
  ref: ReferenceData;
  existing: ExistingData;
  decisions: Readonly<Record<string, ImportDecision>>;
  /** YYYY-MM-DD: when handovers made by the import take effect. */
  today: string;
}

export function planImport(input: PlanInput): ImportPlan {
  const { rows, columns, mapping, actor, ref, existing, decisions, today } = input;
  const problems: ImportProblem[] = [];
  const columnName = (field: ImportField | null): string | null => {
    if (!field) return null;
    const index = mapping[field];
    if (index === undefined) return null;
    const c = columns[index];
    return c ? c.header || c.letter : null;
  };
  const problem = (row: number | null, field: ImportField | null, code: string, message: string, severity: 'error' | 'warning' = 'error') => {
    problems.push({ row, column: columnName(field), field, severity, code, message });
  };

  // The mapping itself: the fields every row needs.
  const mapped = (f: ImportField) => mapping[f] !== undefined;
  let unusable = false;
  if (!mapped('memberCode') && !mapped('agencyId')) {
    problem(null, 'memberCode', 'unmapped', 'Choose the column that holds the Member (its code, such as THA, or its name).');
    unusable = true;
  }
  if (!mapped('agencyNameEn') && !mapped('agencyId')) {
    problem(null, 'agencyNameEn', 'unmapped', 'Choose the column that holds the agency name in English.');
    unusable = true;
  }
  for (const [field, index] of Object.entries(mapping)) {
    if (index >= columns.length) {
      problem(null, field as ImportField, 'unmapped', `Column ${index + 1} does not exist in this file.`);
      unusable = true;
    }
  }
  const empty = emptyPlan(rows);
  if (unusable) return { ...empty, problems };

  const members = memberIndex(ref);
  const memberNames = new Map(ref.members.map((m) => [m.code, m.name]));
  const mandateIndex = new Map<string, string>(ref.mandates.flatMap((m) => [[key(m.code), m.code], [key(m.name), m.code]]));
  const wgIndex = new Map<string, string>(ref.workingGroups.flatMap((w) => [[key(w.code), w.code], [key(w.name), w.code]]));
  const scopeText = actor.memberScopes.length ? actor.memberScopes.join(', ') : 'no Member';

  // 1. Every row on its own.
  const ok: RowOk[] = [];
  rows.forEach((r, at) => {
    const get = cellsOf(r, mapping);
    const before = problems.length;
    const err = (field: ImportField, code: string, message: string) => problem(r.row, field, code, message);
    const tooLong = (field: keyof typeof LIMITS & ImportField, v: string) => {
      if (v.length > LIMITS[field]) err(field, 'too_long', `Keep this to ${LIMITS[field]} characters (it has ${v.length}).`);
    };

    // Which agency, and so which Member: access is decided before anything else is looked at.
    const agencyId = get('agencyId') ?? '';
    const knownAgency = agencyId ? existing.agencies.get(agencyId) : undefined;
    if (agencyId && !knownAgency) return err('agencyId', 'unknown_record', 'No agency in the directory has this ID.');
    const memberText = get('memberCode') ?? '';
    const member = memberText ? members.get(key(memberText)) : knownAgency ? members.get(key(knownAgency.member_code)) : undefined;
    if (!memberText && !knownAgency) return err('memberCode', 'missing', 'Give the Member (its code, such as THA, or its name).');
    if (!member) return err('memberCode', 'unknown_member', `"${memberText}" is not a Member or Observer of the Bali Process. Use a code such as THA or IDN, or the name.`);
    if (!canEditDirectory(actor, member.code)) return err('memberCode', 'out_of_scope', `You can import records of ${scopeText} only; this row is for ${member.name} (${member.code}).`);
    if (knownAgency && knownAgency.member_code !== member.code) {
      if (!canEditDirectory(actor, knownAgency.member_code)) return err('agencyId', 'out_of_scope', `This agency belongs to another Member (${knownAgency.member_code}), whose records you cannot change.`);
      return err('agencyId', 'conflicting_value', `This agency belongs to ${knownAgency.member_code}, not to ${member.code} as the Member column says.`);
    }

    const positionId = get('positionId') ?? '';
    const knownPosition = positionId ? existing.positions.get(positionId) : undefined;
    if (positionId && !knownPosition) return err('positionId', 'unknown_record', 'No position in the directory has this ID.');
    const positionAgency = knownPosition ? existing.agencies.get(knownPosition.agency_id) : undefined;
    if (knownPosition && positionAgency && !canEditDirectory(actor, positionAgency.member_code)) {
      return err('positionId', 'out_of_scope', `This position belongs to another Member (${positionAgency.member_code}), whose records you cannot change.`);
    }

    const personId = get('personId') ?? '';
    const knownPerson = personId ? existing.people.get(personId) : undefined;
    if (personId && !knownPerson) return err('personId', 'unknown_record', 'No person in the directory has this ID.');
    if (knownPerson && !canEditPerson(actor, knownPerson)) {
      return err('personId', 'not_editable', `This person's record belongs to ${knownPerson.members.join(', ') || 'no Member you coordinate'}; you cannot change it.`);
    }

    // The agency.
    const nameEn = get('agencyNameEn') ?? '';
    if (!nameEn && !knownAgency && !positionAgency) err('agencyNameEn', 'missing', 'Give the agency name in English.');
    tooLong('agencyNameEn', nameEn);
    const agencyRef = knownAgency ?? positionAgency;
    if (knownPosition && knownAgency && knownPosition.agency_id !== knownAgency.id) err('positionId', 'conflicting_value', 'This position belongs to another agency than the Agency ID says.');
    if (positionAgency && !knownAgency) {
      if (positionAgency.member_code !== member.code) err('positionId', 'conflicting_value', `This position belongs to ${positionAgency.member_code}, not to ${member.code}.`);
      else if (nameEn && key(nameEn) !== key(positionAgency.name_en)) err('positionId', 'conflicting_value', `This position belongs to "${positionAgency.name_en}", not to "${nameEn}".`);
    }
    const nameLocal = get('agencyNameLocal') ?? '';
    tooLong('agencyNameLocal', nameLocal);
    const acronym = get('acronym') ?? '';
    tooLong('acronym', acronym);
    const typeText = get('agencyType') ?? '';
    const type = typeText ? (agencyTypeIndex.get(key(typeText)) ?? null) : null;
    if (typeText && !type) err('agencyType', 'unknown_agency_type', `"${typeText}" is not an agency type. Use one of: ${agencyTypes.map(agencyTypeLabel).join(', ')}.`);
    const mandateText = get('mandates') ?? '';
    let mandates: string[] | null = null;
    if (mandateText) {
      mandates = [];
      for (const m of splitList(mandateText, /[;,\n]+/)) {
        const code = mandateIndex.get(key(m));
        if (code) {
          if (!mandates.includes(code)) mandates.push(code);
        } else err('mandates', 'unknown_mandate', `"${m}" is not a mandate. Use: ${ref.mandates.map((x) => x.name).join(', ')}.`);
      }
      if (mandates.length > 20) err('mandates', 'too_long', 'An agency has at most 20 mandates.');
    }

    // The position.
    const title = get('positionTitle') ?? '';
    tooLong('positionTitle', title);
    const wgText = get('workingGroup') ?? '';
    const workingGroup = wgText ? (wgIndex.get(key(wgText)) ?? null) : null;
    if (wgText && !workingGroup) err('workingGroup', 'unknown_working_group', `"${wgText}" is not a working group. Use one of: ${ref.workingGroups.map((w) => w.code).join(', ')}.`);
    const hasPosition = !!title || !!knownPosition;

    // The person and their contact channels.
    const nameLatin = get('personNameLatin') ?? '';
    const personLocal = get('personNameLocal') ?? '';
    const personTitle = get('personTitle') ?? '';
    const emails = splitList(get('email') ?? '', /[;,\s]+/);
    const phones = splitList(get('phone') ?? '', /[;\n]+/);
    const mobiles = splitList(get('mobile') ?? '', /[;\n]+/);
    const hasPerson = !!(knownPerson || nameLatin || personLocal || personTitle || emails.length || phones.length || mobiles.length);
    let person: RowOk['person'] = null;
    if (hasPerson) {
      if (!hasPosition) err('positionTitle', 'missing', 'A person needs a position: give the position title.');
      if (!nameLatin && !knownPerson) err('personNameLatin', 'missing', 'Give the name in Latin script.');
      tooLong('personNameLatin', nameLatin);
      tooLong('personNameLocal', personLocal);
      tooLong('personTitle', personTitle);
      for (const e of emails) if (e.length > LIMITS.channel || !emailSchema.safeParse(e).success) err('email', 'bad_email', `"${e}" is not a valid email address.`);
      for (const [field, list] of [['phone', phones], ['mobile', mobiles]] as const) {
        for (const p of list) if (p.length > LIMITS.channel || !PHONE.test(p) || p.replace(/\D/g, '').length < 5) err(field, 'bad_phone', `"${p}" is not a telephone number. Use digits, spaces and an optional leading +.`);
      }
      const visibility = (field: 'channelVisibility' | 'emailVisibility' | 'phoneVisibility', count: number): Visibility[] | null => {
        const text = get(field) ?? '';
        if (!text) return null;
        const list: Visibility[] = [];
        for (const v of splitList(text, /[;,\n]+/)) {
          const tier = visibilityAliases.get(key(v));
          if (tier) list.push(tier);
          else {
            err(field, 'bad_visibility', `"${v}" is not a visibility. Use public, members, secretariat or private.`);
            return null;
          }
        }
        if (list.length !== 1 && list.length !== count) {
          err(field, 'bad_visibility', 'Give one visibility for all the addresses, or one for each, in the same order.');
          return null;
        }
        return list;
      };
      const general = visibility('channelVisibility', 1);
      const emailVis = visibility('emailVisibility', emails.length);
      const phoneVis = visibility('phoneVisibility', phones.length + mobiles.length);
      const pick = (list: Visibility[] | null, i: number) => (list ? (list.length === 1 ? list[0] : list[i]) : undefined);
      const channels: PlannedChannel[] = [
        ...emails.map((value, i): PlannedChannel => ({ kind: 'email', value, visibility: pick(emailVis, i) ?? pick(general, 0) ?? DEFAULT_VISIBILITY })),
        ...[...phones.map((v) => ['phone', v] as const), ...mobiles.map((v) => ['mobile', v] as const)].map(([kind, value], i): PlannedChannel => ({ kind, value, visibility: pick(phoneVis, i) ?? pick(general, 0) ?? DEFAULT_VISIBILITY })),
      ];
      if (channels.length > 20) err('email', 'too_long', 'A person has at most 20 addresses and numbers.');
      person = { id: knownPerson?.id ?? null, nameLatin, nameLocal: personLocal, title: personTitle, channels, visibilityGiven: !!(general || emailVis || phoneVis) };
    }

    if (problems.length > before) return;
    ok.push({
      at,
      row: r.row,
      memberCode: member.code,
      agency: { id: agencyRef?.id ?? null, pinned: !!knownAgency, nameEn, nameLocal, acronym, type, mandates },
      position: hasPosition ? { id: knownPosition?.id ?? null, title, workingGroup } : null,
      person,
    });
  });

  // 2. Agencies: by ID, or by name within the Member.
  const agencies = new Map<string, PlannedAgency>();
  const agencyKeyOf = new Map<number, string>();
  const existingByName = new Map<string, ExistingAgency[]>();
  for (const a of existing.agencies.values()) push(existingByName, `${a.member_code}|${key(a.name_en)}`, a);
  const rejected = new Set<number>();
  for (const r of ok) {
    let k: string;
    let before: ExistingAgency | null = null;
    if (r.agency.id) {
      k = r.agency.id;
      before = existing.agencies.get(k) ?? null;
    } else {
      const byName = existingByName.get(`${r.memberCode}|${key(r.agency.nameEn)}`) ?? [];
      if (byName.length > 1) {
        problem(r.row, 'agencyNameEn', 'ambiguous', `${memberNames.get(r.memberCode) ?? r.memberCode} has several agencies called "${r.agency.nameEn}": add the Agency ID column (export the directory to get it).`);
        rejected.add(r.at);
        continue;
      }
      before = byName[0] ?? null;
      k = before ? before.id : `new:${r.memberCode}|${key(r.agency.nameEn)}`;
    }
    agencyKeyOf.set(r.at, k);
    const planned = agencies.get(k);
    if (!planned) {
      agencies.set(k, {
        key: k, id: before?.id ?? newId(), isNew: !before, at: r.at, memberCode: r.memberCode, memberName: memberNames.get(r.memberCode) ?? r.memberCode,
        values: {
          name_en: before && !(r.agency.pinned && r.agency.nameEn) ? before.name_en : r.agency.nameEn,
          name_local: r.agency.nameLocal || null, acronym: r.agency.acronym || null, type: r.agency.type, mandates: r.agency.mandates,
        },
        before, changed: [],
      });
      continue;
    }
    // Later rows of the same agency: fill what the first left empty, warn where they disagree.
    const v = planned.values;
    const agree = (field: ImportField, label: string, current: string | null, next: string | null): string | null => {
      if (!next) return current;
      if (!current) return next;
      if (key(current) !== key(next)) problem(r.row, field, 'conflicting_value', `The ${label} differs from an earlier row of the same agency; the earlier "${current}" is used.`, 'warning');
      return current;
    };
    v.name_local = agree('agencyNameLocal', 'local name', v.name_local, r.agency.nameLocal || null);
    v.acronym = agree('acronym', 'acronym', v.acronym, r.agency.acronym || null);
    v.type = agree('agencyType', 'agency type', v.type, r.agency.type);
    if (r.agency.mandates) {
      if (!v.mandates) v.mandates = r.agency.mandates;
      else if ([...v.mandates].sort().join() !== [...r.agency.mandates].sort().join()) problem(r.row, 'mandates', 'conflicting_value', 'The mandates differ from an earlier row of the same agency; the earlier ones are used.', 'warning');
    }
  }
  for (const a of agencies.values()) {
    if (a.isNew && !a.values.type) {
      const first = ok.find((r) => r.at === a.at);
      problem(first?.row ?? null, 'agencyType', 'missing', `Give the agency type of the new agency "${a.values.name_en}".`);
    }
    if (a.before) {
      const b = a.before;
      if (a.values.name_en !== b.name_en) a.changed.push('name_en');
      if (a.values.name_local !== null && a.values.name_local !== b.name_local) a.changed.push('name_local');
      if (a.values.acronym !== null && a.values.acronym !== b.acronym) a.changed.push('acronym');
      if (a.values.type !== null && a.values.type !== b.type) a.changed.push('type');
      if (a.values.mandates !== null && [...a.values.mandates].sort().join() !== [...b.mandates].sort().join()) a.changed.push('mandates');
    }
  }

  // 3. People: by ID, or merged into a likely duplicate, or new (one new person per address or name in the file).
  const duplicates: ImportDuplicate[] = [];
  const people = new Map<string, PlannedPerson>();
  const personKeyOf = new Map<number, string>();
  /** `agencyId|name key` → people holding a position there now, under their Latin and local names. */
  const holdersByName = new Map<string, ExistingPerson[]>();
  for (const p of existing.positions.values()) {
    const holder = p.holder_id ? existing.people.get(p.holder_id) : undefined;
    if (!holder) continue;
    for (const n of new Set([nameKey(holder.name_latin), holder.name_local ? nameKey(holder.name_local) : ''])) if (n) push(holdersByName, `${p.agency_id}|${n}`, holder);
  }
  for (const r of ok) {
    const person = r.person;
    const agencyKey = agencyKeyOf.get(r.at);
    if (!person || !agencyKey || rejected.has(r.at)) continue;
    let target: ExistingPerson | null = person.id ? (existing.people.get(person.id) ?? null) : null;
    let k: string;
    if (!target) {
      const candidates = new Map<string, 'same_email' | 'similar_name'>();
      for (const c of person.channels) if (c.kind === 'email') for (const id of existing.emails.get(lower(c.value)) ?? []) if (!candidates.has(id)) candidates.set(id, 'same_email');
      const agency = agencies.get(agencyKey);
      if (agency?.before) {
        for (const n of [nameKey(person.nameLatin), person.nameLocal ? nameKey(person.nameLocal) : '']) {
          if (!n) continue;
          for (const h of holdersByName.get(`${agency.before.id}|${n}`) ?? []) if (!candidates.has(h.id)) candidates.set(h.id, 'similar_name');
        }
      }
      if (candidates.size > 0) {
        const list = [...candidates].flatMap(([id, reason]) => {
          const c = existing.people.get(id);
          return c ? [{ personId: id, nameLatin: c.name_latin, nameLocal: c.name_local, memberCode: c.members[0] ?? null, agencyName: c.agency_name, reason, canMerge: canEditPerson(actor, c) }] : [];
        });
        const proposed: ImportDecision = list.some((c) => c.canMerge) ? 'merge' : 'keep';
        const decision = decisions[String(r.row)] ?? proposed;
        duplicates.push({ row: r.row, nameLatin: person.nameLatin, candidates: list, proposed, decision: decisions[String(r.row)] ?? null });
        if (decision === 'merge') {
          const into = list.find((c) => c.canMerge);
          if (!into) {
            problem(r.row, 'personNameLatin', 'merge_refused', 'This person cannot be merged into the existing record, which belongs to a Member you do not coordinate. Keep the row as a new person.');
            continue;
          }
          target = existing.people.get(into.personId) ?? null;
        }
      }
    }
    if (target) k = target.id;
    else {
      const email = person.channels.find((c) => c.kind === 'email');
      k = email ? `new:email:${lower(email.value)}` : `new:name:${agencyKey}|${nameKey(person.nameLatin)}`;
    }
    personKeyOf.set(r.at, k);
    let planned = people.get(k);
    if (!planned) {
      planned = {
        key: k, id: target?.id ?? newId(), isNew: !target, at: r.at,
        values: {
          // A merge keeps the existing name in Latin script; a row pinned by Person ID may correct it.
          name_latin: target && !(person.id && person.nameLatin) ? target.name_latin : person.nameLatin,
          name_local: person.nameLocal || null, title: person.title || null,
        },
        before: target, changed: [], newChannels: [], visibilityChanges: [],
      };
      people.set(k, planned);
    } else if (person.nameLatin && nameKey(person.nameLatin) !== nameKey(planned.values.name_latin) && (planned.isNew || person.id)) {
      problem(r.row, 'personNameLatin', 'conflicting_value', `The same person appears in an earlier row as "${planned.values.name_latin}"; that name is used.`, 'warning');
    } else {
      planned.values.name_local ??= person.nameLocal || null;
      planned.values.title ??= person.title || null;
    }
    // Addresses: new ones are added; a known one may get the visibility the file gives (if the importer can see it).
    const have = new Map((target?.channels ?? []).map((c) => [channelKey(c.kind, c.value), c]));
    for (const c of person.channels) {
      const ck = channelKey(c.kind, c.value);
      const known = have.get(ck);
      if (known) {
        if (person.visibilityGiven && known.visibility !== c.visibility && canSeeChannel(actor, known.visibility, target?.user_id ?? null) && !planned.visibilityChanges.some((v) => v.channelId === known.id)) {
          planned.visibilityChanges.push({ channelId: known.id, from: known.visibility, to: c.visibility });
        }
      } else if (!planned.newChannels.some((n) => channelKey(n.kind, n.value) === ck)) {
        planned.newChannels.push(c);
      }
    }
  }
  for (const p of people.values()) {
    const b = p.before;
    if (!b) continue;
    if (p.values.name_latin !== b.name_latin) p.changed.push('name_latin');
    if (p.values.name_local !== null && p.values.name_local !== b.name_local) p.changed.push('name_local');
    if (p.values.title !== null && p.values.title !== b.title) p.changed.push('title');
  }

  // 4. Positions: by ID, or by title within the agency: rows whose person already holds such a position keep it,
  // the others take the remaining positions of that title (vacant first), and new ones are created when they run out.
  const positions = new Map<string, PlannedPosition>();
  const positionKeyOf = new Map<number, string>();
  const claimed = new Set<string>();
  for (const r of ok) if (r.position?.id) claimed.add(r.position.id);
  const groups = new Map<string, RowOk[]>();
  for (const r of ok) {
    const agencyKey = agencyKeyOf.get(r.at);
    if (!r.position || !agencyKey || rejected.has(r.at) || (r.person && !personKeyOf.has(r.at))) continue;
    if (r.position.id) positionKeyOf.set(r.at, r.position.id);
    else push(groups, `${agencyKey}|${key(r.position.title)}`, r);
  }
  /** `agencyId|title key` → the agency's positions of that title not pinned by a Position ID. */
  const existingByTitle = new Map<string, ExistingPosition[]>();
  for (const p of existing.positions.values()) if (!claimed.has(p.id)) push(existingByTitle, `${p.agency_id}|${key(p.title)}`, p);
  for (const [g, groupRows] of groups) {
    const agencyKey = g.slice(0, g.lastIndexOf('|'));
    const agency = agencies.get(agencyKey);
    const pool = (agency?.before ? (existingByTitle.get(`${agency.before.id}|${g.slice(g.lastIndexOf('|') + 1)}`) ?? []) : [])
      .slice()
      .sort((a, b) => Number(!!a.holder_id) - Number(!!b.holder_id) || a.id.localeCompare(b.id));
    const heldBy = new Map<string, ExistingPosition[]>();
    for (const p of pool) if (p.holder_id) push(heldBy, p.holder_id, p);
    const taken = new Set<string>();
    const byPerson = new Map<string, string>();
    for (const r of groupRows) {
      const pk = personKeyOf.get(r.at);
      const held = pk ? heldBy.get(pk)?.find((p) => !taken.has(p.id)) : undefined;
      if (held && pk) {
        positionKeyOf.set(r.at, held.id);
        taken.add(held.id);
        byPerson.set(pk, held.id);
      }
    }
    let fresh = 0;
    let cursor = 0;
    for (const r of groupRows) {
      if (positionKeyOf.has(r.at)) continue;
      const pk = personKeyOf.get(r.at);
      const same = pk ? byPerson.get(pk) : undefined;
      if (same) {
        positionKeyOf.set(r.at, same);
        continue;
      }
      while (cursor < pool.length && taken.has(pool[cursor]?.id ?? '')) cursor++;
      const next = pool[cursor];
      const pos = next ? next.id : `new:${g}#${fresh++}`;
      if (next) taken.add(next.id);
      positionKeyOf.set(r.at, pos);
      if (pk) byPerson.set(pk, pos);
    }
  }
  for (const r of ok) {
    const k = positionKeyOf.get(r.at);
    const agencyKey = agencyKeyOf.get(r.at);
    if (!k || !agencyKey || !r.position) continue;
    const before = existing.positions.get(k) ?? null;
    const planned = positions.get(k);
    if (!planned) {
      positions.set(k, {
        key: k, id: before?.id ?? newId(), isNew: !before, at: r.at, agencyKey: before ? (agencies.get(before.agency_id)?.key ?? before.agency_id) : agencyKey,
        title: before && !(r.position.id && r.position.title) ? before.title : r.position.title,
        working_group_code: r.position.workingGroup, before, changed: [],
      });
    } else if (r.position.workingGroup) {
      if (!planned.working_group_code) planned.working_group_code = r.position.workingGroup;
      else if (planned.working_group_code !== r.position.workingGroup) problem(r.row, 'workingGroup', 'conflicting_value', 'The working group differs from an earlier row of the same position; the earlier one is used.', 'warning');
    }
  }
  for (const p of positions.values()) {
    if (!p.before) continue;
    if (p.title !== p.before.title) p.changed.push('title');
    if (p.working_group_code !== null && p.working_group_code !== p.before.working_group_code) p.changed.push('working_group_code');
    if (!agencies.has(p.agencyKey)) {
      // A position given by ID whose agency no row names: the agency is loaded and stays as it is.
      const a = existing.agencies.get(p.before.agency_id);
      if (a) agencies.set(a.id, { key: a.id, id: a.id, isNew: false, at: p.at, memberCode: a.member_code, memberName: memberNames.get(a.member_code) ?? a.member_code, values: { name_en: a.name_en, name_local: a.name_local, acronym: a.acronym, type: a.type, mandates: a.mandates }, before: a, changed: [] });
    }
  }

  // 5. Holders: the person of a row holds its position from today (a handover), unless they hold it already.
  const holdings: PlannedHolding[] = [];
  const holderOf = new Map<string, { personKey: string; row: number }>();
  for (const r of ok) {
    const posKey = positionKeyOf.get(r.at);
    const personKey = personKeyOf.get(r.at);
    if (!posKey || !personKey) continue;
    const earlier = holderOf.get(posKey);
    if (earlier) {
      if (earlier.personKey !== personKey) problem(r.row, 'personNameLatin', 'conflicting_holder', `Row ${earlier.row} gives this position to someone else; a position has one holder.`);
      continue;
    }
    holderOf.set(posKey, { personKey, row: r.row });
    const before = existing.positions.get(posKey);
    if (before?.holder_id && before.holder_id === personKey) continue;
    holdings.push({
      at: r.at, positionKey: posKey, personKey,
      ends: before?.holding_id && before.holder_id ? { holdingId: before.holding_id, personId: before.holder_id, endDate: before.holding_start && before.holding_start > today ? before.holding_start : today } : null,
    });
  }

  const agencyList = [...agencies.values()].sort((a, b) => a.at - b.at);
  const positionList = [...positions.values()].sort((a, b) => a.at - b.at);
  const personList = [...people.values()].sort((a, b) => a.at - b.at);
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    problems,
    duplicates,
    rowCount: rows.length,
    rowNumbers: rows.map((r) => r.row),
    agencies: agencyList,
    positions: positionList,
    people: personList,
    holdings,
    counts: {
      rows: rows.length,
      agenciesCreated: agencyList.filter((a) => a.isNew).length,
      agenciesUpdated: agencyList.filter((a) => !a.isNew && a.changed.length > 0).length,
      positionsCreated: positionList.filter((p) => p.isNew).length,
      positionsUpdated: positionList.filter((p) => !p.isNew && p.changed.length > 0).length,
      peopleCreated: personList.filter((p) => p.isNew).length,
      peopleUpdated: personList.filter((p) => !p.isNew && (p.changed.length > 0 || p.newChannels.length > 0 || p.visibilityChanges.length > 0)).length,
      holdersChanged: holdings.length,
    },
  };
}

function emptyPlan(rows: readonly SheetRow[]): ImportPlan {
  const rowCount = rows.length;
  return {
    problems: [], duplicates: [], agencies: [], positions: [], people: [], holdings: [], rowCount, rowNumbers: rows.map((r) => r.row),
    counts: { rows: rowCount, agenciesCreated: 0, agenciesUpdated: 0, positionsCreated: 0, positionsUpdated: 0, peopleCreated: 0, peopleUpdated: 0, holdersChanged: 0 },
  };
}

export const hasErrors = (problems: readonly ImportProblem[]) => problems.some((p) => p.severity === 'error');
