/**
 * Fictional directory data for demos and benchmarks: agencies of every Member with their positions, the people
 * who hold (and held) them, contact channels of every visibility tier, and the search index rows.
 *
 * Everything is generated from a seeded PRNG, so the same options give the same data. People are random
 * combinations of common given and family names in the Member's own script (see directory-demo-locales.ts);
 * e-mail addresses are at `<agency>.demo.invalid` (a reserved top-level domain, RFC 2606) and phone numbers are
 * in ranges kept for fiction (US/Canada 555-01xx, UK 07700 900xxx, Australia 02 5550 xxxx) or carry +999, a
 * country code the ITU has not assigned.
 *
 * The freshness mix per Member is about 60% confirmed (within the interval), 25% stale (confirmed longer ago, or
 * never) and 15% missing (no current holder; most of these have a past holder, so their history shows).
 */
import { PostgresAdapter, sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Freshness } from '@/contracts/directory';
import { searchIndex, type DocType } from '../../modules/directory/search-index';
import { DAY } from '../../platform/clock';
import { normalize, tokenize } from '../../platform/search';
import type { AgenciesTable, ContactChannelsTable, DB, PeopleTable, PositionHoldersTable, PositionsTable } from '../schema';
import { agencyKindNames, agencyKinds, internationalStaffFrom, islands, landlocked, localeOf, type AgencyKind, type GivenName, type Locale } from './directory-demo-locales';
import themes from './reference/themes.json' with { type: 'json' };
import workingGroups from './reference/working-groups.json' with { type: 'json' };

export interface DirectoryMember {
  code: string;
  name: string;
  /** `state`, `territory` or `organisation` (international organisations get country and regional offices). */
  kind: string;
}

/** A demo account that also appears in the directory, as the holder of one of its Member's positions. */
export interface LinkedAccount {
  userId: string;
  /** Shown as the person's name. */
  name: string;
  email: string;
  memberCode: string;
  languages?: string[];
}

export interface DirectoryDemoOptions {
  /** The Members and Observers to make agencies for. */
  members: readonly DirectoryMember[];
  /** "Now" for confirmation dates and holdings. */
  now: Date;
  /** The confirmation interval (CONFIRMATION_INTERVAL_DAYS): decides which dates count as confirmed or stale. */
  intervalDays: number;
  /** Agencies per Member (default 6). */
  agenciesPerMember?: number;
  /** Mean positions per agency (default 2; each agency has between half and one and a half times this, at least 1). */
  positionsPerAgency?: number;
  /** PRNG seed (default 2002, the year the Bali Process began). */
  seed?: number;
  /** Shares of confirmed, stale and missing positions per Member (default 0.6 / 0.25 / 0.15). */
  mix?: { confirmed: number; stale: number; missing: number };
  /** Accounts to link to people (people.user_id), so that their `private` channels show to them. */
  accounts?: readonly LinkedAccount[];
}

export interface DirectoryDemoData {
  agencies: AgenciesTable[];
  agencyMandates: DB['agency_mandates'][];
  positions: PositionsTable[];
  positionThemes: DB['position_themes'][];
  people: PeopleTable[];
  channels: ContactChannelsTable[];
  holders: PositionHoldersTable[];
  /** The freshness each position was generated to have (by position id), to check the mix against. */
  intended: Map<string, Freshness>;
  /** Member names by code, for the search index. */
  memberNames: Map<string, string>;
}

export interface DirectoryDemoCounts {
  agencies: number;
  positions: number;
  people: number;
  channels: number;
  holdings: number;
  searchTokens: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness

/** sfc32, seeded through splitmix32: small, fast and good enough for demo data. Never Math.random. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const split = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  hex(digits: number): string {
    let s = '';
    while (s.length < digits) s += this.uint32().toString(16).padStart(8, '0');
    return s.slice(0, digits);
  }
}

/**
 * UUIDs in the version 7 layout (a millisecond counter, then random bits), so ids sort in the order they were
 * made and rows go into the indexes in order. The counter starts at the given time and steps 1 ms per id.
 */
class Ids {
  private ms: number;
  constructor(
    private readonly rng: Prng,
    start: Date,
  ) {
    this.ms = start.getTime();
  }
  next(): string {
    const ts = (this.ms++).toString(16).padStart(12, '0');
    const variant = (8 + (this.rng.uint32() % 4)).toString(16);
    return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${this.rng.hex(3)}-${variant}${this.rng.hex(3)}-${this.rng.hex(12)}`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reference material

const wgByCode = new Map(workingGroups.map((w) => [w.code, w]));
const themeCodes = new Set(themes.map((t) => t.code));

/** Mandates (seed/reference/mandates.json) by kind of agency; the first always applies, the others often. */
const kindMandates: Record<AgencyKind, string[]> = {
  police: ['counter-trafficking', 'transnational-crime', 'counter-smuggling'],
  immigration: ['irregular-migration', 'border-management', 'counter-smuggling'],
  coast_guard: ['border-management', 'counter-smuggling'],
  prosecution: ['justice', 'counter-trafficking', 'transnational-crime'],
  labour: ['victim-protection', 'counter-trafficking', 'irregular-migration'],
  social_welfare: ['victim-protection', 'counter-trafficking'],
  foreign_affairs: ['irregular-migration', 'victim-protection'],
  customs: ['border-management', 'transnational-crime'],
  interior: ['irregular-migration', 'border-management'],
  border_guard: ['border-management', 'counter-smuggling', 'transnational-crime'],
};
const orgMandates: Record<string, string[]> = {
  IOM: ['irregular-migration', 'counter-trafficking', 'victim-protection', 'border-management'],
  UNHCR: ['irregular-migration', 'victim-protection'],
  UNODC: ['counter-trafficking', 'counter-smuggling', 'transnational-crime', 'justice'],
  ILO: ['victim-protection', 'counter-trafficking'],
  ICMPD: ['border-management', 'irregular-migration', 'transnational-crime'],
};

/** Themes (seed/reference/themes.json) a position in each kind of agency works on. */
const kindThemes: Record<AgencyKind | 'organisation', string[]> = {
  police: ['trafficking-patterns', 'transnational-crime', 'technology', 'corruption'],
  immigration: ['border-management', 'migration-flows', 'transnational-crime', 'technology'],
  coast_guard: ['safety-at-sea', 'border-management'],
  prosecution: ['justice-sector', 'corruption', 'trafficking-patterns'],
  labour: ['migration-flows', 'victim-identification'],
  social_welfare: ['victim-identification', 'trafficking-patterns'],
  foreign_affairs: ['migration-flows', 'emerging-trends'],
  customs: ['border-management', 'transnational-crime', 'corruption'],
  interior: ['emerging-trends', 'migration-flows', 'border-management'],
  border_guard: ['border-management', 'transnational-crime'],
  organisation: ['emerging-trends', 'victim-identification', 'migration-flows', 'justice-sector'],
};

/** Working groups a kind of agency is most often the focal point for (working-groups.json codes). */
const kindGroups: Record<AgencyKind | 'organisation', string[]> = {
  police: ['WG-TIP', 'WG-DCN'],
  immigration: ['TEG-RR', 'WG-DCN', 'TFPP'],
  coast_guard: ['TFPP', 'WG-DCN'],
  prosecution: ['WG-TIP', 'WG-DCN'],
  labour: ['GABF', 'WG-TIP'],
  social_welfare: ['WG-TIP'],
  foreign_affairs: ['SG', 'AHG', 'MIN', 'CM'],
  customs: ['WG-DCN'],
  interior: ['AHG', 'TFPP', 'CM'],
  border_guard: ['TFPP', 'WG-DCN'],
  organisation: ['AHG', 'WG-TIP', 'TEG-RR'],
};

/** Titles of positions that are not a working group's focal point. */
const kindTitles: Record<AgencyKind | 'organisation', string[]> = {
  police: ['Director, Anti-Trafficking Investigations', 'Deputy Commander', 'Head, Victim Identification Unit', 'Liaison Officer, International Cooperation', 'Senior Intelligence Analyst', 'Case Coordinator, Online Exploitation'],
  immigration: ['Director, Border Control', 'Head, Document Examination Centre', 'Chief, Investigations and Removals', 'Liaison Officer, Airport Operations', 'Senior Analyst, Migration Intelligence'],
  coast_guard: ['Commander, Maritime Operations', 'Head, Search and Rescue Coordination', 'Liaison Officer, Regional Maritime Cooperation', 'Duty Officer, Maritime Rescue Centre'],
  prosecution: ['Chief Prosecutor, Human Trafficking Cases', 'Senior Prosecutor, Transnational Crime', 'Head, Mutual Legal Assistance', 'Prosecutor, Asset Recovery'],
  labour: ['Director, Labour Inspection', 'Head, Migrant Worker Protection', 'Senior Officer, Recruitment Agency Licensing', 'Labour Attaché Coordinator'],
  social_welfare: ['Director, Victim Support Services', 'Head, Shelter Management', 'Case Manager, Child Protection', 'Coordinator, Reintegration Assistance'],
  foreign_affairs: ['Director, Consular Protection', 'Head, Migration and Transnational Crime Desk', 'Desk Officer, Bali Process', 'Counsellor, Regional Cooperation'],
  customs: ['Director, Enforcement', 'Head, Risk Management Unit', 'Senior Officer, Trade-Based Crime'],
  interior: ['Director-General, Policy and Planning', 'Head, International Cooperation Division', 'Senior Policy Adviser, Irregular Migration'],
  border_guard: ['Commander, Border Operations', 'Head, Border Intelligence', 'Liaison Officer, Cross-Border Cooperation'],
  organisation: ['Chief of Mission', 'Programme Manager, Counter-Trafficking', 'Regional Thematic Specialist, Migrant Protection', 'Project Officer, Border Management', 'Liaison Officer, Regional Support Office'],
};

const uniformed = new Set<AgencyKind>(['police', 'coast_guard', 'border_guard', 'immigration']);

/** Country calling codes, for the fictional +999 numbers. */
const callingCodes: Record<string, string> = {
  AFG: '93', BGD: '880', BTN: '975', BRN: '673', KHM: '855', CHN: '86', PRK: '850', FJI: '679', NCL: '687', HKG: '852', IND: '91', IDN: '62', IRN: '98',
  IRQ: '964', JPN: '81', JOR: '962', KIR: '686', LAO: '856', MAC: '853', MYS: '60', MDV: '960', MNG: '976', MMR: '95', NRU: '674', NPL: '977', NZL: '64',
  PAK: '92', PLW: '680', PNG: '675', PHL: '63', KOR: '82', WSM: '685', SGP: '65', SLB: '677', LKA: '94', SYR: '963', THA: '66', TLS: '670', TON: '676',
  TUR: '90', ARE: '971', VUT: '678', VNM: '84',
};

const digits = (rng: Prng, n: number) => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');

/** A phone number nobody answers: a range set aside for fiction, or the unassigned country code +999. */
function fictionalPhone(rng: Prng, memberCode: string): string {
  switch (memberCode) {
    case 'USA':
      return `+1 202 555 01${digits(rng, 2)}`;
    case 'CAN':
      return `+1 613 555 01${digits(rng, 2)}`;
    case 'GBR':
      return `+44 7700 900${digits(rng, 3)}`;
    case 'AUS':
      return `+61 2 5550 ${digits(rng, 4)}`;
    default:
      return `+999 ${callingCodes[memberCode] ?? '0'} ${digits(rng, 3)} ${digits(rng, 4)}`;
  }
}

/** The e-mail local part for a name: folded to ASCII ("Nguyễn Thị Linh" → "nguyen.thi.linh"). */
function mailbox(name: string): string {
  const local = normalize(name).replace(/[^a-z0-9 ]/g, '').trim().replace(/ +/g, '.');
  return local || 'focal.point';
}

const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);
const iso = (t: number) => new Date(t).toISOString();

// ---------------------------------------------------------------------------------------------------------------
// The generator

interface AgencyPlan {
  kind: AgencyKind | 'organisation';
  region: number;
  nameEn: string;
  nameLocal: string | null;
  acronym: string;
  type: string;
  slug: string;
  mandates: string[];
  parentKey: string | null;
  key: string;
}

function stateAgencyPlans(rng: Prng, member: DirectoryMember, locale: Locale, count: number): AgencyPlan[] {
  const kinds = rng.shuffle(agencyKinds.filter((k) => !(k === 'coast_guard' && landlocked.has(member.code)) && !(k === 'border_guard' && islands.has(member.code))));
  const plans: AgencyPlan[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length] ?? 'immigration';
    const region = Math.floor(i / kinds.length);
    const names = agencyKindNames[kind];
    const local = locale.agencies?.[kind] ?? null;
    const mandates = kindMandates[kind].filter((_, j) => j === 0 || rng.chance(0.5));
    plans.push({
      kind,
      region,
      nameEn: region === 0 ? names.en : `Regional Office ${region}, ${names.en}`,
      nameLocal: local && (region === 0 ? local : `${local} ${locale.region?.(region) ?? region}`),
      acronym: region === 0 ? names.acronym : `${names.acronym}-R${region}`,
      type: names.type,
      slug: `${member.code}-${kind.replace('_', '-')}${region ? `-r${region}` : ''}`.toLowerCase(),
      mandates,
      key: `${kind}:${region}`,
      parentKey: region === 0 ? null : `${kind}:0`,
    });
  }
  return plans;
}

function organisationAgencyPlans(rng: Prng, org: DirectoryMember, states: readonly DirectoryMember[], count: number): AgencyPlan[] {
  const mandates = orgMandates[org.code] ?? ['irregular-migration'];
  const plans: AgencyPlan[] = [];
  const offices = rng.shuffle(states);
  for (let i = 0; i < count; i++) {
    const pickMandates = mandates.filter((_, j) => j === 0 || rng.chance(0.5));
    if (i === 0) {
      plans.push({ kind: 'organisation', region: 0, nameEn: `${org.code} Regional Office for Asia and the Pacific`, nameLocal: null, acronym: `${org.code}-ROAP`, type: 'international_organisation', slug: `${org.code}-roap`.toLowerCase(), mandates, key: 'roap', parentKey: null });
      continue;
    }
    const state = offices[(i - 1) % Math.max(offices.length, 1)];
    const round = Math.floor((i - 1) / Math.max(offices.length, 1));
    const where = state?.name ?? 'the region';
    const code = state?.code ?? 'REG';
    plans.push({
      kind: 'organisation',
      region: round,
      nameEn: round === 0 ? `${org.code} Country Office, ${where}` : `${org.code} Field Office ${round}, ${where}`,
      nameLocal: null,
      acronym: `${org.code}-${code}${round ? `-${round}` : ''}`,
      type: 'international_organisation',
      slug: `${org.code}-${code}${round ? `-${round}` : ''}`.toLowerCase(),
      mandates: pickMandates,
      key: `office:${i}`,
      parentKey: 'roap',
    });
  }
  return plans;
}

interface PositionPlan {
  title: string;
  workingGroup: string | null;
  themes: string[];
}

function positionPlans(rng: Prng, member: DirectoryMember, kind: AgencyKind | 'organisation', count: number): PositionPlan[] {
  const preferred = rng.shuffle(kindGroups[kind]);
  const groups = [...preferred, ...rng.shuffle(workingGroups.map((w) => w.code).filter((c) => !preferred.includes(c)))];
  const titles = rng.shuffle(kindTitles[kind]);
  const plans: PositionPlan[] = [];
  let g = 0;
  let t = 0;
  for (let i = 0; i < count; i++) {
    const themePool = kindThemes[kind].filter((c) => themeCodes.has(c));
    const chosenThemes = rng.shuffle(themePool).slice(0, rng.int(1, Math.min(3, themePool.length)));
    const useGroup = (rng.chance(0.65) || t >= titles.length) && g < groups.length;
    if (useGroup) {
      const code = groups[g++] ?? 'WG-TIP';
      const wg = wgByCode.get(code);
      const role = code === 'MIN' ? 'delegation contact' : g > 2 && rng.chance(0.3) ? 'alternate focal point' : 'focal point';
      plans.push({ title: `${member.name}: ${wg?.name ?? code} ${role}`, workingGroup: code, themes: chosenThemes });
    } else {
      const title = titles[t++ % titles.length] ?? 'Director';
      plans.push({ title: t > titles.length ? `${title} (${Math.ceil(t / titles.length)})` : title, workingGroup: null, themes: chosenThemes });
    }
  }
  return plans;
}

/** Generates the directory. Pure and deterministic: the same options give the same rows. */
export function generateDirectory(opts: DirectoryDemoOptions): DirectoryDemoData {
  const rng = new Prng(opts.seed ?? 2002);
  const now = opts.now.getTime();
  const interval = opts.intervalDays;
  const perMember = opts.agenciesPerMember ?? 6;
  const perAgency = opts.positionsPerAgency ?? 2;
  const mix = opts.mix ?? { confirmed: 0.6, stale: 0.25, missing: 0.15 };
  // Ids count up from three years ago, one millisecond apart: they sort in the order rows are made.
  const ids = new Ids(rng, new Date(now - 3 * 365 * DAY));
  const data: DirectoryDemoData = {
    agencies: [], agencyMandates: [], positions: [], positionThemes: [], people: [], channels: [], holders: [],
    intended: new Map(), memberNames: new Map(opts.members.map((m) => [m.code, m.name])),
  };
  const states = opts.members.filter((m) => m.kind !== 'organisation');
  const days = (min: number, max: number) => rng.int(Math.round(min * DAY), Math.round(max * DAY));

  const makePerson = (memberCode: string, kind: AgencyKind | 'organisation', slug: string, confirmedAt: string | null, createdAt: string): PeopleTable => {
    const localeCode = kind === 'organisation' ? rng.pick(internationalStaffFrom) : memberCode;
    const locale = localeOf(localeCode);
    const given: GivenName = rng.pick(locale.given);
    const other = rng.pick(locale.given.filter((x) => x[2] === given[2]));
    const name = locale.format(given, rng.pick(locale.family), other);
    const honorifics = locale.honorifics?.[given[2]] ?? [];
    const titles = kind !== 'organisation' && uniformed.has(kind) ? honorifics : honorifics.slice(0, 2);
    const person: PeopleTable = {
      id: ids.next(),
      name_latin: name.latin,
      name_local: name.local,
      title: titles.length && rng.chance(0.9) ? rng.pick(titles) : null,
      languages: JSON.stringify(kind === 'organisation' ? ['en', ...rng.pick(locale.languages).filter((l) => !l.startsWith('en'))].slice(0, 3) : rng.pick(locale.languagesOf?.(name) ?? locale.languages)),
      user_id: null,
      last_confirmed_at: confirmedAt,
      last_confirmed_by: null,
      created_at: createdAt,
      updated_at: confirmedAt ?? createdAt,
    };
    data.people.push(person);
    const phoneCode = kind === 'organisation' ? localeCode : memberCode;
    let order = 0;
    const channel = (c: Omit<ContactChannelsTable, 'id' | 'person_id' | 'sort_order'>) => data.channels.push({ id: ids.next(), person_id: person.id, sort_order: order++, ...c });
    const emailTier = rng.next();
    channel({ kind: 'email', value: `${mailbox(name.latin)}@${slug}.demo.invalid`, label: 'Work', visibility: emailTier < 0.3 ? 'public' : emailTier < 0.85 ? 'members' : 'secretariat' });
    if (rng.chance(0.7)) channel({ kind: 'phone', value: fictionalPhone(rng, phoneCode), label: 'Office', visibility: rng.chance(0.35) ? 'public' : 'members' });
    if (rng.chance(0.5)) channel({ kind: 'mobile', value: fictionalPhone(rng, phoneCode), label: 'Mobile', visibility: rng.chance(0.6) ? 'secretariat' : 'private' });
    if (rng.chance(0.25)) channel({ kind: 'messaging', value: fictionalPhone(rng, phoneCode), label: rng.pick(locale.messaging ?? ['Signal']), visibility: 'private' });
    if (rng.chance(0.05)) channel({ kind: 'fax', value: fictionalPhone(rng, phoneCode), label: 'Fax', visibility: 'members' });
    return person;
  };

  for (const member of opts.members) {
    const isOrg = member.kind === 'organisation';
    const plans = isOrg ? organisationAgencyPlans(rng, member, states, perMember) : stateAgencyPlans(rng, member, localeOf(member.code), perMember);
    const agencyIds = new Map<string, string>();
    const memberPositions: { position: PositionsTable; kind: AgencyKind | 'organisation'; slug: string; agency: AgenciesTable }[] = [];
    for (const plan of plans) {
      const created = now - days(500, 2500);
      const agency: AgenciesTable = {
        id: ids.next(), member_code: member.code, name_en: plan.nameEn, name_local: plan.nameLocal, acronym: plan.acronym, type: plan.type,
        parent_id: plan.parentKey ? (agencyIds.get(plan.parentKey) ?? null) : null,
        website: `https://${plan.slug}.demo.invalid/`,
        address: plan.region ? `Regional office ${plan.region} (fictional address)` : 'Headquarters (fictional address)',
        last_confirmed_at: null, last_confirmed_by: null, created_at: iso(created), updated_at: iso(created),
      };
      agencyIds.set(plan.key, agency.id);
      data.agencies.push(agency);
      for (const mandate of plan.mandates) data.agencyMandates.push({ agency_id: agency.id, mandate_code: mandate });
      const count = Math.max(1, rng.int(Math.floor(perAgency * 0.5), Math.ceil(perAgency * 1.5)));
      for (const p of positionPlans(rng, member, plan.kind, count)) {
        const position: PositionsTable = {
          id: ids.next(), agency_id: agency.id, title: p.title, working_group_code: p.workingGroup,
          last_confirmed_at: null, last_confirmed_by: null, created_at: agency.created_at, updated_at: agency.created_at,
        };
        data.positions.push(position);
        for (const theme of p.themes) data.positionThemes.push({ position_id: position.id, theme_code: theme });
        memberPositions.push({ position, kind: plan.kind, slug: plan.slug, agency });
      }
    }

    // The freshness mix, exact per Member (rounded), in random order.
    const n = memberPositions.length;
    const missing = Math.round(n * mix.missing);
    const confirmed = Math.min(n - missing, Math.round(n * mix.confirmed));
    const statuses = rng.shuffle([...Array<Freshness>(confirmed).fill('confirmed'), ...Array<Freshness>(missing).fill('missing'), ...Array<Freshness>(n - confirmed - missing).fill('stale')]);
    let previousHolder: { agencyId: string; person: PeopleTable } | null = null;
    memberPositions.forEach(({ position, kind, slug, agency }, i) => {
      const status = statuses[i] ?? 'stale';
      data.intended.set(position.id, status);
      let confirmedAt: number | null = null;
      let start: number;
      if (status === 'confirmed') {
        confirmedAt = now - days(0, interval * 0.95);
        start = confirmedAt - days(0, 1500);
      } else if (status === 'stale') {
        confirmedAt = rng.chance(0.65) ? now - days(interval + 1, interval * 3) : null;
        start = (confirmedAt ?? now - interval * DAY) - days(0, 1500);
      } else {
        // Missing: the last holder left (most positions), or nobody was ever named. A past confirmation may remain,
        // and then the holder left after it.
        confirmedAt = rng.chance(0.4) ? now - days(interval * 0.5, interval * 3) : null;
        start = confirmedAt === null ? now - days(10, 400) : confirmedAt + Math.floor((now - DAY - confirmedAt) * rng.next());
      }
      position.last_confirmed_at = confirmedAt === null ? null : iso(confirmedAt);
      position.updated_at = position.last_confirmed_at ?? position.created_at;
      if (position.last_confirmed_at && (!agency.last_confirmed_at || agency.last_confirmed_at < position.last_confirmed_at)) {
        agency.last_confirmed_at = position.last_confirmed_at;
        agency.updated_at = position.last_confirmed_at;
      }
      const created = iso(Math.min(start, now - DAY));
      if (status !== 'missing') {
        // Now and then one person holds two positions of the same agency.
        const shared = previousHolder && previousHolder.agencyId === agency.id && rng.chance(0.08) ? previousHolder.person : null;
        const person = shared ?? makePerson(member.code, kind, slug, position.last_confirmed_at, created);
        data.holders.push({ id: ids.next(), position_id: position.id, person_id: person.id, start_date: isoDate(start), end_date: null, note: null, created_at: created });
        previousHolder = { agencyId: agency.id, person };
      }
      // History: most vacant positions and a fifth of the others had someone before.
      const pastHolder = status === 'missing' ? rng.chance(0.6) : rng.chance(0.2);
      if (pastHolder) {
        // The predecessor handed over the day the current holder started; a vacant position's last holder left on `start`.
        const end = start;
        const from = end - days(300, 1500);
        const person = makePerson(member.code, kind, slug, rng.chance(0.5) ? iso(from + days(0, 200)) : null, iso(from));
        const note = rng.pick(['Rotated to another post', 'Retired', 'Posted abroad', 'Handed over after reorganisation', null]);
        data.holders.push({ id: ids.next(), position_id: position.id, person_id: person.id, start_date: isoDate(from), end_date: isoDate(end), note, created_at: iso(from) });
      }
    });
  }

  linkAccounts(data, opts.accounts ?? [], ids);
  return data;
}

/** Makes each linked account the (confirmed) holder of a position of its Member, with its own e-mail and private channels. */
function linkAccounts(data: DirectoryDemoData, accounts: readonly LinkedAccount[], ids: Ids): void {
  if (!accounts.length) return;
  const agencyMember = new Map(data.agencies.map((a) => [a.id, a.member_code]));
  const positionAgency = new Map(data.positions.map((p) => [p.id, p.agency_id]));
  const taken = new Set<string>();
  for (const account of accounts) {
    const holding = data.holders.find((h) => {
      if (h.end_date !== null || taken.has(h.person_id) || data.intended.get(h.position_id) !== 'confirmed') return false;
      return agencyMember.get(positionAgency.get(h.position_id) ?? '') === account.memberCode;
    });
    const person = holding && data.people.find((p) => p.id === holding.person_id);
    if (!person) continue;
    // The person holds only this position, so the account is not spread over someone else's records.
    if (data.holders.some((h) => h.person_id === person.id && h !== holding)) continue;
    taken.add(person.id);
    person.name_latin = account.name;
    person.name_local = null;
    person.user_id = account.userId;
    if (account.languages) person.languages = JSON.stringify(account.languages);
    const own = data.channels.filter((c) => c.person_id === person.id);
    data.channels = data.channels.filter((c) => c.person_id !== person.id);
    const phone = own.find((c) => c.kind === 'phone' || c.kind === 'mobile')?.value ?? '+999 0 555 0100';
    data.channels.push(
      { id: ids.next(), person_id: person.id, kind: 'email', value: account.email, label: 'Work', visibility: 'members', sort_order: 0 },
      { id: ids.next(), person_id: person.id, kind: 'phone', value: phone, label: 'Office', visibility: 'public', sort_order: 1 },
      { id: ids.next(), person_id: person.id, kind: 'mobile', value: phone.replace(/\d$/, (d) => String((Number(d) + 1) % 10)), label: 'Mobile (own)', visibility: 'private', sort_order: 2 },
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

type Db = Kysely<DB> | Transaction<DB>;

/** Rows per INSERT: SQLite allows at most 32,766 bound parameters per statement (13 columns × 300 rows = 3,900). */
const BATCH = 300;

async function insertBatches<T extends keyof DB>(db: Db, table: T, rows: readonly (DB[T] | Insertable<DB[T]>)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    // Kysely cannot type a generic table's insert values; the rows are exactly that table's rows.
    await db.insertInto(table).values(rows.slice(i, i + BATCH) as never).execute();
  }
}

/** Documents to index: their type, id and texts (as in search-index.ts). */
function* indexDocuments(data: DirectoryDemoData): Generator<{ type: DocType; id: string; texts: readonly (string | null | undefined)[] }> {
  const agencies = new Map(data.agencies.map((a) => [a.id, a]));
  for (const a of data.agencies) yield { type: 'agency', id: a.id, texts: searchIndex.agencyTexts(a, data.memberNames.get(a.member_code) ?? a.member_code) };
  for (const p of data.positions) {
    const agency = agencies.get(p.agency_id);
    if (agency) yield { type: 'position', id: p.id, texts: searchIndex.positionTexts(p, agency) };
  }
  for (const p of data.people) yield { type: 'person', id: p.id, texts: searchIndex.personTexts(p) };
}

/**
 * Writes the search index in bulk. On PostgreSQL one statement takes thousands of rows as three arrays (unnest),
 * three parameters in all; on SQLite the rows go in as plain multi-row INSERTs of {@link BATCH} rows.
 */
async function writeSearchTokens(db: Db, data: DirectoryDemoData, postgres: boolean): Promise<number> {
  const chunk = postgres ? 20_000 : BATCH;
  let docTypes: string[] = [];
  let docIds: string[] = [];
  let tokens: string[] = [];
  let total = 0;
  const flush = async () => {
    if (!tokens.length) return;
    if (postgres) {
      await sql`insert into search_tokens (doc_type, doc_id, token) select * from unnest(${docTypes}::text[], ${docIds}::text[], ${tokens}::text[])`.execute(db);
    } else {
      await db.insertInto('search_tokens').values(tokens.map((token, i) => ({ doc_type: docTypes[i] ?? '', doc_id: docIds[i] ?? '', token }))).execute();
    }
    total += tokens.length;
    docTypes = [];
    docIds = [];
    tokens = [];
  };
  for (const doc of indexDocuments(data)) {
    const set = new Set<string>();
    for (const text of doc.texts) if (text) for (const token of tokenize(text)) set.add(token);
    for (const token of set) {
      docTypes.push(doc.type);
      docIds.push(doc.id);
      tokens.push(token);
      if (tokens.length >= chunk) await flush();
    }
  }
  await flush();
  return total;
}

/** Writes generated data (and its search index rows) inside the given transaction, in batches. */
export async function writeDirectory(db: Db, data: DirectoryDemoData): Promise<DirectoryDemoCounts> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // Parents come before their regional offices in `agencies`, so the self-reference holds row by row.
  await insertBatches(db, 'agencies', data.agencies);
  await insertBatches(db, 'agency_mandates', data.agencyMandates);
  await insertBatches(db, 'people', data.people);
  await insertBatches(db, 'contact_channels', data.channels);
  await insertBatches(db, 'positions', data.positions);
  await insertBatches(db, 'position_themes', data.positionThemes);
  await insertBatches(db, 'position_holders', data.holders);
  const searchTokens = await writeSearchTokens(db, data, postgres);
  return { agencies: data.agencies.length, positions: data.positions.length, people: data.people.length, channels: data.channels.length, holdings: data.holders.length, searchTokens };
}

/** The Members and Observers in the database, in code order. */
export async function directoryMembers(db: Db): Promise<DirectoryMember[]> {
  return db.selectFrom('members').select(['code', 'name', 'kind']).orderBy('code').execute();
}

/**
 * Seeds the fictional directory once: does nothing (and returns null) when any agency exists already. Reads the
 * Members from the database unless given, generates, and writes everything in one transaction (the given one,
 * or a new one).
 */
export async function seedDirectoryDemo(
  db: Kysely<DB>,
  opts: Omit<DirectoryDemoOptions, 'members'> & { members?: readonly DirectoryMember[] },
): Promise<DirectoryDemoCounts | null> {
  const run = async (trx: Kysely<DB>) => {
    if (await trx.selectFrom('agencies').select('id').limit(1).executeTakeFirst()) return null;
    const members = opts.members ?? (await directoryMembers(trx));
    return writeDirectory(trx, generateDirectory({ ...opts, members }));
  };
  // Inside the caller's transaction when given one (the demo accounts and their directory go in together).
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
