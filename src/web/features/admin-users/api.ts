import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@/contracts/roles';
import type { UpdateUserBody, User, UserList } from '@/contracts/users';
import { api, toQueryString } from '@/web/lib/api-client';

export type UserStatus = User['status'];

export interface UserFilters {
  q: string;
  role: Role | '';
  status: UserStatus | '';
}

export type UserUpdate = UpdateUserBody;

const PAGE_SIZE = 50;

const path = (id: string) => `/api/users/${encodeURIComponent(id)}`;

export const listUsers = (filters: UserFilters, cursor: string | undefined) =>
  api<UserList>(`/api/users${toQueryString({ ...filters, limit: PAGE_SIZE, cursor })}`);
export const getUser = (id: string) => api<User>(path(id));
export const updateUser = (id: string, body: UserUpdate) => api<User>(path(id), { method: 'PATCH', body });
export const setUserStatus = (id: string, action: 'disable' | 'enable') =>
  api<User>(`${path(id)}/${action}`, { method: 'POST' });
export const resetUserTotp = (id: string) => api<User>(`${path(id)}/totp/reset`, { method: 'POST' });

export const userKeys = {
  all: ['users'] as const,
  list: (filters: UserFilters) => ['users', 'list', filters] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export const usersQueryOptions = (filters: UserFilters) =>
  infiniteQueryOptions({
    queryKey: userKeys.list(filters),
    queryFn: ({ pageParam }) => listUsers(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useUsers(filters: UserFilters) {
  return useInfiniteQuery(usersQueryOptions(filters));
}

export const userQueryOptions = (id: string) => queryOptions({ queryKey: userKeys.detail(id), queryFn: () => getUser(id) });

export function useUser(id: string) {
  return useQuery(userQueryOptions(id));
}

/** Every change to a user refreshes the lists and the user's own page. */
function useUserMutation<Input>(run: (input: Input) => Promise<User>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (user) => {
      qc.setQueryData(userKeys.detail(user.id), user);
      return qc.invalidateQueries({ queryKey: userKeys.all });
    },
  });
}

export function useUpdateUser() {
  return useUserMutation(({ id, body }: { id: string; body: UserUpdate }) => updateUser(id, body));
}

export function useSetUserStatus() {
  return useUserMutation(({ id, action }: { id: string; action: 'disable' | 'enable' }) => setUserStatus(id, action));
}

export function useResetUserTotp() {
  return useUserMutation((id: string) => resetUserTotp(id));
}
