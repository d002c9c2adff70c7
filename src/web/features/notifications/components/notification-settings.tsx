/** The account page's section: how often each kind of notification arrives, and the private calendar feed. */
export function NotificationSettings() {
  return null;
}
