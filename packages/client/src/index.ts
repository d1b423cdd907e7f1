export type { EndpointInput, EndpointOutput, PortalEvent } from '@portico/contract';
export { API_PREFIX } from '@portico/contract';
export { createPorticoClient } from './client.js';
export {
  createClientFor,
  type EndpointMethod,
  INVALID_LINK_EVENT,
  type InvalidLink,
  type Page,
  type PorticoApi,
  type PorticoClient,
  type PorticoClientOptions,
  type RequestOptions,
} from './core.js';
export {
  apiError,
  type FieldError,
  PorticoApiError,
  PorticoError,
  PorticoInputError,
  PorticoNetworkError,
  PorticoTimeoutError,
  PorticoValidationError,
  type ValidationIssue,
} from './errors.js';
export { type PorticoEventListener, type PorticoStreamEvent, readSse, type SseHandlers, type StreamReconnected } from './events.js';
export type { PorticoDiagnostic, RetryOptions, UploadProgress } from './options.js';
export { type EndpointGroups, type EndpointTable, endpointRegistry, registerEndpoints } from './registry.js';
export { createTokenCache, jwtExpiry, type TokenCache, type TokenProvider, type TokenResult } from './token.js';
