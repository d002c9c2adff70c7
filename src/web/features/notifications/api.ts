import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeedCreated, CalendarFeedStatus } from '@/contracts/calendar';
import type { Ok } from '@/contracts/common';
import type { NotificationPreferences, UpdateNotificationPreferences } from '@/contracts/notifications';
import { api } from '@/web/lib/api-client';

export const getNotificationPreferences = () => api<NotificationPreferences>('/api/account/notifications');
export const putNotificationPreferences = (body: UpdateNotificationPreferences) =>
  api<NotificationPreferences>('/api/account/notifications', { method: 'PUT', body });
export const getCalendarFeed = () => api<CalendarFeedStatus>('/api/account/calendar-feed');
export const createCalendarFeed = () => api<CalendarFeedCreated>('/api/account/calendar-feed', { method: 'POST', body: {} });
export const revokeCalendarFeed = () => api<Ok>('/api/account/calendar-feed', { method: 'DELETE' });

export const notificationKeys = {
  preferences: ['account', 'notifications'] as const,
  calendarFeed: ['account', 'calendar-feed'] as const,
};

export const preferencesQueryOptions = queryOptions({ queryKey: notificationKeys.preferences, queryFn: getNotificationPreferences });
export const calendarFeedQueryOptions = queryOptions({ queryKey: notificationKeys.calendarFeed, queryFn: getCalendarFeed });

export function useNotificationPreferences() {
  return useQuery(preferencesQueryOptions);
}

export function useSaveNotificationPreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: putNotificationPreferences,
    onSuccess: (saved) => qc.setQueryData(notificationKeys.preferences, saved),
  });
}

export function useCalendarFeed() {
  return useQuery(calendarFeedQueryOptions);
}

/** Creates the feed or replaces its secret URL; the new URL is in the mutation's data (shown once). */
export function useCreateCalendarFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: (created) => qc.setQueryData<CalendarFeedStatus>(notificationKeys.calendarFeed, { active: true, createdAt: created.createdAt }),
  });
}

export function useRevokeCalendarFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: () => qc.setQueryData<CalendarFeedStatus>(notificationKeys.calendarFeed, { active: false, createdAt: null }),
  });
}
