import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DialogueSearchResult, MemberCandidate, Post, PostPage, Report, ReportList, Space, SpaceInput, SpaceList, SpaceMember, Thread, ThreadInput, ThreadList, ThreadModeration,
} from '@/contracts/dialogues';
import type { EventList, EventSummary } from '@/contracts/events';
import { api, toQueryString } from '@/web/lib/api-client';

// Only types come from the contracts: a value import would pull zod into the web bundle.
export type { EventSummary, MemberCandidate, Post, Report, Space, SpaceInput, SpaceMember, Thread, ThreadInput, ThreadModeration };

const enc = encodeURIComponent;
export const PAGE = 50;

export const dialoguesKeys = {
  all: ['dialogues'] as const,
  spaces: ['dialogues', 'spaces'] as const,
  space: (id: string) => ['dialogues', 'space', id] as const,
  threads: (spaceId: string) => ['dialogues', 'threads', spaceId] as const,
  thread: (id: string) => ['dialogues', 'thread', id] as const,
  posts: (threadId: string) => ['dialogues', 'posts', threadId] as const,
  reports: ['dialogues', 'reports'] as const,
  members: (spaceId: string) => ['dialogues', 'members', spaceId] as const,
  candidates: (spaceId: string) => ['dialogues', 'candidates', spaceId] as const,
  search: (q: string, spaceId: string | undefined) => ['dialogues', 'search', q, spaceId ?? ''] as const,
};

export const getSpaces = () => api<SpaceList>('/api/dialogues/spaces');
export const getSpace = (id: string) => api<Space>(`/api/dialogues/spaces/${enc(id)}`);
export const getThreads = (spaceId: string, cursor?: string) => api<ThreadList>(`/api/dialogues/spaces/${enc(spaceId)}/threads${toQueryString({ limit: PAGE, cursor })}`);
export const getThread = (id: string) => api<Thread>(`/api/dialogues/threads/${enc(id)}`);
export const getPosts = (threadId: string, cursor?: string) => api<PostPage>(`/api/dialogues/threads/${enc(threadId)}/posts${toQueryString({ limit: PAGE, cursor })}`);
export const createSpace = (body: SpaceInput) => api<Space>('/api/dialogues/spaces', { method: 'POST', body });
export const createThread = (spaceId: string, body: ThreadInput) => api<Thread>(`/api/dialogues/spaces/${enc(spaceId)}/threads`, { method: 'POST', body });
export const reply = (threadId: string, body: { body: string; quotePostId?: string | null }) => api<Post>(`/api/dialogues/threads/${enc(threadId)}/posts`, { method: 'POST', body });
export const editPost = (postId: string, body: string) => api<Post>(`/api/dialogues/posts/${enc(postId)}`, { method: 'PATCH', body: { body } });
export const preview = (body: string) => api<{ html: string }>('/api/dialogues/preview', { method: 'POST', body: { body } });
export const markRead = (threadId: string, postId: string) => api<{ unreadCount: number }>(`/api/dialogues/threads/${enc(threadId)}/read`, { method: 'POST', body: { postId } });
export const setFollow = (type: 'spaces' | 'threads', id: string, on: boolean) => api<{ following: boolean }>(`/api/dialogues/${type}/${enc(id)}/follow`, { method: on ? 'PUT' : 'DELETE' });
export const moderateThread = (threadId: string, body: ThreadModeration) => api<Thread>(`/api/dialogues/threads/${enc(threadId)}/moderation`, { method: 'POST', body });
export const moderatePost = (postId: string, body: { action: 'hide' | 'unhide'; reason: string }) => api<Post>(`/api/dialogues/posts/${enc(postId)}/moderation`, { method: 'POST', body });
export const reportPost = (postId: string, reason: string) => api<{ id: string }>(`/api/dialogues/posts/${enc(postId)}/reports`, { method: 'POST', body: { reason } });
export const getReports = () => api<ReportList>('/api/dialogues/reports?status=open');
export const resolveReport = (id: string, reason: string, hidePost: boolean) => api<{ ok: true }>(`/api/dialogues/reports/${enc(id)}/resolve`, { method: 'POST', body: { reason, hidePost } });
export const getMembers = (spaceId: string) => api<{ items: SpaceMember[] }>(`/api/dialogues/spaces/${enc(spaceId)}/members`);
export const findCandidates = async (spaceId: string, q: string) => (await api<{ items: MemberCandidate[] }>(`/api/dialogues/spaces/${enc(spaceId)}/member-candidates${toQueryString({ q })}`)).items;
export const addMember = (spaceId: string, body: { email: string; role: SpaceMember['role'] }) => api<{ items: SpaceMember[] }>(`/api/dialogues/spaces/${enc(spaceId)}/members`, { method: 'POST', body });
export const removeMember = (spaceId: string, userId: string) => api<{ items: SpaceMember[] }>(`/api/dialogues/spaces/${enc(spaceId)}/members/${enc(userId)}`, { method: 'DELETE' });
/** Events (past and upcoming) whose title matches `q`, for the event picker of a new space. */
export const findEvents = async (q: string) => (await api<EventList>(`/api/events${toQueryString({ q, when: 'all', limit: 10 })}`)).items;
export const attachmentUrl = (postId: string) => `/api/dialogues/posts/${enc(postId)}/attachments`;

export const useSpaces = () => useQuery({ queryKey: dialoguesKeys.spaces, queryFn: getSpaces });
export const useSpace = (id: string) => useQuery({ queryKey: dialoguesKeys.space(id), queryFn: () => getSpace(id) });
export const useThread = (id: string) => useQuery({ queryKey: dialoguesKeys.thread(id), queryFn: () => getThread(id) });
export const useMembers = (spaceId: string, enabled: boolean) => useQuery({ queryKey: dialoguesKeys.members(spaceId), queryFn: () => getMembers(spaceId), enabled });
export const useReports = (enabled: boolean) => useQuery({ queryKey: dialoguesKeys.reports, queryFn: getReports, enabled });

export function useThreads(spaceId: string) {
  return useInfiniteQuery({
    queryKey: dialoguesKeys.threads(spaceId),
    queryFn: ({ pageParam }) => getThreads(spaceId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const SEARCH_PAGE = 20;
export const searchThreads = (q: string, spaceId: string | undefined, offset: number) =>
  api<DialogueSearchResult>(`/api/dialogues/search${toQueryString({ q, spaceId, limit: SEARCH_PAGE, offset: offset || undefined })}`);

/** Threads matching `q` (in one space when `spaceId` is given), a page at a time. */
export function useThreadSearch(q: string, spaceId?: string) {
  return useInfiniteQuery({
    queryKey: dialoguesKeys.search(q, spaceId),
    queryFn: ({ pageParam }) => searchThreads(q, spaceId, pageParam),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    enabled: q !== '',
  });
}

export function usePosts(threadId: string) {
  return useInfiniteQuery({
    queryKey: dialoguesKeys.posts(threadId),
    queryFn: ({ pageParam }) => getPosts(threadId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** After any change: the lists, counts and the thread are read again. */
export function useDialoguesMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: dialoguesKeys.all }) });
}
