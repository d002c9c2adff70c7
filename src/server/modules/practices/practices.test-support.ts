import type { PracticeInput } from '@/contracts/practices';
import type { Agent } from '../../../../test/helpers/hub';

/** A practice with every section filled (ready to submit). */
export function filledPractice(memberCode: string, overrides: Partial<PracticeInput> = {}): PracticeInput {
  return {
    title: 'Joint screening at the land border',
    memberCode,
    themes: ['victim-identification'],
    problem: 'Victims were returned as irregular migrants before anyone asked them how they had travelled.',
    action: 'Immigration and police officers screened every returnee together with a standard interview form.',
    results: 'Forty victims were identified in the first year and referred to shelters.',
    evidence: 'Monthly screening reports of the border post.',
    evidenceLinks: ['https://example.org/screening-report'],
    lessons: 'A shared form and a shared room matter more than new rules.',
    contact: 'Border post liaison officer',
    languages: ['en'],
    ...overrides,
  };
}

/** Creates a draft through the API; throws unless it was created. */
export async function createPractice(agent: Agent, input: PracticeInput): Promise<{ id: string }> {
  const res = await agent.request('POST', '/api/practices', input);
  if (res.status !== 201) throw new Error(`practice not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

/** Creates and submits a practice (by an official or coordinator), optionally publishing it (by the secretariat). */
export async function practiceIn(state: 'draft' | 'submitted' | 'published', submitter: Agent, reviewer: Agent | null, input: PracticeInput, audience: 'members' | 'public' = 'public'): Promise<string> {
  const { id } = await createPractice(submitter, input);
  if (state === 'draft') return id;
  const sub = await submitter.request('POST', `/api/practices/${id}/submit`);
  if (sub.status !== 200) throw new Error(`practice not submitted: ${sub.status} ${JSON.stringify(sub.body)}`);
  if (state === 'submitted') return id;
  if (!reviewer) throw new Error('publishing needs a reviewer');
  const pub = await reviewer.request('POST', `/api/practices/${id}/publish`, { audience });
  if (pub.status !== 200) throw new Error(`practice not published: ${pub.status} ${JSON.stringify(pub.body)}`);
  return id;
}
