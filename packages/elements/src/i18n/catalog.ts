import type { en } from './messages/en.js';

export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;
export type MessageKey = keyof typeof en;
/** A complete catalog: every key of the English source. */
export type Catalog = Record<MessageKey, Message>;
