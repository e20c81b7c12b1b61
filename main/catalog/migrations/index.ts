/** Catalog migrations in order; migration N brings the database to `user_version` N. */
import * as m001 from './001-initial.ts';
import * as m002 from './002-arrival.ts';
import * as m003 from './003-garbage-owed.ts';
import * as m004 from './004-document-type.ts';
import * as m005 from './005-file-pages.ts';
import * as m006 from './006-narration.ts';
import * as m007 from './007-page-text.ts';

export const migrations: readonly { readonly sql: string }[] = [m001, m002, m003, m004, m005, m006, m007];
