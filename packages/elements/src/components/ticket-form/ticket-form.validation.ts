// The ticket form's validation messages, loaded when they are first needed (a field was left or
// the form submitted). It imports no value (the contract's schema comes from the form): imported
// here, shared modules would be split into chunks of their own in a bundler's output.
import type { TicketCreate } from '@portico/contract';
import type { TicketCreate as TicketCreateSchema } from '@portico/contract/validators';
import type { Translator } from '../../i18n/i18n.js';
import type { TicketFormMessageKey } from './ticket-form.messages.js';

export type Field = 'subject' | 'body' | 'priority' | 'attachments';
export type FieldErrors = Partial<Record<Field, string>>;

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** The form field of an input key (the contract's `attachmentIds` is the attachments field). */
export const fieldOf = (key: string): Field | undefined =>
  key === 'subject' || key === 'body' || key === 'priority' ? key : key === 'attachmentIds' ? 'attachments' : undefined;

function issueMessage(t: Translator<TicketFormMessageKey>['t'], field: Field, issue: ZodIssueLike): string {
  const min = Number(issue.minimum ?? 0);
  const max = Number(issue.maximum ?? 0);
  const small = issue.code === 'too_small';
  const big = issue.code === 'too_big';
  if (field === 'subject' && small) return t('ticketForm.error.subjectShort', { min });
  if (field === 'subject' && big) return t('ticketForm.error.subjectLong', { max });
  if (field === 'body' && small) return t('ticketForm.error.bodyEmpty');
  if (field === 'body' && big) return t('ticketForm.error.bodyLong', { max });
  if (field === 'attachments' && big) return t('ticketForm.error.tooManyFiles', { max });
  return t('ticketForm.error.invalid');
}

/** The input checked against the contract's `TicketCreate` (`schema`): the parsed input, and the first error of each field. */
export function validate(
  schema: typeof TicketCreateSchema,
  t: Translator<TicketFormMessageKey>['t'],
  input: TicketCreate,
): { data?: TicketCreate; errors: FieldErrors } {
  const result = schema.safeParse(input);
  const errors: FieldErrors = {};
  if (result.success) return { data: result.data as TicketCreate, errors };
  for (const issue of result.error.issues as ZodIssueLike[]) {
    const field = fieldOf(String(issue.path[0] ?? ''));
    if (field && !errors[field]) errors[field] = issueMessage(t, field, issue);
  }
  return { errors };
}

/** The server's `validation_failed` field errors, by form field (the first of each). */
export function serverFieldErrors(error: unknown): FieldErrors {
  const mapped: FieldErrors = {};
  for (const fe of (error as { fieldErrors?: Array<{ path: string; message: string }> }).fieldErrors ?? []) {
    const field = fieldOf(fe.path.split('.')[0] ?? '');
    if (field && !mapped[field]) mapped[field] = fe.message;
  }
  return mapped;
}
