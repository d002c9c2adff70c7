/**
 * The global search feature's messages. `searchEn` joins the English catalogue (src/web/i18n/en.ts); `searchId` must have
 * every key. Keys start with 'search.'.
 */
export const searchEn = {
  'search.title': 'Search',
  'search.lead': 'Search the library, good practices, dialogues, agencies and people at once.',
  'search.box': 'Words to find',
  'search.kinds': 'Look in',
  'search.kind.library': 'Library',
  'search.kind.practice': 'Good practice',
  'search.kind.dialogue': 'Dialogue',
  'search.kind.agency': 'Agency',
  'search.kind.person': 'Person',
  'search.button': 'Search',
  'search.failed': 'The search did not work. Try again.',
  'search.summary': '{count} results for “{q}”',
  'search.kindCount': '{kind}: {count}',
} as const;

export const searchId: Record<keyof typeof searchEn, string> = {
  'search.title': 'Cari',
  'search.lead': 'Cari di perpustakaan, praktik baik, dialog, lembaga dan orang sekaligus.',
  'search.box': 'Kata yang dicari',
  'search.kinds': 'Cari di',
  'search.kind.library': 'Perpustakaan',
  'search.kind.practice': 'Praktik baik',
  'search.kind.dialogue': 'Dialog',
  'search.kind.agency': 'Lembaga',
  'search.kind.person': 'Orang',
  'search.button': 'Cari',
  'search.failed': 'Pencarian tidak berhasil. Coba lagi.',
  'search.summary': '{count} hasil untuk “{q}”',
  'search.kindCount': '{kind}: {count}',
};
