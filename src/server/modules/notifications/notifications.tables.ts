/** The notifications module's tables (and the calendar's feed tokens), as Kysely sees them (see migrations/008-notifications.ts). */
export interface NotificationsTables {
  notification_preferences: { user_id: string; kind: string; mode: string; updated_at: string };
  notification_items: NotificationItemsTable;
  notification_digests: { id: string; user_id: string; period: string; outbox_id: string; item_count: number; created_at: string };
  calendar_feeds: { user_id: string; token_hash: string; created_at: string };
}

export interface NotificationItemsTable {
  id: string;
  user_id: string;
  kind: string;
  mode: string;
  subject: string;
  body_text: string;
  link: string;
  status: string;
  period: string | null;
  created_at: string;
}
