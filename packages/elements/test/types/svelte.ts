// The generated Svelte 5 types (types/svelte.d.ts), checked the way svelte2tsx checks a template:
// `svelteHTML.createElement(tag, attributes)`. Each @ts-expect-error marks a use they must reject.

import type { TicketStatus } from '@portico/contract';
import type {} from '@portico/elements/types/svelte';
import type { Equal, Expect } from './assert.js';

type Attributes<K extends keyof svelteHTML.IntrinsicElements> = svelteHTML.IntrinsicElements[K];

export type Checks = [
  Expect<Equal<Attributes<'portico-ticket-list'>['status'], TicketStatus | '' | undefined>>,
  Expect<Equal<Attributes<'portico-ticket-list'>['pageSize'], number | undefined>>,
];

export function template(onOpen: (id: string) => void) {
  svelteHTML.createElement('portico-ticket-list', {
    status: 'open',
    'page-size': '10',
    'hide-filters': true,
    class: 'tickets',
    'onportico-ticket-select': (e) => onOpen(e.detail.ticket.id),
    onclick: (e) => void e.currentTarget.refresh(),
  });
  svelteHTML.createElement('portico-provider', { 'base-url': 'https://portal.example', getToken: async () => 'token', theme: 'dark' });
  // @ts-expect-error: not a ticket status
  svelteHTML.createElement('portico-ticket-list', { status: 'nope' });
  // @ts-expect-error: the property is a number
  svelteHTML.createElement('portico-ticket-list', { pageSize: '10' });
  svelteHTML.createElement('portico-kb-article', {
    slug: 'reset-password',
    // @ts-expect-error: <portico-kb-article> does not fire portico-ticket-select
    'onportico-ticket-select': () => {},
  });
}
