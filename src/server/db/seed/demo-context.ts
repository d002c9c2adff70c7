import type { Config } from '../../config';

/** What each module's demo seeder gets: the time, the demo accounts' ids and the config (upload folder). */
export interface DemoContext {
  now: Date;
  /** Demo account ids by email (admin@demo.hub.example, coordinator@demo.hub.example, ...). */
  userIds: ReadonlyMap<string, string>;
  config?: Pick<Config, 'UPLOAD_DIR' | 'PUBLIC_URL'>;
}
