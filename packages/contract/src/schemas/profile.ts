import * as z from 'zod/mini';
import { SafeUrl, text } from './common.js';

/** A BCP 47 language tag (`de`, `pt-BR`); the server checks it with `Intl.getCanonicalLocales`. */
export const LanguageTag = text(z.minLength(1), z.maxLength(35));
/** An IANA time zone name (`Europe/Berlin`, `UTC`); the server checks that it knows it. */
export const TimeZone = text(z.minLength(1), z.maxLength(64));

/** The profile fields the portal may change, when the server's configuration allows it. */
export const ProfileField = z.enum(['language', 'timeZone']);
export type ProfileField = z.infer<typeof ProfileField>;

/**
 * The signed-in contact as the portal knows them. Name and email come from the host's tokens and
 * are never edited here; `manageUrl` is the host's own page for them (and for the rest, where
 * `editable` does not list it).
 */
export const Profile = z.object({
  name: z.string(),
  email: z.nullable(z.string()),
  /** null: not set (the components follow the page's language). */
  language: z.nullable(z.string()),
  /** null: not set (the components use the browser's time zone). */
  timeZone: z.nullable(z.string()),
  editable: z.array(ProfileField),
  manageUrl: z.nullable(SafeUrl),
});
export type Profile = z.infer<typeof Profile>;

export const ProfileUpdate = z.object({
  language: z.optional(z.nullable(LanguageTag)),
  timeZone: z.optional(z.nullable(TimeZone)),
});
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;
