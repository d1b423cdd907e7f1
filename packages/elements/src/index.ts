/**
 * @portico/elements — classes, controllers and helpers, with no side effects: importing this
 * registers no element. Register with `@portico/elements/define` (all) or one component's
 * file, e.g. `@portico/elements/components/ticket-list/ticket-list`.
 */
export { PorticoElement } from './base/portico-element.js';
export { PorticoApprovalButton } from './components/approval-button/approval-button.component.js';
export { PorticoApprovalHistory } from './components/approval-history/approval-history.component.js';
export { PorticoCommentThread } from './components/comment-thread/comment-thread.component.js';
export { PorticoDeliverableList } from './components/deliverable-list/deliverable-list.component.js';
export { PorticoDeliverableViewer } from './components/deliverable-viewer/deliverable-viewer.component.js';
export { PorticoDocumentRequests } from './components/document-requests/document-requests.component.js';
export { PorticoInvoiceDetail } from './components/invoice-detail/invoice-detail.component.js';
export { PorticoInvoiceTable } from './components/invoice-table/invoice-table.component.js';
export { PorticoKbArticle } from './components/kb-article/kb-article.component.js';
export { PorticoKbHome } from './components/kb-home/kb-home.component.js';
export { PorticoKbSearch } from './components/kb-search/kb-search.component.js';
export { PorticoMessageThread } from './components/message-thread/message-thread.component.js';
export { PorticoNotificationBell } from './components/notification-bell/notification-bell.component.js';
export { type NotificationView, PorticoNotificationFeed } from './components/notification-feed/notification-feed.component.js';
export { PorticoNotificationPreferences } from './components/notification-preferences/notification-preferences.component.js';
export { PorticoPaymentMethods } from './components/payment-methods/payment-methods.component.js';
export { PorticoProfile } from './components/profile/profile.component.js';
export { PorticoProjectTimeline } from './components/project-timeline/project-timeline.component.js';
export { PorticoProvider } from './components/provider/provider.component.js';
export { PorticoSubscription } from './components/subscription/subscription.component.js';
export { PorticoTicketDetail } from './components/ticket-detail/ticket-detail.component.js';
export { PorticoTicketForm } from './components/ticket-form/ticket-form.component.js';
export { PorticoTicketList, type SlaState, slaState } from './components/ticket-list/ticket-list.component.js';
export { chartGeometry, type MeterFigures, meterFigures, PorticoUsage } from './components/usage/usage.component.js';
export type { PorticoClientLike } from './context/client.js';
export { clientContext, localeContext, type PorticoLocale, type PorticoTheme, themeContext } from './context/contexts.js';
export { errorMessage, type RenderableResource, type RenderStateOptions, renderState, stateStyles } from './controllers/render-state.js';
export {
  errorCode,
  isAbort,
  type LiveFilter,
  PorticoNoClientError,
  ResourceController,
  type ResourceKind,
  type ResourceOptions,
  type ResourceState,
} from './controllers/resource-controller.js';
export type {
  PorticoErrorEvent,
  PorticoEvent,
  PorticoEventDetailMap,
  PorticoEventName,
  PorticoTicketSelectEvent,
} from './events/events.js';
export {
  type Catalog,
  type CoreMessageKey,
  dirOf,
  loadLocale,
  type Message,
  type MessageKey,
  onMessagesChanged,
  primaryLang,
  registerLocaleLoader,
  registerMessages,
  resolveLocale,
  type Translator,
  translator,
} from './i18n/i18n.js';
export { reset } from './styles/reset.styles.js';
export { tokens } from './styles/tokens.css.js';
export { type CoreToken, coreTokens } from './styles/tokens.data.js';
