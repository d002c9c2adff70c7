/** The practices module's tables, as Kysely sees them (see its migration). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the module grows
export interface PracticesTables {}
