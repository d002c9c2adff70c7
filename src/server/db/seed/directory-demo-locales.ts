/**
 * Name material for the fictional directory demo (directory-demo.ts): given and family names, honorifics, the
 * languages people speak, and agency names in the local script of each Member. People are assembled from common
 * given and family names at random, so no record describes a real person; agency names are generic ("Immigration
 * Bureau, Region 4"), and every address and channel points at `.demo.invalid` domains or unassigned numbers.
 */

export const agencyKinds = ['police', 'immigration', 'coast_guard', 'prosecution', 'labour', 'social_welfare', 'foreign_affairs', 'customs', 'interior', 'border_guard'] as const;
export type AgencyKind = (typeof agencyKinds)[number];

export type Gender = 'f' | 'm';
/** [Latin-script form, local-script form (null when the locale writes in Latin script), gender]. */
export type GivenName = readonly [string, string | null, Gender];
/** [Latin-script form, local-script form]. */
export type FamilyName = readonly [string, string | null];

export interface PersonName {
  latin: string;
  local: string | null;
}

export interface Locale {
  /** Sets of BCP 47 tags a person may speak; one is chosen per person. */
  languages: readonly (readonly string[])[];
  /** The sets for a particular name, where the name tells (a Tamil or a Sinhala name in Sri Lanka). */
  languagesOf?: (name: PersonName) => readonly (readonly string[])[];
  given: readonly GivenName[];
  family: readonly FamilyName[];
  /** Assembles a full name from a given and a family name (and a second given name, for patronymics). */
  format: (given: GivenName, family: FamilyName, other: GivenName) => PersonName;
  /** Honorifics used in the title field, by gender, for civilian posts. */
  honorifics?: { readonly f: readonly string[]; readonly m: readonly string[] };
  /** Agency names in the local script; absent where agencies are named in English only. */
  agencies?: Readonly<Record<AgencyKind, string>>;
  /** The local words for "region n", appended to a regional office's local name. */
  region?: (n: number) => string;
  /** Messaging apps in common use. */
  messaging?: readonly string[];
}

/** English names and acronyms of each kind of agency (the national office; regional offices add "Regional Office n,"). */
export const agencyKindNames: Readonly<Record<AgencyKind, { en: string; acronym: string; type: string }>> = {
  police: { en: 'Anti-Trafficking in Persons Police Division', acronym: 'ATPD', type: 'police' },
  immigration: { en: 'Immigration Bureau', acronym: 'IMB', type: 'immigration' },
  coast_guard: { en: 'Coast Guard Command', acronym: 'CGC', type: 'coast_guard' },
  prosecution: { en: 'Office of the Public Prosecutor', acronym: 'OPP', type: 'prosecution' },
  labour: { en: 'Department of Labour Protection', acronym: 'DLP', type: 'labour' },
  social_welfare: { en: 'Department of Social Welfare', acronym: 'DSW', type: 'social_welfare' },
  foreign_affairs: { en: 'Department of Consular Affairs', acronym: 'DCA', type: 'foreign_affairs' },
  customs: { en: 'Customs Department', acronym: 'CUS', type: 'customs' },
  interior: { en: 'Ministry of Home Affairs', acronym: 'MHA', type: 'ministry' },
  border_guard: { en: 'Border Security Command', acronym: 'BSC', type: 'border_guard' },
};

const spaced = (g: GivenName, f: FamilyName, familyFirst: boolean): PersonName => ({
  latin: familyFirst ? `${f[0]} ${g[0]}` : `${g[0]} ${f[0]}`,
  local: g[1] && f[1] ? (familyFirst ? `${f[1]} ${g[1]}` : `${g[1]} ${f[1]}`) : null,
});
const givenFamily = (g: GivenName, f: FamilyName) => spaced(g, f, false);
const familyGiven = (g: GivenName, f: FamilyName) => spaced(g, f, true);
/** CJK: family name first, written without a space in the local script. */
const cjk = (g: GivenName, f: FamilyName): PersonName => ({ latin: `${f[0]} ${g[0]}`, local: g[1] && f[1] ? `${f[1]}${g[1]}` : null });

const isTamil = (s: string | null) => !!s && /\p{sc=Tamil}/u.test(s);

const english: Pick<Locale, 'given' | 'family' | 'honorifics'> = {
  given: [
    ['James', null, 'm'], ['Sarah', null, 'f'], ['Michael', null, 'm'], ['Emma', null, 'f'], ['David', null, 'm'], ['Olivia', null, 'f'],
    ['Daniel', null, 'm'], ['Chloe', null, 'f'], ['Mark', null, 'm'], ['Rebecca', null, 'f'], ['Thomas', null, 'm'], ['Hannah', null, 'f'],
  ],
  family: [['Taylor', null], ['Brown', null], ['Wilson', null], ['Martin', null], ['Anderson', null], ['Thompson', null], ['Walker', null], ['Clarke', null], ['Hughes', null], ['Bennett', null]],
  honorifics: { f: ['Ms', 'Dr'], m: ['Mr', 'Dr'] },
};

const arabicAgencies: Record<AgencyKind, string> = {
  police: 'قسم مكافحة الاتجار بالبشر',
  immigration: 'مديرية الإقامة وشؤون الأجانب',
  coast_guard: 'قيادة خفر السواحل',
  prosecution: 'النيابة العامة',
  labour: 'مديرية التفتيش على العمل',
  social_welfare: 'مديرية الرعاية الاجتماعية',
  foreign_affairs: 'إدارة الشؤون القنصلية',
  customs: 'الهيئة العامة للجمارك',
  interior: 'وزارة الداخلية',
  border_guard: 'قيادة قوات الحدود',
};
const arabicGiven: GivenName[] = [
  ['Ahmed', 'أحمد', 'm'], ['Fatima', 'فاطمة', 'f'], ['Omar', 'عمر', 'm'], ['Layla', 'ليلى', 'f'], ['Khalid', 'خالد', 'm'], ['Noor', 'نور', 'f'],
  ['Yousef', 'يوسف', 'm'], ['Rania', 'رانيا', 'f'], ['Hassan', 'حسن', 'm'], ['Mariam', 'مريم', 'f'], ['Tariq', 'طارق', 'm'], ['Huda', 'هدى', 'f'],
];
const arabic = (family: FamilyName[], languages: string[][]): Locale => ({
  languages, given: arabicGiven, family, format: givenFamily,
  honorifics: { f: ['Ms', 'Dr'], m: ['Mr', 'Dr', 'Col.', 'Brig. Gen.'] },
  agencies: arabicAgencies, region: (n) => `المنطقة ${n}`, messaging: ['WhatsApp', 'Signal'],
});

const chineseTraditional = (languages: string[][]): Locale => ({
  languages,
  given: [['Ka-man', '嘉敏', 'f'], ['Chi-ming', '志明', 'm'], ['Wai-kit', '偉傑', 'm'], ['Mei-ling', '美玲', 'f'], ['Ho-yin', '浩賢', 'm'], ['Suk-yee', '淑儀', 'f'], ['Kwok-wing', '國榮', 'm'], ['Pui-shan', '佩珊', 'f'], ['Siu-fung', '兆豐', 'm'], ['Wing-yan', '詠欣', 'f']],
  family: [['Chan', '陳'], ['Wong', '黃'], ['Lee', '李'], ['Cheung', '張'], ['Lau', '劉'], ['Ho', '何'], ['Leung', '梁'], ['Lam', '林'], ['Tsang', '曾'], ['Ng', '吳']],
  format: cjk, honorifics: { f: ['Ms', 'Dr', 'Chief Inspector'], m: ['Mr', 'Dr', 'Superintendent'] },
  agencies: {
    police: '打擊販賣人口科', immigration: '入境事務處', coast_guard: '水警總區', prosecution: '檢察署', labour: '勞工處',
    social_welfare: '社會福利署', foreign_affairs: '領事事務科', customs: '海關', interior: '保安局', border_guard: '邊境管制科',
  },
  region: (n) => `第${n}區`, messaging: ['WhatsApp', 'WeChat', 'Signal'],
});

const malay = (honorifics: Locale['honorifics']): Locale => ({
  languages: [['ms', 'en'], ['ms', 'en', 'zh'], ['ms', 'en', 'ar']],
  given: [['Ahmad', null, 'm'], ['Nur Aisyah', null, 'f'], ['Mohd Rizal', null, 'm'], ['Siti Hajar', null, 'f'], ['Hafiz', null, 'm'], ['Nurul Huda', null, 'f'], ['Azman', null, 'm'], ['Farah', null, 'f'], ['Khairul', null, 'm'], ['Zainab', null, 'f']],
  family: [['Ismail', null], ['Hassan', null], ['Abdullah', null], ['Osman', null], ['Yusof', null], ['Rahman', null], ['Salleh', null], ['Ibrahim', null], ['Hamid', null], ['Latif', null]],
  // Malay names are patronymic: "Ahmad bin Ismail", "Nur Aisyah binti Hassan".
  format: (g, f) => ({ latin: `${g[0]} ${g[2] === 'f' ? 'binti' : 'bin'} ${f[0]}`, local: null }),
  honorifics,
  agencies: {
    police: 'Bahagian Anti Pemerdagangan Orang', immigration: 'Jabatan Imigresen', coast_guard: 'Agensi Penguatkuasaan Maritim', prosecution: 'Jabatan Peguam Negara',
    labour: 'Jabatan Tenaga Kerja', social_welfare: 'Jabatan Kebajikan Masyarakat', foreign_affairs: 'Bahagian Konsular', customs: 'Jabatan Kastam',
    interior: 'Kementerian Dalam Negeri', border_guard: 'Agensi Kawalan Sempadan',
  },
  region: (n) => `Zon ${n}`, messaging: ['WhatsApp', 'Telegram', 'Signal'],
});

const korean = (family: FamilyName[], given: GivenName[], languages: string[][]): Locale => ({
  languages, given, family, format: (g, f) => ({ latin: `${f[0]} ${g[0]}`, local: `${f[1] ?? ''}${g[1] ?? ''}` }),
  honorifics: { f: ['Ms', 'Dr', 'Superintendent'], m: ['Mr', 'Dr', 'Superintendent'] },
  agencies: {
    police: '인신매매범죄수사대', immigration: '출입국·외국인청', coast_guard: '해양경찰청', prosecution: '지방검찰청', labour: '고용노동청',
    social_welfare: '사회복지과', foreign_affairs: '영사국', customs: '세관', interior: '행정안전부', border_guard: '국경경비대',
  },
  region: (n) => `제${n}지역`, messaging: ['KakaoTalk', 'Signal'],
});

const pacific = (given: GivenName[], family: FamilyName[], languages: string[][]): Locale => ({
  languages, given, family, format: givenFamily, honorifics: { f: ['Ms', 'Mrs', 'Dr'], m: ['Mr', 'Dr', 'Supt.'] }, messaging: ['WhatsApp', 'Viber', 'Signal'],
});

/** The locale of each Member code. Members not listed use English names (see {@link localeOf}). */
export const locales: Readonly<Record<string, Locale>> = {
  THA: {
    languages: [['th', 'en'], ['th', 'en', 'zh'], ['th']],
    given: [
      ['Somsak', 'สมศักดิ์', 'm'], ['Siriporn', 'ศิริพร', 'f'], ['Wichai', 'วิชัย', 'm'], ['Nattaya', 'ณัฐยา', 'f'], ['Kittipong', 'กิตติพงษ์', 'm'],
      ['Pimchanok', 'พิมพ์ชนก', 'f'], ['Anucha', 'อนุชา', 'm'], ['Rattana', 'รัตนา', 'f'], ['Chaiwat', 'ชัยวัฒน์', 'm'], ['Supaporn', 'สุภาพร', 'f'],
    ],
    family: [['Saetang', 'แซ่ตั้ง'], ['Wongsuwan', 'วงศ์สุวรรณ'], ['Srisuk', 'ศรีสุข'], ['Boonmee', 'บุญมี'], ['Thongdee', 'ทองดี'], ['Rattanakul', 'รัตนกุล'], ['Phromma', 'พรหมมา'], ['Kaewkla', 'แก้วกล้า'], ['Intharasuk', 'อินทรสุข'], ['Chaiyaporn', 'ชัยพร']],
    format: givenFamily,
    honorifics: { f: ['Ms', 'Dr', 'Pol. Lt. Col.'], m: ['Mr', 'Dr', 'Pol. Col.', 'Pol. Maj.'] },
    agencies: {
      police: 'กองปราบปรามการค้ามนุษย์', immigration: 'สำนักงานตรวจคนเข้าเมือง', coast_guard: 'กองบัญชาการรักษาชายฝั่ง', prosecution: 'สำนักงานอัยการ',
      labour: 'กรมสวัสดิการและคุ้มครองแรงงาน', social_welfare: 'กรมพัฒนาสังคมและสวัสดิการ', foreign_affairs: 'กรมการกงสุล', customs: 'กรมศุลกากร',
      interior: 'กระทรวงมหาดไทย', border_guard: 'กองบัญชาการความมั่นคงชายแดน',
    },
    region: (n) => `ภาค ${n}`, messaging: ['LINE', 'WhatsApp'],
  },
  KHM: {
    languages: [['km', 'en'], ['km', 'fr'], ['km', 'en', 'th']],
    given: [
      ['Sophea', 'សុភា', 'f'], ['Vuthy', 'វុទ្ធី', 'm'], ['Rithy', 'រិទ្ធី', 'm'], ['Bopha', 'បុប្ផា', 'f'], ['Sophal', 'សុផល', 'm'],
      ['Vannak', 'វណ្ណៈ', 'm'], ['Piseth', 'ពិសិដ្ឋ', 'm'], ['Sreymom', 'ស្រីមុំ', 'f'], ['Dara', 'ដារ៉ា', 'm'], ['Chenda', 'ចិន្តា', 'f'],
    ],
    family: [['Sok', 'សុខ'], ['Chea', 'ជា'], ['Heng', 'ហេង'], ['Keo', 'កែវ'], ['Chan', 'ចាន់'], ['Prak', 'ប្រាក់'], ['Meas', 'មាស'], ['Ros', 'រស់'], ['Lim', 'លឹម'], ['Ouk', 'អ៊ុក']],
    format: familyGiven,
    honorifics: { f: ['Ms', 'Dr', 'Lok Srey'], m: ['Mr', 'Dr', 'Lok', 'Pol. Brig. Gen.'] },
    agencies: {
      police: 'នាយកដ្ឋានប្រឆាំងការជួញដូរមនុស្ស', immigration: 'អគ្គនាយកដ្ឋានអន្តោប្រវេសន៍', coast_guard: 'បញ្ជាការដ្ឋានការពារឆ្នេរ', prosecution: 'អយ្យការអមសាលាដំបូង',
      labour: 'នាយកដ្ឋានការងារ', social_welfare: 'ក្រសួងសង្គមកិច្ច', foreign_affairs: 'នាយកដ្ឋានកុងស៊ុល', customs: 'អគ្គនាយកដ្ឋានគយ',
      interior: 'ក្រសួងមហាផ្ទៃ', border_guard: 'នាយកដ្ឋានការពារព្រំដែន',
    },
    region: (n) => `តំបន់ទី${toDigits(n, 0x17e0)}`, messaging: ['Telegram', 'WhatsApp'],
  },
  LAO: {
    languages: [['lo', 'en'], ['lo', 'th'], ['lo', 'fr', 'en']],
    given: [
      ['Souksavanh', 'ສຸກສະຫວັນ', 'm'], ['Khamphone', 'ຄຳພອນ', 'm'], ['Vilayvanh', 'ວິໄລວັນ', 'f'], ['Bounmy', 'ບຸນມີ', 'm'], ['Phonesavanh', 'ພອນສະຫວັນ', 'f'],
      ['Somphone', 'ສົມພອນ', 'm'], ['Chanthala', 'ຈັນທະລາ', 'f'], ['Malayvanh', 'ມະໄລວັນ', 'f'],
    ],
    family: [['Phommachanh', 'ພົມມະຈັນ'], ['Sisouphanh', 'ສີສຸພັນ'], ['Vongsa', 'ວົງສາ'], ['Inthavong', 'ອິນທະວົງ'], ['Keomany', 'ແກ້ວມະນີ'], ['Souvannavong', 'ສຸວັນນະວົງ'], ['Chanthavong', 'ຈັນທະວົງ'], ['Sengdara', 'ແສງດາລາ']],
    format: givenFamily,
    honorifics: { f: ['Ms', 'Dr'], m: ['Mr', 'Dr', 'Pol. Col.'] },
    agencies: {
      police: 'ກົມຕຳຫຼວດຕ້ານການຄ້າມະນຸດ', immigration: 'ກົມກວດຄົນເຂົ້າເມືອງ', coast_guard: 'ກອງລາດຕະເວນແມ່ນ້ຳ', prosecution: 'ອົງການໄອຍະການປະຊາຊົນ',
      labour: 'ກົມແຮງງານ', social_welfare: 'ກົມສະຫວັດດີການສັງຄົມ', foreign_affairs: 'ກົມກົງສຸນ', customs: 'ກົມພາສີ',
      interior: 'ກະຊວງພາຍໃນ', border_guard: 'ກອງບັນຊາການປ້ອງກັນຊາຍແດນ',
    },
    region: (n) => `ພາກ ${n}`, messaging: ['WhatsApp', 'LINE'],
  },
  MMR: {
    languages: [['my', 'en'], ['my']],
    // Burmese names have no family name: two or three syllables, with U / Daw as the honorific.
    given: [
      ['Aung', 'အောင်', 'm'], ['Kyaw', 'ကျော်', 'm'], ['Min', 'မင်း', 'm'], ['Zaw', 'ဇော်', 'm'], ['Htet', 'ထက်', 'm'], ['Naing', 'နိုင်', 'm'],
      ['Khin', 'ခင်', 'f'], ['Su', 'စု', 'f'], ['Thandar', 'သန္တာ', 'f'], ['Hnin', 'နှင်း', 'f'], ['Thida', 'သီတာ', 'f'], ['Nilar', 'နီလာ', 'f'],
    ],
    family: [['Win', 'ဝင်း'], ['Moe', 'မိုး'], ['Oo', 'ဦး'], ['Tun', 'ထွန်း'], ['Myat', 'မြတ်'], ['Hlaing', 'လှိုင်'], ['Phyo', 'ဖြိုး'], ['Nyein', 'ငြိမ်း'], ['Thu', 'သူ'], ['Zin', 'ဇင်']],
    format: (g, f, o) => ({ latin: `${g[0]} ${f[0]} ${o[0]}`, local: `${g[1] ?? ''}${f[1] ?? ''}${o[1] ?? ''}` }),
    honorifics: { f: ['Daw', 'Dr'], m: ['U', 'Dr', 'Pol. Col.'] },
    agencies: {
      police: 'လူကုန်ကူးမှုတိုက်ဖျက်ရေးဌာန', immigration: 'လူဝင်မှုကြီးကြပ်ရေးဦးစီးဌာန', coast_guard: 'ကမ်းရိုးတန်းစောင့်တပ်ဖွဲ့', prosecution: 'ဥပဒေချုပ်ရုံး',
      labour: 'အလုပ်သမားဦးစီးဌာန', social_welfare: 'လူမှုဝန်ထမ်းဦးစီးဌာန', foreign_affairs: 'ကောင်စစ်ဝန်ရေးရာဦးစီးဌာန', customs: 'အကောက်ခွန်ဦးစီးဌာန',
      interior: 'ပြည်ထဲရေးဝန်ကြီးဌာန', border_guard: 'နယ်ခြားစောင့်တပ်',
    },
    region: (n) => `တိုင်း ${toDigits(n, 0x1040)}`, messaging: ['Viber', 'Signal'],
  },
  VNM: {
    languages: [['vi', 'en'], ['vi', 'fr'], ['vi', 'en', 'zh']],
    given: [
      ['Văn Hùng', null, 'm'], ['Thị Hương', null, 'f'], ['Minh Tuấn', null, 'm'], ['Thị Lan', null, 'f'], ['Quốc Dũng', null, 'm'], ['Thu Thảo', null, 'f'],
      ['Đức Hải', null, 'm'], ['Ngọc Anh', null, 'f'], ['Quang Huy', null, 'm'], ['Thị Linh', null, 'f'],
    ],
    // Listed as often as they are common: about two in five Vietnamese are called Nguyễn.
    family: [['Nguyễn', null], ['Nguyễn', null], ['Nguyễn', null], ['Nguyễn', null], ['Trần', null], ['Trần', null], ['Lê', null], ['Phạm', null], ['Hoàng', null], ['Vũ', null], ['Đặng', null], ['Bùi', null], ['Đỗ', null], ['Phan', null]],
    format: familyGiven,
    honorifics: { f: ['Ms', 'Dr', 'Lt. Col.'], m: ['Mr', 'Dr', 'Col.', 'Sr. Lt. Col.'] },
    agencies: {
      police: 'Phòng Cảnh sát Phòng chống Tội phạm Mua bán Người', immigration: 'Cục Quản lý Xuất nhập cảnh', coast_guard: 'Bộ Tư lệnh Cảnh sát biển', prosecution: 'Viện Kiểm sát Nhân dân',
      labour: 'Cục Quản lý Lao động ngoài nước', social_welfare: 'Cục Bảo trợ Xã hội', foreign_affairs: 'Cục Lãnh sự', customs: 'Tổng cục Hải quan',
      interior: 'Bộ Nội vụ', border_guard: 'Bộ đội Biên phòng',
    },
    region: (n) => `Khu vực ${n}`, messaging: ['Zalo', 'Viber'],
  },
  IDN: {
    languages: [['id', 'en'], ['id', 'jv', 'en'], ['id', 'ms']],
    given: [['Budi', null, 'm'], ['Siti', null, 'f'], ['Agus', null, 'm'], ['Dewi', null, 'f'], ['Rina', null, 'f'], ['Andi', null, 'm'], ['Wahyu', null, 'm'], ['Putri', null, 'f'], ['Eko', null, 'm'], ['Fitri', null, 'f']],
    family: [['Santoso', null], ['Rahmawati', null], ['Hidayat', null], ['Susanto', null], ['Wijaya', null], ['Lestari', null], ['Saputra', null], ['Kurniawan', null], ['Nugroho', null], ['Pratama', null]],
    format: givenFamily,
    honorifics: { f: ['Ibu', 'Dr', 'Kombes Pol.'], m: ['Bapak', 'Dr', 'Brigjen Pol.', 'Kombes Pol.'] },
    agencies: {
      police: 'Direktorat Tindak Pidana Perdagangan Orang', immigration: 'Direktorat Jenderal Imigrasi', coast_guard: 'Badan Keamanan Laut', prosecution: 'Kejaksaan Negeri',
      labour: 'Direktorat Perlindungan Tenaga Kerja', social_welfare: 'Dinas Sosial', foreign_affairs: 'Direktorat Konsuler', customs: 'Direktorat Jenderal Bea dan Cukai',
      interior: 'Kementerian Dalam Negeri', border_guard: 'Badan Pengelola Perbatasan',
    },
    region: (n) => `Wilayah ${n}`, messaging: ['WhatsApp', 'Telegram'],
  },
  MYS: malay({ f: ['Puan', 'Dr', 'ACP'], m: ['Encik', 'Dr', 'SAC', 'ACP'] }),
  BRN: malay({ f: ['Dayang', 'Dr', 'Hajah'], m: ['Awang', 'Dr', 'Haji', 'Pengiran'] }),
  CHN: {
    languages: [['zh-Hans', 'en'], ['zh-Hans'], ['zh-Hans', 'ru']],
    given: [['Wei', '伟', 'm'], ['Fang', '芳', 'f'], ['Jing', '静', 'f'], ['Lei', '磊', 'm'], ['Min', '敏', 'f'], ['Jun', '军', 'm'], ['Haiyan', '海燕', 'f'], ['Zhiqiang', '志强', 'm'], ['Xiaoming', '晓明', 'm'], ['Lina', '丽娜', 'f']],
    family: [['Wang', '王'], ['Li', '李'], ['Zhang', '张'], ['Liu', '刘'], ['Chen', '陈'], ['Yang', '杨'], ['Zhao', '赵'], ['Huang', '黄'], ['Zhou', '周'], ['Wu', '吴']],
    format: cjk,
    honorifics: { f: ['Ms', 'Dr'], m: ['Mr', 'Dr', 'Police Supt.'] },
    agencies: {
      police: '打击拐卖人口犯罪办公室', immigration: '出入境管理局', coast_guard: '海警局', prosecution: '人民检察院', labour: '劳动保障监察局',
      social_welfare: '社会救助司', foreign_affairs: '领事司', customs: '海关', interior: '民政部', border_guard: '边防检查总站',
    },
    region: (n) => `第${n}区`, messaging: ['WeChat'],
  },
  HKG: chineseTraditional([['zh-Hant-HK', 'en'], ['yue', 'en'], ['zh-Hant-HK', 'en', 'zh-Hans']]),
  MAC: chineseTraditional([['zh-Hant-MO', 'pt'], ['yue', 'pt', 'en'], ['zh-Hant-MO', 'en']]),
  JPN: {
    languages: [['ja', 'en'], ['ja'], ['ja', 'en', 'ko']],
    given: [['Hiroshi', '博', 'm'], ['Yuki', '由紀', 'f'], ['Kenji', '健二', 'm'], ['Akiko', '明子', 'f'], ['Takeshi', '武', 'm'], ['Naoko', '直子', 'f'], ['Daisuke', '大輔', 'm'], ['Emi', '恵美', 'f'], ['Shōta', '翔太', 'm'], ['Mai', '麻衣', 'f']],
    family: [['Satō', '佐藤'], ['Suzuki', '鈴木'], ['Takahashi', '高橋'], ['Tanaka', '田中'], ['Watanabe', '渡辺'], ['Itō', '伊藤'], ['Yamamoto', '山本'], ['Nakamura', '中村'], ['Kobayashi', '小林'], ['Katō', '加藤']],
    format: cjk,
    honorifics: { f: ['Ms', 'Dr'], m: ['Mr', 'Dr', 'Superintendent'] },
    agencies: {
      police: '人身取引対策室', immigration: '出入国在留管理局', coast_guard: '海上保安部', prosecution: '地方検察庁', labour: '労働基準監督署',
      social_welfare: '福祉事務所', foreign_affairs: '領事局', customs: '税関', interior: '総務省', border_guard: '国境管理室',
    },
    region: (n) => `第${n}管区`, messaging: ['LINE'],
  },
  KOR: korean(
    [['Kim', '김'], ['Lee', '이'], ['Park', '박'], ['Choi', '최'], ['Jung', '정'], ['Kang', '강'], ['Cho', '조'], ['Yoon', '윤'], ['Jang', '장'], ['Lim', '임']],
    [['Min-jun', '민준', 'm'], ['Seo-yeon', '서연', 'f'], ['Ji-hoon', '지훈', 'm'], ['Su-bin', '수빈', 'f'], ['Hyun-woo', '현우', 'm'], ['Ji-young', '지영', 'f'], ['Dong-hyun', '동현', 'm'], ['Eun-ji', '은지', 'f'], ['Sung-ho', '성호', 'm'], ['Mi-kyung', '미경', 'f']],
    [['ko', 'en'], ['ko'], ['ko', 'en', 'ja']],
  ),
  PRK: korean(
    [['Kim', '김'], ['Ri', '리'], ['Pak', '박'], ['Choe', '최'], ['Han', '한'], ['Kang', '강'], ['Jong', '정'], ['Ryu', '류']],
    [['Chol', '철', 'm'], ['Myong-hui', '명희', 'f'], ['Song-il', '성일', 'm'], ['Un-jong', '은정', 'f'], ['Kwang-chol', '광철', 'm'], ['Hye-yong', '혜영', 'f'], ['Yong-su', '용수', 'm'], ['Ok-sun', '옥순', 'f']],
    [['ko'], ['ko', 'ru'], ['ko', 'zh']],
  ),
  MNG: {
    languages: [['mn', 'en'], ['mn', 'ru'], ['mn', 'en', 'zh']],
    given: [
      ['Bat-Erdene', 'Бат-Эрдэнэ', 'm'], ['Oyunchimeg', 'Оюунчимэг', 'f'], ['Ganbold', 'Ганболд', 'm'], ['Enkhjargal', 'Энхжаргал', 'f'], ['Tserenbat', 'Цэрэнбат', 'm'],
      ['Sarangerel', 'Сарангэрэл', 'f'], ['Munkhbayar', 'Мөнхбаяр', 'm'], ['Altantsetseg', 'Алтанцэцэг', 'f'], ['Temuulen', 'Тэмүүлэн', 'm'], ['Nomin', 'Номин', 'f'],
    ],
    // Fathers' names, used in the genitive: "Батбаярын Ганболд" (Ganbold, son or daughter of Batbayar).
    family: [['Batbayar', 'Батбаяр'], ['Ganbold', 'Ганболд'], ['Naranbaatar', 'Наранбаатар'], ['Bold', 'Болд'], ['Sainbayar', 'Сайнбаяр'], ['Otgonbayar', 'Отгонбаяр'], ['Baatar', 'Баатар']],
    format: (g, f) => ({ latin: `${f[0].charAt(0)}. ${g[0]}`, local: `${f[1] ?? ''}ын ${g[1] ?? ''}` }),
    honorifics: { f: ['Ms', 'Dr'], m: ['Mr', 'Dr', 'Col.'] },
    agencies: {
      police: 'Хүн худалдаалахтай тэмцэх хэлтэс', immigration: 'Иргэний харьяалал, шилжилт хөдөлгөөний газар', coast_guard: 'Усан замын хяналтын алба', prosecution: 'Прокурорын газар',
      labour: 'Хөдөлмөрийн хэлтэс', social_welfare: 'Нийгмийн халамжийн газар', foreign_affairs: 'Консулын газар', customs: 'Гаалийн газар',
      interior: 'Хууль зүй, дотоод хэргийн яам', border_guard: 'Хил хамгаалах газар',
    },
    region: (n) => `${n}-р бүс`, messaging: ['Signal', 'WhatsApp'],
  },
  LKA: {
    languages: [['si', 'en'], ['ta', 'en'], ['si', 'ta', 'en']],
    given: [
      ['Nimal', 'නිමල්', 'm'], ['Kumari', 'කුමාරි', 'f'], ['Chaminda', 'චමින්ද', 'm'], ['Dilani', 'දිලානි', 'f'], ['Sunil', 'සුනිල්', 'm'], ['Nadeeka', 'නදීකා', 'f'],
      ['Kumaran', 'குமரன்', 'm'], ['Priya', 'பிரியா', 'f'], ['Senthil', 'செந்தில்', 'm'], ['Kavitha', 'கவிதா', 'f'],
    ],
    family: [['Perera', 'පෙරේරා'], ['Fernando', 'ප්‍රනාන්දු'], ['Silva', 'සිල්වා'], ['Jayasinghe', 'ජයසිංහ'], ['Bandara', 'බණ්ඩාර'], ['Herath', 'හේරත්'], ['Sivakumar', 'சிவகுமார்'], ['Thangarajah', 'தங்கராஜா'], ['Selvarajah', 'செல்வராஜா'], ['Arumugam', 'ஆறுமுகம்']],
    // Sinhala and Tamil names are not mixed: a name that would mix them is written in Latin script only.
    format: (g, f) => (isTamil(g[1]) === isTamil(f[1]) ? givenFamily(g, f) : { latin: `${g[0]} ${f[0]}`, local: null }),
    languagesOf: (name) => (isTamil(name.local) ? [['ta', 'en'], ['ta', 'si', 'en']] : [['si', 'en'], ['si', 'ta', 'en']]),
    honorifics: { f: ['Ms', 'Mrs', 'Dr'], m: ['Mr', 'Dr', 'SSP', 'DIG'] },
    agencies: {
      police: 'මිනිස් ජාවාරම් මර්දන ඒකකය', immigration: 'ආගමන විගමන දෙපාර්තමේන්තුව', coast_guard: 'වෙරළාරක්ෂක දෙපාර්තමේන්තුව', prosecution: 'නීතිපති දෙපාර්තමේන්තුව',
      labour: 'කම්කරු දෙපාර්තමේන්තුව', social_welfare: 'සමාජ සේවා දෙපාර්තමේන්තුව', foreign_affairs: 'කොන්සියුලර් කටයුතු අංශය', customs: 'රේගු දෙපාර්තමේන්තුව',
      interior: 'ස්වදේශ කටයුතු අමාත්‍යාංශය', border_guard: 'දේශසීමා ආරක්ෂක ඒකකය',
    },
    region: (n) => `කලාපය ${n}`, messaging: ['WhatsApp', 'Viber'],
  },
  BGD: {
    languages: [['bn', 'en'], ['bn'], ['bn', 'en', 'hi']],
    given: [['Rahim', 'রহিম', 'm'], ['Fatema', 'ফাতেমা', 'f'], ['Karim', 'করিম', 'm'], ['Nasrin', 'নাসরিন', 'f'], ['Arif', 'আরিফ', 'm'], ['Sharmin', 'শারমিন', 'f'], ['Tanvir', 'তানভীর', 'm'], ['Ayesha', 'আয়েশা', 'f']],
    family: [['Hossain', 'হোসেন'], ['Rahman', 'রহমান'], ['Islam', 'ইসলাম'], ['Ahmed', 'আহমেদ'], ['Chowdhury', 'চৌধুরী'], ['Uddin', 'উদ্দিন'], ['Sarkar', 'সরকার'], ['Talukder', 'তালুকদার']],
    format: givenFamily,
    honorifics: { f: ['Ms', 'Dr'], m: ['Mr', 'Dr', 'Addl. DIG'] },
    agencies: {
      police: 'মানব পাচার দমন ইউনিট', immigration: 'ইমিগ্রেশন ও পাসপোর্ট অধিদপ্তর', coast_guard: 'উপকূল রক্ষী বাহিনী', prosecution: 'পাবলিক প্রসিকিউটরের কার্যালয়',
      labour: 'শ্রম অধিদপ্তর', social_welfare: 'সমাজসেবা অধিদপ্তর', foreign_affairs: 'কনস্যুলার অনুবিভাগ', customs: 'শুল্ক বিভাগ',
      interior: 'স্বরাষ্ট্র মন্ত্রণালয়', border_guard: 'সীমান্ত রক্ষী বাহিনী',
    },
    region: (n) => `অঞ্চল ${toDigits(n, 0x09e6)}`, messaging: ['WhatsApp', 'imo'],
  },
  NPL: {
    languages: [['ne', 'en'], ['ne', 'hi', 'en'], ['ne']],
    given: [['Ram', 'राम', 'm'], ['Sita', 'सीता', 'f'], ['Bikash', 'विकास', 'm'], ['Sunita', 'सुनिता', 'f'], ['Prakash', 'प्रकाश', 'm'], ['Anita', 'अनिता', 'f'], ['Dipak', 'दीपक', 'm'], ['Sabina', 'सबिना', 'f']],
    family: [['Shrestha', 'श्रेष्ठ'], ['Sharma', 'शर्मा'], ['Adhikari', 'अधिकारी'], ['Gurung', 'गुरुङ'], ['Tamang', 'तामाङ'], ['Karki', 'कार्की'], ['Thapa', 'थापा'], ['Rai', 'राई']],
    format: givenFamily,
    honorifics: { f: ['Ms', 'Dr'], m: ['Mr', 'Dr', 'SSP'] },
    agencies: {
      police: 'मानव बेचबिखन नियन्त्रण ब्यूरो', immigration: 'अध्यागमन विभाग', coast_guard: 'जलमार्ग सुरक्षा इकाई', prosecution: 'सरकारी वकिल कार्यालय',
      labour: 'श्रम विभाग', social_welfare: 'समाज कल्याण विभाग', foreign_affairs: 'कन्सुलर सेवा विभाग', customs: 'भन्सार विभाग',
      interior: 'गृह मन्त्रालय', border_guard: 'सीमा सुरक्षा कार्यालय',
    },
    region: (n) => `क्षेत्र ${toDigits(n, 0x0966)}`, messaging: ['Viber', 'WhatsApp'],
  },
  IND: {
    languages: [['hi', 'en'], ['en', 'ta'], ['hi', 'en', 'bn']],
    given: [['Amit', 'अमित', 'm'], ['Priya', 'प्रिया', 'f'], ['Rahul', 'राहुल', 'm'], ['Neha', 'नेहा', 'f'], ['Sanjay', 'संजय', 'm'], ['Anjali', 'अंजलि', 'f'], ['Vikram', 'विक्रम', 'm'], ['Kavya', 'काव्या', 'f']],
    family: [['Sharma', 'शर्मा'], ['Verma', 'वर्मा'], ['Gupta', 'गुप्ता'], ['Singh', 'सिंह'], ['Iyer', 'अय्यर'], ['Nair', 'नायर'], ['Reddy', 'रेड्डी'], ['Patel', 'पटेल']],
    format: givenFamily,
    honorifics: { f: ['Ms', 'Dr', 'Smt.'], m: ['Mr', 'Dr', 'Shri', 'IG'] },
    agencies: {
      police: 'मानव तस्करी विरोधी इकाई', immigration: 'आप्रवासन ब्यूरो', coast_guard: 'तटरक्षक बल', prosecution: 'अभियोजन निदेशालय',
      labour: 'श्रम विभाग', social_welfare: 'समाज कल्याण विभाग', foreign_affairs: 'कांसुलर सेवा प्रभाग', customs: 'सीमा शुल्क विभाग',
      interior: 'गृह मंत्रालय', border_guard: 'सीमा सुरक्षा बल',
    },
    region: (n) => `क्षेत्र ${n}`, messaging: ['WhatsApp', 'Signal'],
  },
  IRN: {
    languages: [['fa', 'en'], ['fa', 'ar'], ['fa', 'en', 'fr']],
    given: [['Ali', 'علی', 'm'], ['Maryam', 'مریم', 'f'], ['Reza', 'رضا', 'm'], ['Zahra', 'زهرا', 'f'], ['Hossein', 'حسین', 'm'], ['Fatemeh', 'فاطمه', 'f'], ['Mehdi', 'مهدی', 'm'], ['Narges', 'نرگس', 'f']],
    family: [['Ahmadi', 'احمدی'], ['Hosseini', 'حسینی'], ['Karimi', 'کریمی'], ['Rezaei', 'رضایی'], ['Moradi', 'مرادی'], ['Jafari', 'جعفری'], ['Rahimi', 'رحیمی'], ['Sadeghi', 'صادقی']],
    format: givenFamily,
    honorifics: { f: ['Ms', 'Dr'], m: ['Mr', 'Dr', 'Col.'] },
    agencies: {
      police: 'اداره مبارزه با قاچاق انسان', immigration: 'اداره کل اتباع و مهاجرین خارجی', coast_guard: 'فرماندهی مرزبانی دریایی', prosecution: 'دادسرای عمومی',
      labour: 'اداره کل کار و اشتغال', social_welfare: 'سازمان بهزیستی', foreign_affairs: 'اداره کل امور کنسولی', customs: 'گمرک',
      interior: 'وزارت کشور', border_guard: 'فرماندهی مرزبانی',
    },
    region: (n) => `منطقه ${toDigits(n, 0x06f0)}`, messaging: ['WhatsApp', 'Telegram'],
  },
  AFG: {
    languages: [['fa-AF', 'ps', 'en'], ['ps', 'fa-AF'], ['fa-AF', 'en']],
    given: [['Ahmad', 'احمد', 'm'], ['Farid', 'فرید', 'm'], ['Mariam', 'مریم', 'f'], ['Habib', 'حبیب', 'm'], ['Shabnam', 'شبنم', 'f'], ['Nasir', 'نصیر', 'm'], ['Zarghona', 'زرغونه', 'f'], ['Wahid', 'وحید', 'm']],
    family: [['Rahimi', 'رحیمی'], ['Popal', 'پوپل'], ['Sultani', 'سلطانی'], ['Noori', 'نوری'], ['Hakimi', 'حکیمی'], ['Wardak', 'وردک'], ['Amiri', 'امیری'], ['Safi', 'صافی']],
    format: givenFamily,
    honorifics: { f: ['Ms', 'Dr'], m: ['Mr', 'Dr'] },
    agencies: {
      police: 'ریاست مبارزه با قاچاق انسان', immigration: 'ریاست عمومی مهاجرت', coast_guard: 'قوماندانی پولیس دریایی', prosecution: 'ریاست څارنوالی',
      labour: 'وزارت کار و امور اجتماعی', social_welfare: 'ریاست حمایت اجتماعی', foreign_affairs: 'ریاست امور قونسلی', customs: 'ریاست عمومی گمرکات',
      interior: 'وزارت امور داخله', border_guard: 'قوماندانی سرحدی',
    },
    region: (n) => `حوزه ${toDigits(n, 0x06f0)}`, messaging: ['WhatsApp', 'Signal'],
  },
  PAK: {
    languages: [['ur', 'en'], ['ur', 'pa', 'en'], ['en', 'ur', 'ps']],
    given: [['Usman', 'عثمان', 'm'], ['Ayesha', 'عائشہ', 'f'], ['Bilal', 'بلال', 'm'], ['Sana', 'ثنا', 'f'], ['Farhan', 'فرحان', 'm'], ['Hira', 'حرا', 'f'], ['Kamran', 'کامران', 'm'], ['Mehwish', 'مہوش', 'f']],
    family: [['Qureshi', 'قریشی'], ['Malik', 'ملک'], ['Butt', 'بٹ'], ['Chaudhry', 'چوہدری'], ['Siddiqui', 'صدیقی'], ['Abbasi', 'عباسی'], ['Mirza', 'مرزا'], ['Awan', 'اعوان']],
    format: givenFamily,
    honorifics: { f: ['Ms', 'Dr'], m: ['Mr', 'Dr', 'DIG'] },
    agencies: {
      police: 'انسداد انسانی اسمگلنگ سیل', immigration: 'ادارہ امیگریشن', coast_guard: 'میری ٹائم سیکیورٹی ایجنسی', prosecution: 'محکمہ استغاثہ',
      labour: 'محکمہ محنت', social_welfare: 'محکمہ سماجی بہبود', foreign_affairs: 'قونصلر امور ڈویژن', customs: 'محکمہ کسٹمز',
      interior: 'وزارت داخلہ', border_guard: 'سرحدی سیکیورٹی فورس',
    },
    region: (n) => `ریجن ${n}`, messaging: ['WhatsApp', 'Signal'],
  },
  IRQ: arabic([['Al-Obaidi', 'العبيدي'], ['Al-Jubouri', 'الجبوري'], ['Al-Hashimi', 'الهاشمي'], ['Al-Saadi', 'السعدي'], ['Abbas', 'عباس'], ['Saleh', 'صالح'], ['Al-Tamimi', 'التميمي'], ['Kadhim', 'كاظم']], [['ar', 'en'], ['ar', 'ku'], ['ar']]),
  JOR: arabic([['Haddad', 'حداد'], ['Al-Khatib', 'الخطيب'], ['Al-Masri', 'المصري'], ['Abu Zaid', 'أبو زيد'], ['Al-Zoubi', 'الزعبي'], ['Nasser', 'ناصر'], ['Al-Momani', 'المومني'], ['Saleh', 'صالح']], [['ar', 'en'], ['ar']]),
  SYR: arabic([['Al-Halabi', 'الحلبي'], ['Haddad', 'حداد'], ['Nasser', 'ناصر'], ['Al-Khatib', 'الخطيب'], ['Saleh', 'صالح'], ['Al-Shami', 'الشامي'], ['Darwish', 'درويش'], ['Kanaan', 'كنعان']], [['ar', 'en'], ['ar', 'fr'], ['ar']]),
  ARE: arabic([['Al-Mansouri', 'المنصوري'], ['Al-Suwaidi', 'السويدي'], ['Al-Hammadi', 'الحمادي'], ['Al-Ketbi', 'الكتبي'], ['Al-Shamsi', 'الشامسي'], ['Al-Mazrouei', 'المزروعي'], ['Al-Kaabi', 'الكعبي'], ['Al-Dhaheri', 'الظاهري']], [['ar', 'en'], ['en', 'ar']]),
  TUR: {
    languages: [['tr', 'en'], ['tr', 'ar'], ['tr', 'en', 'de']],
    given: [['Mehmet', null, 'm'], ['Ayşe', null, 'f'], ['Mustafa', null, 'm'], ['Elif', null, 'f'], ['Emre', null, 'm'], ['Zeynep', null, 'f'], ['Burak', null, 'm'], ['Fatma', null, 'f'], ['Oğuz', null, 'm'], ['Gülşen', null, 'f']],
    family: [['Yılmaz', null], ['Kaya', null], ['Demir', null], ['Şahin', null], ['Çelik', null], ['Yıldız', null], ['Aydın', null], ['Öztürk', null], ['Arslan', null], ['Doğan', null]],
    format: givenFamily,
    honorifics: { f: ['Ms', 'Dr'], m: ['Mr', 'Dr', 'Emniyet Müdürü'] },
    agencies: {
      police: 'İnsan Ticaretiyle Mücadele Şube Müdürlüğü', immigration: 'Göç İdaresi Müdürlüğü', coast_guard: 'Sahil Güvenlik Komutanlığı', prosecution: 'Cumhuriyet Başsavcılığı',
      labour: 'Çalışma ve İş Kurumu Müdürlüğü', social_welfare: 'Sosyal Hizmetler Müdürlüğü', foreign_affairs: 'Konsolosluk Genel Müdürlüğü', customs: 'Gümrük Müdürlüğü',
      interior: 'İçişleri Bakanlığı', border_guard: 'Sınır Güvenliği Daire Başkanlığı',
    },
    region: (n) => `${n}. Bölge`, messaging: ['WhatsApp', 'Signal'],
  },
  PHL: {
    languages: [['fil', 'en'], ['en', 'fil', 'ceb'], ['fil', 'en']],
    given: [['Maria Cristina', null, 'f'], ['Jose', null, 'm'], ['Juan Miguel', null, 'm'], ['Ana', null, 'f'], ['Ramon', null, 'm'], ['Liza', null, 'f'], ['Paolo', null, 'm'], ['Rosario', null, 'f']],
    family: [['Santos', null], ['Reyes', null], ['Cruz', null], ['Bautista', null], ['Garcia', null], ['Mendoza', null], ['Dela Cruz', null], ['Villanueva', null]],
    format: givenFamily,
    honorifics: { f: ['Ms', 'Atty.', 'Dr'], m: ['Mr', 'Atty.', 'Dr', 'P/Col.'] },
    agencies: {
      police: 'Yunit Laban sa Pangangalakal ng Tao', immigration: 'Kawanihan ng Imigrasyon', coast_guard: 'Tanod Baybayin', prosecution: 'Tanggapan ng Taga-usig',
      labour: 'Kagawaran ng Paggawa', social_welfare: 'Kagawaran ng Kagalingang Panlipunan', foreign_affairs: 'Tanggapan ng mga Gawaing Konsular', customs: 'Kawanihan ng Adwana',
      interior: 'Kagawaran ng Interyor', border_guard: 'Yunit ng Seguridad sa Hangganan',
    },
    region: (n) => `Rehiyon ${n}`, messaging: ['Viber', 'WhatsApp', 'Messenger'],
  },
  TLS: {
    languages: [['tet', 'pt'], ['tet', 'id', 'en'], ['pt', 'tet']],
    given: [['José', null, 'm'], ['Maria', null, 'f'], ['João', null, 'm'], ['Ana', null, 'f'], ['Manuel', null, 'm'], ['Rosa', null, 'f'], ['Francisco', null, 'm'], ['Domingas', null, 'f']],
    family: [['da Silva', null], ['Soares', null], ['Pereira', null], ['Ximenes', null], ['dos Santos', null], ['Amaral', null], ['da Costa', null], ['Belo', null]],
    format: givenFamily,
    honorifics: { f: ['Sra.', 'Dra.'], m: ['Sr.', 'Dr.', 'Superintendente'] },
    agencies: {
      police: 'Unidade de Combate ao Tráfico de Pessoas', immigration: 'Serviço de Migração', coast_guard: 'Unidade Marítima', prosecution: 'Ministério Público',
      labour: 'Direção Nacional do Trabalho', social_welfare: 'Direção Nacional de Solidariedade Social', foreign_affairs: 'Direção de Assuntos Consulares', customs: 'Autoridade Aduaneira',
      interior: 'Ministério do Interior', border_guard: 'Unidade de Patrulhamento de Fronteira',
    },
    region: (n) => `Região ${n}`, messaging: ['WhatsApp', 'Signal'],
  },
  NCL: {
    languages: [['fr'], ['fr', 'en']],
    given: [['Jean', null, 'm'], ['Marie', null, 'f'], ['Pierre', null, 'm'], ['Sophie', null, 'f'], ['Luc', null, 'm'], ['Camille', null, 'f'], ['Étienne', null, 'm'], ['Hélène', null, 'f']],
    family: [['Martin', null], ['Bernard', null], ['Thomas', null], ['Petit', null], ['Robert', null], ['Richard', null], ['Durand', null], ['Lefèvre', null]],
    format: givenFamily,
    honorifics: { f: ['Mme', 'Dr'], m: ['M.', 'Dr', 'Commandant'] },
    agencies: {
      police: 'Brigade de lutte contre la traite des êtres humains', immigration: "Service de l'immigration", coast_guard: 'Garde côtière', prosecution: 'Parquet',
      labour: "Direction du travail et de l'emploi", social_welfare: "Direction de l'action sociale", foreign_affairs: 'Service des affaires consulaires', customs: 'Direction régionale des douanes',
      interior: "Direction de l'intérieur", border_guard: 'Police aux frontières',
    },
    region: (n) => `Secteur ${n}`, messaging: ['WhatsApp', 'Signal'],
  },
  SGP: {
    languages: [['en', 'zh-Hans'], ['en', 'ms'], ['en', 'ta']],
    given: [['Wei Ming', '伟明', 'm'], ['Hui Min', '慧敏', 'f'], ['Jun Jie', '俊杰', 'm'], ['Li Ting', '丽婷', 'f'], ['Kok Leong', '国良', 'm'], ['Mei Ling', '美玲', 'f']],
    family: [['Tan', '陈'], ['Lim', '林'], ['Lee', '李'], ['Ng', '黄'], ['Ong', '王'], ['Goh', '吴'], ['Teo', '张'], ['Chua', '蔡']],
    format: cjk,
    honorifics: { f: ['Ms', 'Dr', 'DAC'], m: ['Mr', 'Dr', 'AC', 'DAC'] },
    messaging: ['WhatsApp', 'Signal', 'Telegram'],
  },
  BTN: {
    languages: [['dz', 'en'], ['dz', 'en', 'ne']],
    // Bhutanese names are two given names, without a family name.
    given: [['Tshering', 'ཚེ་རིང་', 'm'], ['Dorji', 'རྡོ་རྗེ་', 'm'], ['Sonam', 'བསོད་ནམས་', 'f'], ['Karma', 'ཀརྨ་', 'm'], ['Pema', 'པདྨ་', 'f'], ['Kinley', 'ཀུན་ལེགས་', 'm'], ['Dechen', 'བདེ་ཆེན་', 'f'], ['Yangchen', 'དབྱངས་ཅན་', 'f']],
    family: [['Tashi', 'བཀྲ་ཤིས་'], ['Namgay', 'རྣམ་རྒྱལ་'], ['Choden', 'ཆོས་སྒྲོན་'], ['Wangmo', 'དབང་མོ་'], ['Penjor', 'དཔལ་འབྱོར་'], ['Lhamo', 'ལྷ་མོ་']],
    format: givenFamily,
    honorifics: { f: ['Ms', 'Dasho', 'Dr'], m: ['Mr', 'Dasho', 'Dr'] },
    messaging: ['WeChat', 'WhatsApp'],
  },
  MDV: {
    languages: [['dv', 'en'], ['en', 'dv']],
    given: [['Ahmed', 'އަޙްމަދު', 'm'], ['Aishath', 'އައިޝަތު', 'f'], ['Ibrahim', 'އިބްރާހީމް', 'm'], ['Fathimath', 'ފާތިމަތު', 'f'], ['Hassan', 'ޙަސަން', 'm'], ['Mariyam', 'މަރިޔަމް', 'f']],
    family: [['Ali', 'ޢަލީ'], ['Mohamed', 'މުޙައްމަދު'], ['Rasheed', 'ރަޝީދު'], ['Naseem', 'ނަސީމް'], ['Hameed', 'ޙަމީދު'], ['Shareef', 'ޝަރީފް']],
    format: givenFamily,
    honorifics: { f: ['Ms', 'Dr'], m: ['Mr', 'Dr', 'Chief Inspector'] },
    messaging: ['Viber', 'WhatsApp'],
  },
  AUS: { languages: [['en-AU'], ['en-AU', 'vi'], ['en-AU', 'zh-Hans']], ...english, family: [...english.family, ['Nguyen', null], ['Kelly', null]], format: givenFamily, messaging: ['Signal', 'WhatsApp'] },
  NZL: {
    languages: [['en-NZ'], ['en-NZ', 'mi'], ['mi', 'en-NZ']],
    given: [...english.given, ['Aroha', null, 'f'], ['Wiremu', null, 'm'], ['Hemi', null, 'm'], ['Mereana', null, 'f']],
    family: [...english.family, ['Ngata', null], ['Parata', null], ['Tane', null], ['Horomona', null]],
    format: givenFamily, honorifics: english.honorifics, messaging: ['Signal', 'WhatsApp'],
  },
  USA: { languages: [['en-US'], ['en-US', 'es']], ...english, family: [...english.family, ['Garcia', null], ['Johnson', null]], format: givenFamily, messaging: ['Signal'] },
  CAN: { languages: [['en-CA'], ['en-CA', 'fr-CA'], ['fr-CA', 'en-CA']], ...english, family: [...english.family, ['Tremblay', null], ['Gagnon', null]], format: givenFamily, messaging: ['Signal'] },
  GBR: { languages: [['en-GB'], ['en-GB', 'fr']], ...english, family: [...english.family, ['Patel', null], ['Evans', null]], format: givenFamily, messaging: ['Signal', 'WhatsApp'] },
  FJI: pacific(
    [['Josefa', null, 'm'], ['Litia', null, 'f'], ['Semisi', null, 'm'], ['Mereani', null, 'f'], ['Viliame', null, 'm'], ['Salote', null, 'f'], ['Anil', null, 'm'], ['Shalini', null, 'f']],
    [['Naivalu', null], ['Koroi', null], ['Nainima', null], ['Ravuvu', null], ['Tuisawau', null], ['Vakaloloma', null], ['Prasad', null], ['Chand', null]],
    [['en', 'fj'], ['en', 'hif'], ['fj', 'en']],
  ),
  TON: pacific(
    [['Sione', null, 'm'], ['Mele', null, 'f'], ['Viliami', null, 'm'], ['Losaline', null, 'f'], ['Sifa', null, 'm'], ['ʻAna', null, 'f']],
    [['Fifita', null], ['Taufa', null], ['Vaipulu', null], ['Havili', null], ['Moala', null], ['Fonua', null], ['Lātū', null], ['Kaufana', null]],
    [['to', 'en'], ['en', 'to']],
  ),
  WSM: pacific(
    [['Tavita', null, 'm'], ['Malia', null, 'f'], ['Ioane', null, 'm'], ['Lealofi', null, 'f'], ['Sefo', null, 'm'], ['Faʻamoe', null, 'f']],
    [['Faʻasavalu', null], ['Leiataua', null], ['Aiono', null], ['Fuimaono', null], ['Sapolu', null], ['Tuimavave', null]],
    [['sm', 'en'], ['en', 'sm']],
  ),
  PNG: pacific(
    [['John', null, 'm'], ['Grace', null, 'f'], ['Peter', null, 'm'], ['Ruth', null, 'f'], ['Kila', null, 'm'], ['Esther', null, 'f']],
    [['Kuman', null], ['Wari', null], ['Pokana', null], ['Yambai', null], ['Tapo', null], ['Mondo', null]],
    [['en', 'tpi'], ['tpi', 'ho', 'en']],
  ),
  SLB: pacific(
    [['Joseph', null, 'm'], ['Rose', null, 'f'], ['Alick', null, 'm'], ['Mary', null, 'f'], ['Ronald', null, 'm'], ['Lilian', null, 'f']],
    [['Maeke', null], ['Tome', null], ['Rore', null], ['Fono', null], ['Sade', null], ['Kwalea', null]],
    [['en', 'pis'], ['pis', 'en']],
  ),
  VUT: pacific(
    [['Jean-Pierre', null, 'm'], ['Marie', null, 'f'], ['Kalo', null, 'm'], ['Lina', null, 'f'], ['Willie', null, 'm'], ['Leimara', null, 'f']],
    [['Toara', null], ['Molisa', null], ['Tari', null], ['Nako', null], ['Napuat', null], ['Kalorib', null]],
    [['bi', 'en'], ['bi', 'fr'], ['en', 'bi']],
  ),
  KIR: pacific(
    [['Tebano', null, 'm'], ['Tiare', null, 'f'], ['Kaaro', null, 'm'], ['Marewa', null, 'f'], ['Ioane', null, 'm'], ['Rotee', null, 'f']],
    [['Teiwaki', null], ['Tekaai', null], ['Bauro', null], ['Tiroa', null], ['Uriam', null], ['Kirata', null]],
    [['gil', 'en'], ['en', 'gil']],
  ),
  NRU: pacific(
    [['David', null, 'm'], ['Marlene', null, 'f'], ['Lionel', null, 'm'], ['Julie', null, 'f'], ['Vinson', null, 'm'], ['Delphine', null, 'f']],
    [['Deiye', null], ['Agir', null], ['Detenamo', null], ['Tsiode', null], ['Halstead', null], ['Moses', null]],
    [['na', 'en'], ['en', 'na']],
  ),
  PLW: pacific(
    [['Joseph', null, 'm'], ['Lorenza', null, 'f'], ['Keobel', null, 'm'], ['Faustina', null, 'f'], ['Hokkons', null, 'm'], ['Ebil', null, 'f']],
    [['Ngiraked', null], ['Rechebei', null], ['Tellei', null], ['Ngirmang', null], ['Olkeriil', null], ['Kuartei', null]],
    [['pau', 'en'], ['en', 'pau', 'ja']],
  ),
};

/** International organisations' staff come from everywhere: their names are drawn from these locales. */
export const internationalStaffFrom = ['AUS', 'CAN', 'FJI', 'GBR', 'IDN', 'IND', 'JOR', 'JPN', 'KOR', 'LKA', 'NCL', 'PHL', 'THA', 'TLS'] as const;

const fallback: Locale = { languages: [['en'], ['en', 'fr']], ...english, format: givenFamily, messaging: ['Signal', 'WhatsApp'] };

/** The locale of a Member code (English names for Members without one). */
export function localeOf(code: string): Locale {
  return locales[code] ?? fallback;
}

/** Writes a number with the decimal digits of a script (zero at `zero`), as documents of that Member often do. */
function toDigits(n: number, zero: number): string {
  return String(n).replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
}

/** Landlocked Members (no coast guard) and island Members (no land border guard). */
export const landlocked = new Set(['AFG', 'BTN', 'LAO', 'MNG', 'NPL']);
export const islands = new Set(['AUS', 'FJI', 'JPN', 'KIR', 'LKA', 'MDV', 'NRU', 'NZL', 'PHL', 'PLW', 'SLB', 'TON', 'VUT', 'WSM', 'NCL']);
