/** Runtime schemas of the values every capability's slice of the contract shares. */
import { z } from 'zod';

export const locales = ['en', 'ko', 'zh-Hans', 'mn-Cyrl', 'mn-Mong'] as const;
export const Locale = z.enum(locales);
export type Locale = z.infer<typeof Locale>;

/** Content languages an item may be written in (BCP 47 tags, script where it matters). */
export const ContentLanguage = z.enum(['en', 'ko', 'zh', 'mn-Cyrl', 'mn-Mong']);
export type ContentLanguage = z.infer<typeof ContentLanguage>;

/** A stable identifier: lower-case letters, digits and dashes, as written in a pack manifest. */
export const Slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');

export const Page = z.object({
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(100).default(24),
});

/** A SHA-256 digest in lower-case hex: how the content store names every file. */
export const ContentHash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest in lower-case hex');
