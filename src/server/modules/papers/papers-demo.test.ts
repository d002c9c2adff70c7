import path from 'node:path';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@/server/db/seed/seed';
import { anonymous, createTestHub, login, type Agent, type TestHub } from '../../../../test/helpers/hub';
import { seedPapersDemo } from './papers.demo';

const DIALOGUE_ID = '00000000-0000-4000-8000-202209070001';
let hub: TestHub;
let staff: Agent;

beforeAll(async () => {
  hub = await createTestHub();
  await seedDemo(hub.deps, { directory: { agenciesPerMember: 1, positionsPerAgency: 1 } });
  staff = await login(hub, { id: '', email: 'staff@demo.hub.example', password: 'demo-staff-Bangkok-2012', role: 'secretariat_staff', memberScopes: [] });
});
afterAll(async () => {
  await hub.close();
});

async function pdfText(data: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, disableFontFace: true, standardFontDataUrl: `${path.resolve('node_modules/pdfjs-dist/standard_fonts')}/` }).promise;
  const page = await doc.getPage(1);
  return (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
}

describe('the papers demo', () => {
  it("gives the September 2022 dialogue its concept note, agenda, participant list, outcome report (two versions, and in Indonesian) and an annex", async () => {
    const res = await staff.request('GET', `/api/events/${DIALOGUE_ID}/papers`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { kind: string; language: string }) => `${p.kind}/${p.language}`).sort()).toEqual([
      'agenda/en', 'annex/en', 'concept_note/en', 'outcome_report/en', 'outcome_report/id', 'participant_list/en',
    ]);
    const report = res.body.items.find((p: { kind: string; language: string }) => p.kind === 'outcome_report' && p.language === 'en');
    expect(report).toMatchObject({ versionCount: 2, sensitivity: 'public', latest: { number: 2, fileType: 'pdf', note: 'Final, with the priorities agreed for the RSO' } });
    expect(report.languageVersions).toEqual([expect.objectContaining({ language: 'id' })]);
    const file = await hub.app.inject({ method: 'GET', url: report.latest.downloadUrl, headers: { cookie: staff.cookie ?? '' } });
    expect(file.statusCode).toBe(200);
    expect(Number(file.headers['content-length'])).toBe(report.latest.size);
    const text = await pdfText(file.rawPayload);
    expect(text).toContain('Outcome Report: the Bali Process 20 years on');
    expect(text).toContain('strengthen border management systems');
  });

  it('is written once, and skipped without an upload folder', async () => {
    // The dialogue is open to Members: anonymous visitors see none of it.
    expect((await anonymous(hub).request('GET', `/api/events/${DIALOGUE_ID}/papers`)).status).toBe(404);
    expect(await hub.deps.db.transaction().execute((trx) => seedPapersDemo(trx, { now: hub.clock.now(), userIds: new Map() }))).toEqual({});
    // Seeding it takes well under a second (timed again here, in a transaction that is rolled back).
    const started = Date.now();
    const again = hub.deps.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('papers').execute();
      const counts = await seedPapersDemo(trx, { now: hub.clock.now(), userIds: new Map(), config: { UPLOAD_DIR: hub.config.UPLOAD_DIR, PUBLIC_URL: hub.config.PUBLIC_URL } });
      expect(counts).toEqual({ papers: 6, paperVersions: 7 });
      throw new Error('roll back');
    });
    await expect(again).rejects.toThrow('roll back');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
