import type { en } from './messages/en.js';

export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;
/** Keys of the shared catalog (states, errors, ticket vocabulary). Components add their own keys. */
export type CoreMessageKey = keyof typeof en;
/** Any message key: a shared one, or one a component registered. */
export type MessageKey = CoreMessageKey | (string & {});
/** A complete shared catalog: every key of the English source. */
export type Catalog = Record<CoreMessageKey, Message>;
