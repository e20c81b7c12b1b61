/** Catalog migrations in order; migration N brings the database to `user_version` N. */
import * as m001 from './001-initial.ts';

export const migrations: readonly { readonly sql: string }[] = [m001];
