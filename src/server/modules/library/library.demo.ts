import crypto from 'node:crypto';
import { PostgresAdapter, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { DemoContext } from '../../db/seed/demo-context';
import { FileStore } from '../../platform/files/file-store';
import { simplePaperPdf } from '../papers/documents';
import { indexTokens, writeFts } from './library.fts';
import type { LibraryResourcesTable } from './library.tables';

/*
 * The library's demo: the RSO/NEXUS victim-identification practitioner guide series (fictional summaries of the
 * real series' subjects), policy guides, reports, toolkits, legislation, case studies and training material, some
 * in Thai, Khmer, Lao, Bahasa Indonesia and Vietnamese, with language versions, at each sensitivity. The guides'
 * English versions come with generated PDFs and their text; the others carry their text directly (as if extracted)
 * and a link.
 */

interface Demo {
  key: string;
  type: string;
  title: string;
  description: string;
  themes: string[];
  countries: string[];
  languages: string[];
  year: number;
  publisher: string;
  sensitivity: 'public' | 'members' | 'secretariat';
  translationOf?: string;
  text: string[];
  pdf?: boolean;
}

const RSO = 'Bali Process Regional Support Office';
const NEXUS = 'RSO and NEXUS Institute';
const guideSeries = [
  ['identification', 'Trafficking Victim Identification: A Practitioner Guide', 'Who is a victim of trafficking, the three elements of the Palermo Protocol (act, means, purpose), indicators, proactive identification at borders, in workplaces and at sea, and referral.'],
  ['protection', 'Protection and Support of Trafficking Victims: A Practitioner Guide', 'Safety, shelter, health care, legal aid and interpretation for identified victims; informed consent; the non-punishment principle.'],
  ['recovery', 'Recovery and Reintegration of Trafficking Victims: A Practitioner Guide', 'Long-term recovery: family and community reintegration, livelihoods, case management and follow-up after return.'],
  ['children', 'Special Measures for Child Victims of Trafficking: A Practitioner Guide', 'The best interests of the child, age assessment, guardianship, child-friendly interviews and family tracing.'],
  ['witnesses', 'Victim-Witnesses in Trafficking Cases: A Practitioner Guide', 'Supporting victims who testify: protection measures, trauma-informed interviews, and courtroom preparation.'],
  ['remedies', 'Access to Remedies for Trafficking Victims: A Practitioner Guide', 'Compensation, restitution and civil claims; asset confiscation for victims; legal assistance across borders.'],
] as const;

function guideText(subject: string, summary: string): string[] {
  return [
    summary,
    `Legal obligations: what States have committed to under the Palermo Protocol and regional instruments on ${subject}.`,
    'Key concepts: exploitation, vulnerability, consent, trauma, and the difference between people smuggling and trafficking in persons.',
    'Challenges practitioners report: screening mixed flows, language barriers, fear of authorities, debt bondage, and online recruitment through social media.',
    'Guidance: checklists for first contact, referral pathways between police, immigration, labour inspectors and social services, and cooperation with civil society.',
    'Exercises: case scenarios from fishing vessels, domestic work and scam compounds, with a facilitator guide for training sessions.',
  ];
}

const demos: Demo[] = [
  ...guideSeries.map(([key, title, summary], i): Demo => ({
    key: `guide-${key}`, type: 'practitioner_guide', title, description: summary, themes: ['victim-identification', 'trafficking-patterns'], countries: [],
    languages: ['en'], year: 2021 + Math.floor(i / 2), publisher: NEXUS, sensitivity: 'public', text: guideText(key, summary), pdf: true,
  })),
  {
    key: 'guide-identification-th', type: 'practitioner_guide', title: 'การคัดแยกผู้เสียหายจากการค้ามนุษย์: คู่มือสำหรับผู้ปฏิบัติงาน', translationOf: 'guide-identification',
    description: 'ผู้เสียหายจากการค้ามนุษย์คือใคร องค์ประกอบสามประการของพิธีสารปาแลร์โม ตัวบ่งชี้ และการส่งต่อ', themes: ['victim-identification'], countries: ['THA'], languages: ['th'],
    year: 2022, publisher: NEXUS, sensitivity: 'public',
    text: ['คู่มือนี้อธิบายการคัดแยกผู้เสียหายจากการค้ามนุษย์ ณ ด่านตรวจคนเข้าเมือง ในสถานประกอบการ และในทะเล', 'เจ้าหน้าที่สำนักงานตำรวจแห่งชาติและพนักงานตรวจแรงงานควรส่งต่อผู้เสียหายไปยังหน่วยงานคุ้มครอง'],
  },
  {
    key: 'guide-identification-km', type: 'practitioner_guide', title: 'ការកំណត់អត្តសញ្ញាណជនរងគ្រោះពីការជួញដូរមនុស្ស៖ មគ្គុទ្ទេសក៍សម្រាប់អ្នកអនុវត្ត', translationOf: 'guide-identification',
    description: 'សូចនាករ និងការបញ្ជូនជនរងគ្រោះ សម្រាប់ក្រសួងមហាផ្ទៃ និងប៉ូលីស', themes: ['victim-identification'], countries: ['KHM'], languages: ['km'], year: 2022, publisher: NEXUS,
    sensitivity: 'public', text: ['មគ្គុទ្ទេសក៍នេះពន្យល់ពីការកំណត់អត្តសញ្ញាណជនរងគ្រោះពីការជួញដូរមនុស្ស នៅព្រំដែន និងនៅសមុទ្រ'],
  },
  {
    key: 'guide-identification-lo', type: 'practitioner_guide', title: 'ການກຳນົດຕົວຜູ້ຖືກເຄາະຮ້າຍຈາກການຄ້າມະນຸດ: ຄູ່ມືສຳລັບຜູ້ປະຕິບັດງານ', translationOf: 'guide-identification',
    description: 'ຕົວຊີ້ວັດ ແລະ ການສົ່ງຕໍ່ ສຳລັບກົມຕຳຫຼວດ ແລະ ເຈົ້າໜ້າທີ່ກວດຄົນເຂົ້າເມືອງ', themes: ['victim-identification'], countries: ['LAO'], languages: ['lo'], year: 2022, publisher: NEXUS,
    sensitivity: 'public', text: ['ຄູ່ມືນີ້ອະທິບາຍການກຳນົດຕົວຜູ້ຖືກເຄາະຮ້າຍຈາກການຄ້າມະນຸດ'],
  },
  {
    key: 'guide-identification-id', type: 'practitioner_guide', title: 'Identifikasi Korban Perdagangan Orang: Panduan bagi Praktisi', translationOf: 'guide-identification',
    description: 'Siapa korban perdagangan orang, tiga unsur Protokol Palermo, indikator, dan rujukan.', themes: ['victim-identification'], countries: ['IDN'], languages: ['id'], year: 2022,
    publisher: NEXUS, sensitivity: 'public', text: ['Panduan ini menjelaskan identifikasi korban di perbatasan, di tempat kerja dan di laut.', 'Direktorat Jenderal Imigrasi dan kepolisian merujuk korban ke layanan perlindungan.'],
  },
  {
    key: 'guide-identification-vi', type: 'practitioner_guide', title: 'Nhận diện nạn nhân bị mua bán: Hướng dẫn cho người thực thi', translationOf: 'guide-identification',
    description: 'Ai là nạn nhân bị mua bán người, ba yếu tố của Nghị định thư Palermo, các dấu hiệu và chuyển tuyến.', themes: ['victim-identification'], countries: ['VNM'], languages: ['vi'],
    year: 2022, publisher: NEXUS, sensitivity: 'public', text: ['Hướng dẫn này giải thích việc nhận diện nạn nhân tại biên giới, nơi làm việc và trên biển, với Bộ Công an Việt Nam.'],
  },
  {
    key: 'policy-border', type: 'policy_guide', title: 'Policy Guide on Integrated Border Management', description: 'Principles for coordinated border agencies, risk analysis and information sharing between Members.',
    themes: ['border-management', 'transnational-crime'], countries: [], languages: ['en'], year: 2020, publisher: RSO, sensitivity: 'public',
    text: ['Integrated border management joins immigration, customs, police and quarantine at each crossing point.', 'Advance passenger information and biometrics help detect fraudulent documents.'],
  },
  {
    key: 'policy-labour', type: 'policy_guide', title: 'Policy Guide on Labour Migration and Fair Recruitment', description: 'Preventing exploitation of migrant workers through fair recruitment, contract verification and complaint mechanisms.',
    themes: ['migration-flows', 'trafficking-patterns'], countries: [], languages: ['en'], year: 2021, publisher: RSO, sensitivity: 'public',
    text: ['Recruitment fees paid by workers create debt bondage; the guide recommends employer-pays models.'],
  },
  {
    key: 'report-20-years', type: 'report', title: 'Shared lessons and progress in tackling irregular migration in the Asia Pacific: the Bali Process 20 years on',
    description: 'The RSO report of January 2023: ten shared concerns and five priorities, from interviews with Member agencies.', themes: ['trafficking-patterns', 'migration-flows', 'technology', 'corruption'],
    countries: ['KHM', 'IDN', 'THA', 'VNM', 'LAO', 'MYS', 'PHL', 'LKA'], languages: ['en'], year: 2023, publisher: RSO, sensitivity: 'public',
    text: ['Members asked the RSO to optimise the use of an online platform to facilitate an exchange of best practices, thematic dialogues and pre-briefing meetings.', 'Technology is a growing facilitator of irregular migration, people smuggling and trafficking in persons.'],
  },
  {
    key: 'report-online-scams', type: 'report', title: 'Forced criminality in online scam compounds: regional situation report', description: 'Trafficking for forced criminality in scam centres: recruitment through social media, routes and rescue.',
    themes: ['technology', 'trafficking-patterns'], countries: ['KHM', 'MMR', 'LAO', 'THA', 'PHL'], languages: ['en'], year: 2024, publisher: RSO, sensitivity: 'members',
    text: ['Victims are recruited with fake job offers and forced to defraud others online.', 'Coordinated rescue needs consular assistance and victim screening before any prosecution.'],
  },
  {
    key: 'report-sea', type: 'report', title: 'Smuggling by sea in the Andaman Sea and Bay of Bengal', description: 'Maritime movements, disembarkation, search and rescue coordination.', themes: ['safety-at-sea'],
    countries: ['BGD', 'MMR', 'THA', 'MYS', 'IDN'], languages: ['en'], year: 2022, publisher: RSO, sensitivity: 'members', text: ['Search and rescue regions overlap; timely disembarkation saves lives at sea.'],
  },
  {
    key: 'toolkit-documents', type: 'toolkit', title: 'Toolkit: detecting fraudulent travel documents', description: 'Security features, impostor detection and reporting of fraudulent passports and visas.',
    themes: ['transnational-crime', 'border-management'], countries: [], languages: ['en'], year: 2019, publisher: RSO, sensitivity: 'public', text: ['Check the laminate, the machine readable zone and the photo substitution signs.'],
  },
  {
    key: 'toolkit-documents-th', type: 'toolkit', title: 'ชุดเครื่องมือ: การตรวจสอบเอกสารการเดินทางปลอม', translationOf: 'toolkit-documents', description: 'คุณลักษณะด้านความปลอดภัยของหนังสือเดินทางและการรายงานเอกสารปลอม',
    themes: ['transnational-crime'], countries: ['THA'], languages: ['th'], year: 2020, publisher: RSO, sensitivity: 'public', text: ['สำนักงานตรวจคนเข้าเมืองตรวจสอบหนังสือเดินทางทุกฉบับ'],
  },
  {
    key: 'toolkit-data', type: 'toolkit', title: 'Toolkit on data collection for trafficking in persons', description: 'Indicators, definitions and safe handling of data on detected victims and prosecutions.',
    themes: ['emerging-trends', 'victim-identification'], countries: [], languages: ['en'], year: 2023, publisher: RSO, sensitivity: 'public', text: ['Record detected trafficking victims by sex, age and form of exploitation; never publish data about individual victims.'],
  },
  {
    key: 'law-tha', type: 'legislation', title: 'พระราชบัญญัติป้องกันและปราบปรามการค้ามนุษย์ พ.ศ. ๒๕๕๑', description: 'Thailand: Anti-Trafficking in Persons Act B.E. 2551 (2008), as amended.', themes: ['justice-sector'],
    countries: ['THA'], languages: ['th', 'en'], year: 2008, publisher: 'Royal Thai Government Gazette', sensitivity: 'public', text: ['มาตรา ๖ ผู้ใดกระทำการค้ามนุษย์ ต้องระวางโทษ'],
  },
  {
    key: 'law-idn', type: 'legislation', title: 'Undang-Undang Nomor 21 Tahun 2007 tentang Pemberantasan Tindak Pidana Perdagangan Orang', description: 'Indonesia: Law No. 21 of 2007 on the Eradication of the Criminal Act of Trafficking in Persons.',
    themes: ['justice-sector'], countries: ['IDN'], languages: ['id'], year: 2007, publisher: 'Republik Indonesia', sensitivity: 'public', text: ['Setiap orang yang melakukan perekrutan, pengangkutan, penampungan, pengiriman, pemindahan, atau penerimaan seseorang...'],
  },
  {
    key: 'law-vnm', type: 'legislation', title: 'Luật Phòng, chống mua bán người 2024', description: 'Viet Nam: Law on Prevention of and Combat against Human Trafficking (2024).', themes: ['justice-sector'],
    countries: ['VNM'], languages: ['vi'], year: 2024, publisher: 'Quốc hội Việt Nam', sensitivity: 'public', text: ['Luật này quy định về phòng ngừa, phát hiện và xử lý hành vi mua bán người, tiếp nhận, xác minh và bảo vệ nạn nhân.'],
  },
  {
    key: 'law-khm', type: 'legislation', title: 'ច្បាប់ស្តីពីការបង្ក្រាបអំពើជួញដូរមនុស្ស និងអំពើធ្វើអាជីវកម្មផ្លូវភេទ', description: 'Cambodia: Law on Suppression of Human Trafficking and Sexual Exploitation (2008).', themes: ['justice-sector'],
    countries: ['KHM'], languages: ['km'], year: 2008, publisher: 'Kingdom of Cambodia', sensitivity: 'public', text: ['ច្បាប់នេះមានគោលបំណងបង្ក្រាបអំពើជួញដូរមនុស្ស'],
  },
  {
    key: 'case-fishing', type: 'case_study', title: 'Case study: forced labour on distant-water fishing vessels', description: 'Joint investigation by two Members after crew members were found in debt bondage at port.',
    themes: ['trafficking-patterns', 'safety-at-sea'], countries: ['THA', 'IDN'], languages: ['en'], year: 2021, publisher: RSO, sensitivity: 'members', text: ['Port inspections found crew held for years without pay; labour inspectors and police acted together.'],
  },
  {
    key: 'case-corruption', type: 'case_study', title: 'Case study: a visa fraud network and the officials who helped it', description: 'Investigation lessons on corruption as a facilitator of irregular migration.',
    themes: ['corruption', 'transnational-crime'], countries: ['MYS'], languages: ['en'], year: 2022, publisher: RSO, sensitivity: 'secretariat', text: ['Internal lessons: informant handling and the confidential financial intelligence used.'],
  },
  {
    key: 'case-lao', type: 'case_study', title: 'ກໍລະນີສຶກສາ: ການສົ່ງຕໍ່ຜູ້ຖືກເຄາະຮ້າຍຂ້າມຊາຍແດນ', description: 'Lao PDR and Thailand: cross-border referral and return of victims.', themes: ['victim-identification'],
    countries: ['LAO', 'THA'], languages: ['lo'], year: 2023, publisher: RSO, sensitivity: 'members', text: ['ການສົ່ງຕໍ່ຜູ້ຖືກເຄາະຮ້າຍຈາກປະເທດໄທກັບຄືນລາວ'],
  },
  {
    key: 'training-interview', type: 'training_material', title: 'Training module: trauma-informed interviews', description: 'Facilitator notes, slides and role plays for a one-day training.',
    themes: ['victim-identification'], countries: [], languages: ['en'], year: 2023, publisher: NEXUS, sensitivity: 'public', text: ['Role play 1: a first interview at the airport with an interpreter.'],
  },
  {
    key: 'training-interview-id', type: 'training_material', title: 'Modul pelatihan: wawancara yang peka trauma', translationOf: 'training-interview', description: 'Catatan fasilitator, salindia dan permainan peran untuk pelatihan satu hari.',
    themes: ['victim-identification'], countries: ['IDN'], languages: ['id'], year: 2023, publisher: NEXUS, sensitivity: 'public', text: ['Permainan peran 1: wawancara pertama di bandara dengan penerjemah.'],
  },
  {
    key: 'training-tech', type: 'training_material', title: 'Training: online recruitment and digital evidence', description: 'How traffickers use social media and messaging apps; preserving digital evidence.',
    themes: ['technology'], countries: [], languages: ['en'], year: 2024, publisher: RSO, sensitivity: 'members', text: ['Preserve chat logs and payment records; request platform data through mutual legal assistance.'],
  },
  {
    key: 'training-secretariat', type: 'training_material', title: 'Facilitator briefing: pre-briefing meeting plan 2025', description: 'Secretariat planning notes for the next pre-briefing series.',
    themes: ['emerging-trends'], countries: [], languages: ['en'], year: 2025, publisher: RSO, sensitivity: 'secretariat', text: ['Draft schedule and speakers, not for circulation.'],
  },
];

/** The library's demo data (called by seedDemo, in its transaction, after the events demo). */
export async function seedLibraryDemo(trx: Transaction<DB>, ctx: DemoContext): Promise<Record<string, number>> {
  const dialect = trx.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  const adminId = ctx.userIds.get('admin@demo.hub.example') ?? null;
  const store = ctx.config ? new FileStore(ctx.config.UPLOAD_DIR, 1024) : null;
  const ids = new Map(demos.map((d) => [d.key, demoId(d.key)]));
  const known = new Set((await trx.selectFrom('themes').select('code').execute()).map((t) => t.code));
  const start = Number((await trx.selectFrom('library_resources').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst())?.m ?? 0);
  let files = 0;
  for (const [i, d] of demos.entries()) {
    const at = new Date(ctx.now.getTime() - (demos.length - i) * 86_400_000).toISOString();
    const text = d.text.join('\n');
    let file: Pick<LibraryResourcesTable, 'storage_key' | 'file_type' | 'content_type' | 'size_bytes' | 'sha256' | 'original_name' | 'extraction_status'> = {
      storage_key: null, file_type: null, content_type: null, size_bytes: null, sha256: null, original_name: null, extraction_status: 'none',
    };
    if (d.pdf && store) {
      const data = await simplePaperPdf(d.title, `${d.publisher}, ${d.year} (demo summary)`, d.text, new Date(at));
      const stored = await store.write(data);
      file = { storage_key: stored.key, file_type: 'pdf', content_type: 'application/pdf', size_bytes: data.length, sha256: crypto.createHash('sha256').update(data).digest('hex'), original_name: `${d.key}.pdf`, extraction_status: 'done' };
      files += 1;
    }
    const row: LibraryResourcesTable = {
      id: ids.get(d.key) ?? '', seq: start + i + 1, type: d.type, title: d.title, description: d.description, themes: JSON.stringify(d.themes.filter((t) => known.has(t))),
      countries: JSON.stringify(d.countries), languages: JSON.stringify(d.languages), year: d.year, publisher: d.publisher, sensitivity: d.sensitivity,
      translation_of: d.translationOf ? ids.get(d.translationOf) ?? null : null, link_url: file.storage_key ? null : `https://www.baliprocess.net/library/demo/${d.key}`,
      ...file, extraction_error: null, created_by: adminId, created_at: at, updated_at: at,
    };
    await trx.insertInto('library_resources').values(row).execute();
    await trx.insertInto('library_texts').values({ resource_id: row.id, text, extracted_at: at }).execute();
    await writeFts(trx, dialect, row.seq, indexTokens(row, text));
  }
  return { libraryResources: demos.length, libraryFiles: files };
}

/** Stable ids, so links to demo resources survive a re-seed. */
function demoId(key: string): string {
  const h = crypto.createHash('sha256').update(`library-demo:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
