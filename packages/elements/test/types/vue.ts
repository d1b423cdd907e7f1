// The generated Vue 3 types (types/vue.d.ts), checked without an SFC: the `GlobalComponents`
// entries Volar reads for templates. Each @ts-expect-error marks a use the types must reject.

import type { TicketStatus } from '@portico/contract';
import type { PorticoEvent, PorticoTicketList } from '@portico/elements';
import type {} from '@portico/elements/types/vue';
import type { GlobalComponents } from 'vue';
import type { Equal, Expect } from './assert.js';

type Props<K extends keyof GlobalComponents> = InstanceType<GlobalComponents[K]>['$props'];
type Emit<K extends keyof GlobalComponents> = InstanceType<GlobalComponents[K]>['$emit'];

export type Checks = [
  Expect<Equal<Props<'portico-ticket-list'>['status'], TicketStatus | '' | undefined>>,
  Expect<Equal<Props<'portico-ticket-list'>['pageSize'], number | undefined>>,
  Expect<Equal<Props<'portico-kb-search'>['articleHref'], string | undefined>>,
  Expect<Equal<InstanceType<GlobalComponents['portico-ticket-list']> extends PorticoTicketList ? true : false, true>>,
];

export const props: Props<'portico-ticket-list'> = {
  status: 'open',
  pageSize: 10,
  hideFilters: true,
  class: 'tickets',
  key: 1,
  onClick: () => {},
};
export const provider: Props<'portico-provider'> = { baseUrl: 'https://portal.example', getToken: async () => 'token', theme: 'dark' };

// @ts-expect-error: not a ticket status
export const badStatus: Props<'portico-ticket-list'> = { status: 'nope' };
// @ts-expect-error: the property is a number
export const badPageSize: Props<'portico-ticket-list'> = { pageSize: '10' };

export function events(
  emit: Emit<'portico-ticket-list'>,
  select: PorticoEvent<'portico-ticket-select'>,
  approve: PorticoEvent<'portico-approve'>,
) {
  emit('portico-ticket-select', select);
  emit('portico-error', new CustomEvent('portico-error', { detail: { error: null, code: 'network' } }));
  // @ts-expect-error: <portico-ticket-list> does not fire portico-approve
  emit('portico-approve', approve);
  // @ts-expect-error: wrong event object for portico-ticket-select
  emit('portico-ticket-select', approve);
}
