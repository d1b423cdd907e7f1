// Type fixture, checked by `pnpm typecheck`: a component's translator takes its own message keys
// and the shared ones, and nothing else. Each `@ts-expect-error` line must be an error — if a
// wrong key were accepted, the directive itself would fail the typecheck.
import type { PorticoCommentThread } from '../src/components/comment-thread/comment-thread.component.js';
import type { PorticoTicketDetail } from '../src/components/ticket-detail/ticket-detail.component.js';
import type { PorticoTicketForm } from '../src/components/ticket-form/ticket-form.component.js';
import type { PorticoTicketList } from '../src/components/ticket-list/ticket-list.component.js';

export function keys(
  form: PorticoTicketForm,
  detail: PorticoTicketDetail,
  list: PorticoTicketList,
  thread: PorticoCommentThread,
): string[] {
  return [
    form.i18n.t('ticketForm.submit'), // its own
    form.i18n.t('state.retry'), // shared
    form.i18n.t('upload.attach'), // the uploads' (it has an UploadController)
    detail.i18n.t('ticketDetail.send'),
    list.i18n.t('ticketList.label'),
    thread.i18n.t('commentThread.send', { page: 1 }),
    // @ts-expect-error another component's key
    form.i18n.t('ticketList.label'),
    // @ts-expect-error a misspelt key
    detail.i18n.t('ticketDetail.sned'),
    // @ts-expect-error the uploads' keys belong to components that upload
    list.i18n.t('upload.attach'),
    // @ts-expect-error no such shared key
    thread.i18n.t('state.nope'),
  ];
}
