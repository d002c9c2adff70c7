import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { DemoContext } from '../../db/seed/demo-context';
import { FileStore } from '../../platform/files/file-store';
import { simplePaperPdf } from './documents';
import type { PapersTable, PaperVersionsTable } from './papers.tables';

/** The demo dialogue of 7–8 September 2022 (agreed id, see events.demo.ts). */
const DIALOGUE_ID = '00000000-0000-4000-8000-202209070001';
const SUBTITLE = 'Regional Dialogue, 7–8 September 2022 · Bali Process Regional Support Office (demo paper)';

/*
 * The papers' texts come from the source document "Shared lessons and progress in tackling irregular migration in
 * the Asia Pacific: the Bali Process 20 years on" (RSO, 18 January 2023), shortened; embedded here so the hub runs
 * without the document. Where the document says nothing (the agenda's times), the demo says so.
 */
const members = 'Cambodia, Hong Kong, India, Indonesia, Laos, Malaysia, Maldives, Mongolia, Palau, Philippines, Sri Lanka, Thailand and Vietnam';
const concerns = [
  'The need to strengthen border management systems',
  'The changing patterns of trafficking in persons in the region',
  'The regional dimension of migration flows and exploitation of migrants',
  'The growing role of technology as a facilitator for irregular migration, people smuggling and trafficking in persons',
  'The transnational crime threats faced by the region, and the issue of fraudulent documents for irregular migration',
  'Identification of and assistance for victims of trafficking in persons continues to face a diverse set of challenges',
  'The safety of life at sea and the ongoing challenges in combating people smuggling by sea',
  'The need for collective efforts in analysing emerging trends of irregular migration in the Bali Process Region',
  'Corruption as a facilitator of irregular migration',
  'The need to strengthen the justice sector to effectively combat people smuggling and trafficking in persons',
];
const priorities = [
  'The Bali Process to consider establishing a central secretariat hub for coordination for Bali Process Members and for the Bali Process Working Groups to facilitate improved communication on Bali Process activities and meeting outcomes.',
  'The RSO to coordinate with researchers to facilitate country and sub-region-specific studies designed to tailor support for the Bali Process Member States.',
  'The RSO to implement stakeholder mapping among Bali Process Member and Observer agencies involved in irregular migration management, counter trafficking and smuggling and combatting transnational crime to establish and maintain an accurate record of focal points.',
  'The RSO to optimise the use of an online platform to facilitate an exchange of best practices, thematic dialogues, roundtable discussions, capacity-building and pre-briefing meetings with the Bali Process Members.',
  'The RSO to collaborate more closely with the Bali Process Member States to further develop strategic relationships, including the secondment of officials and the launch of an alumni network.',
];

interface DemoPaper {
  key: string;
  kind: string;
  title: string;
  language: string;
  sensitivity: string;
  translationOf?: string;
  /** Each version's paragraphs, oldest first. */
  versions: { paragraphs: string[]; note: string | null; daysAfter: number }[];
}

const papers: DemoPaper[] = [
  {
    key: 'concept', kind: 'concept_note', title: 'Annex 1: Concept Note of the Dialogue', language: 'en', sensitivity: 'members',
    versions: [{ daysAfter: -30, note: null, paragraphs: [
      '# Background',
      '2022 marks the 20th anniversary of the Bali Process and the 10th anniversary of its Regional Support Office (RSO). Bali Process Member States working together to tackle irregular migration across the Asia Pacific come together to reflect on the learning and progress they have engendered in the region, and to look ahead to future challenges where ongoing cooperation and dialogue will be vital.',
      '# Purpose',
      'With expert stakeholders gathered in one place for the first time since the pandemic, the dialogue is to understand how best to facilitate international cooperation with the Bali Process, and the practicalities to consider when building on and moving new initiatives and frameworks forward.',
      'Participants will explore critical ideas around identification of victims, using content drawn from the RSO and NEXUS Institute Practitioner Guide on Trafficking Victim Identification.',
      '# Format',
      'Two days. Speakers, then small groups centred geographically to discuss the main issues and priorities facing the Asia Pacific region.',
    ] }],
  },
  {
    key: 'agenda', kind: 'agenda', title: 'Annex 2: Agenda of the Dialogue', language: 'en', sensitivity: 'members',
    versions: [{ daysAfter: -10, note: null, paragraphs: [
      '# Day 1: 7 September 2022',
      'Opening: Pak Sukmo Yuwono and David Scott, Co-managers of the RSO (Indonesia, Australia).',
      'Building on progress: 20 years on. Member States share practical initiatives, resources and tools developed with the support of the RSO.',
      'Trafficking victim identification: the RSO and NEXUS Institute Practitioner Guide.',
      'Dr Borah Park, Research Fellow, Institute for National Security Strategy, Seoul: common characteristics that might signal someone is a victim of trafficking.',
      '# Day 2: 8 September 2022',
      'Marieke Jasperse, Senior Advisor in Trafficking in Persons, Immigration New Zealand: trauma-informed approaches in trafficking investigations.',
      'Small groups by sub-region: shared concerns and areas of focus.',
      'Plenary: where the RSO could focus its efforts. Close.',
      '(Session times are not given in the source document.)',
    ] }],
  },
  {
    key: 'participants', kind: 'participant_list', title: 'Annex 3: Participant List of the Dialogue', language: 'en', sensitivity: 'participants',
    versions: [{ daysAfter: 1, note: null, paragraphs: [
      '# Participating Members',
      `Participants hailed from ${members}.`,
      'Delegates represented law and human rights, immigration, national security and defence, business and employment, as well as member UN bodies.',
      'Names are listed only for participants who agreed to appear on the participant list (the list generated from registrations is available to registered participants).',
    ] }],
  },
  {
    key: 'outcome', kind: 'outcome_report', title: 'Outcome Report: the Bali Process 20 years on', language: 'en', sensitivity: 'public',
    versions: [
      { daysAfter: 60, note: 'Draft for Members’ comments', paragraphs: [
        '# Shared lessons and progress in tackling irregular migration in the Asia Pacific',
        `Over 7–8 September 2022, participants from ${members} reflected on the learning and progress of twenty years of the Bali Process.`,
        '# Shared concerns and areas of focus',
        ...concerns.map((c) => `• ${c}`),
      ] },
      { daysAfter: 132, note: 'Final, with the priorities agreed for the RSO', paragraphs: [
        '# Shared lessons and progress in tackling irregular migration in the Asia Pacific',
        `Over 7–8 September 2022, participants from ${members} reflected on the learning and progress of twenty years of the Bali Process.`,
        '# Shared concerns and areas of focus',
        ...concerns.map((c) => `• ${c}`),
        '# Where the RSO will focus its efforts',
        ...priorities.map((p, i) => `${i + 1}. ${p}`),
        'Increased dialogue and cooperation across the region aims to make tackling irregular migration, trafficking in persons and people smuggling more effective and impactful.',
      ] },
    ],
  },
  {
    key: 'outcome-id', kind: 'outcome_report', title: 'Laporan Hasil: Proses Bali 20 tahun', language: 'id', sensitivity: 'public', translationOf: 'outcome',
    versions: [{ daysAfter: 140, note: 'Terjemahan ringkas (demo)', paragraphs: [
      '# Pelajaran dan kemajuan bersama dalam menangani migrasi ireguler di Asia Pasifik',
      'Pada 7–8 September 2022, para peserta dari 13 Anggota merefleksikan pembelajaran dan kemajuan dua puluh tahun Proses Bali.',
      '# Prioritas bagi RSO',
      '1. Pusat sekretariat bagi Anggota dan Kelompok Kerja Proses Bali.',
      '2. Koordinasi dengan peneliti untuk studi khusus negara dan subkawasan.',
      '3. Pemetaan pemangku kepentingan dan daftar titik fokus yang akurat.',
      '4. Platform daring untuk pertukaran praktik baik, dialog tematik dan pertemuan pra-briefing.',
      '5. Hubungan lebih erat dengan Anggota: penugasan pejabat dan jaringan alumni.',
    ] }],
  },
  {
    key: 'groups', kind: 'annex', title: 'Annex 4: Notes of the small groups by sub-region', language: 'en', sensitivity: 'participants',
    versions: [{ daysAfter: 2, note: null, paragraphs: [
      '# South-eastern Asia; Southern Asia; Eastern Asia and the Pacific',
      'Delegates worked together in small groups, centred geographically, to discuss the main issues and priorities facing the Asia Pacific region.',
      'Priority areas ranged from the need to strengthen border management systems, to ongoing challenges in ensuring safety at sea and combating people smuggling by sea, to the growing role of technology as a facilitator for irregular migration, people smuggling and trafficking in persons.',
    ] }],
  },
];

/** Ids that stay the same at every seed. */
const demoId = (n: number) => `00000000-0000-4000-8600-${n.toString(16).padStart(12, '0')}`;

/**
 * The papers module's demo data (called by seedDemo, in its transaction, after the events demo): the dialogue's
 * concept note, agenda, participant list, outcome report (two versions, and an Indonesian language version) and an
 * annex, as small generated PDFs. Without an upload folder (some callers have none) nothing is written.
 */
export async function seedPapersDemo(trx: Transaction<DB>, ctx: DemoContext): Promise<Record<string, number>> {
  if (!ctx.config?.UPLOAD_DIR) return {};
  const event = await trx.selectFrom('events').select(['id', 'start_date']).where('id', '=', DIALOGUE_ID).executeTakeFirst();
  if (!event) return {};
  const store = new FileStore(ctx.config.UPLOAD_DIR, 1);
  const uploader = ctx.userIds.get('admin@demo.hub.example') ?? null;
  const day0 = Date.parse(`${event.start_date}T03:00:00Z`);
  const at = (days: number) => new Date(day0 + days * 86_400_000);
  const ids = new Map<string, string>();
  const paperRows: PapersTable[] = [];
  const versionRows: PaperVersionsTable[] = [];
  let n = 0;
  for (const p of papers) {
    const id = demoId(++n);
    ids.set(p.key, id);
    const first = p.versions[0]?.daysAfter ?? 0;
    const last = p.versions.at(-1)?.daysAfter ?? first;
    paperRows.push({
      id, event_id: DIALOGUE_ID, kind: p.kind, title: p.title, language: p.language, sensitivity: p.sensitivity,
      translation_of: p.translationOf ? (ids.get(p.translationOf) ?? null) : null, created_by: uploader, created_at: at(first).toISOString(), updated_at: at(last).toISOString(),
    });
    let number = 0;
    for (const v of p.versions) {
      const data = await simplePaperPdf(p.title, SUBTITLE, v.paragraphs, at(v.daysAfter));
      const stored = await store.write(data);
      versionRows.push({
        id: demoId(100 + versionRows.length + 1), paper_id: id, number: ++number, storage_key: stored.key, file_type: 'pdf', content_type: 'application/pdf',
        size_bytes: data.length, sha256: crypto.createHash('sha256').update(data).digest('hex'), original_name: null, note: v.note, uploaded_by: uploader, uploaded_at: at(v.daysAfter).toISOString(),
      });
    }
  }
  await trx.insertInto('papers').values(paperRows).execute();
  await trx.insertInto('paper_versions').values(versionRows).execute();
  return { papers: paperRows.length, paperVersions: versionRows.length };
}
