import { PortalEvent } from '../schemas/event.js';
import { get } from './define.js';

/** The live event stream (SSE: no client method; `client.subscribe` reads it). */
export const events = {
  stream: get({
    path: '/events',
    response: 'sse',
    events: PortalEvent,
  }),
} as const;
