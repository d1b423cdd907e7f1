import * as z from 'zod/mini';
import { Id, Link, PageQuery, Timestamp } from './common.js';

export const NotificationKind = z.enum([
  'ticket_reply',
  'ticket_status',
  'invoice_issued',
  'deliverable_version',
  'decision_recorded',
  'announcement',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

/**
 * What a notification is about, for filtering and for the contact's preferences. Derived from the
 * kind (`CATEGORY_OF_KIND`), so a new kind only has to name its category.
 */
export const NotificationCategory = z.enum(['tickets', 'billing', 'projects', 'announcements']);
export type NotificationCategory = z.infer<typeof NotificationCategory>;

export const CATEGORY_OF_KIND: Readonly<Record<NotificationKind, NotificationCategory>> = {
  ticket_reply: 'tickets',
  ticket_status: 'tickets',
  invoice_issued: 'billing',
  deliverable_version: 'projects',
  decision_recorded: 'projects',
  announcement: 'announcements',
};

export const Notification = z.object({
  id: Id,
  kind: NotificationKind,
  category: NotificationCategory,
  title: z.string(),
  body: z.string(),
  /** Where the notification's action leads (the host's page for the ticket, invoice, …), or none (an invalid link is left out). */
  link: Link,
  createdAt: Timestamp,
  readAt: z.nullable(Timestamp),
  /** Archived notifications leave the feed (and the unread count); `archived=true` lists them. */
  archivedAt: z.nullable(Timestamp),
});
export type Notification = z.infer<typeof Notification>;

const Bool = z.enum(['true', 'false']);
export const NotificationListQuery = z.object({
  unread: z.optional(Bool),
  category: z.optional(NotificationCategory),
  /** `true`: only archived notifications; otherwise (default) only those not archived. */
  archived: z.optional(Bool),
  ...PageQuery,
});
/** Optional: only this category's notifications (the feed's filter). A query, so the POST needs no body. */
export const ReadAllQuery = z.object({ category: z.optional(NotificationCategory) });
export const ReadAllResult = z.object({ updated: z.int().check(z.nonnegative()) });

/** What the bell shows: unread, not archived notifications of the signed-in contact. */
export const NotificationSummary = z.object({ unread: z.int().check(z.nonnegative()) });
export type NotificationSummary = z.infer<typeof NotificationSummary>;

/** The channels a notification can reach a contact on. `email` is sent by the host's mailer, which reads these. */
export const NotificationChannel = z.enum(['inPortal', 'email']);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

/** One category's switches. A category the contact never changed is on for every channel. */
export const CategoryPreference = z.object({ category: NotificationCategory, inPortal: z.boolean(), email: z.boolean() });
export type CategoryPreference = z.infer<typeof CategoryPreference>;
/** Every category, in the order of `NotificationCategory`. */
export const NotificationPreferences = z.object({ categories: z.array(CategoryPreference) });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;
/** One switch: a category on a channel. */
export const PreferenceSwitch = z.object({ category: NotificationCategory, channel: NotificationChannel, enabled: z.boolean() });
export type PreferenceSwitch = z.infer<typeof PreferenceSwitch>;
/** The switches to change; those not named keep their value. */
export const NotificationPreferencesUpdate = z.object({ switches: z.array(PreferenceSwitch).check(z.minLength(1), z.maxLength(8)) });
export type NotificationPreferencesUpdate = z.infer<typeof NotificationPreferencesUpdate>;
