// Type tests, checked by `pnpm typecheck` against the *published* declarations (`@portico/react`
// resolves to dist/: run `pnpm build` first): every `onPortico…` prop of every wrapper gets a
// CustomEvent whose `detail` is typed (an event type lost on the way would make it `any`).
import type * as Wrappers from '@portico/react';
import type { PorticoInvoiceTableProps, PorticoTicketListProps } from '@portico/react';
import type { ComponentProps } from 'react';

type IsUntyped<T> = 0 extends 1 & T ? true : unknown extends T ? true : false;
type Handler = ((event: never) => void) | undefined;
type DetailOf<H> = H extends (event: infer E) => void ? (E extends CustomEvent<infer D> ? D : unknown) : unknown;
/** The `onPortico…` props (a key remap: `keyof` of the props also has a `string` index). */
type EventHandlers<P> = { [K in keyof P as K extends `onPortico${string}` ? K : never]-?: P[K] };
type Props = { [C in keyof typeof Wrappers]: EventHandlers<ComponentProps<(typeof Wrappers)[C]>> };
type UntypedEvents = {
  [C in keyof Props]: {
    [E in keyof Props[C]]: Props[C][E] extends Handler
      ? IsUntyped<DetailOf<Props[C][E]>> extends true
        ? `${C}.${E & string}`
        : never
      : `${C}.${E & string}`;
  }[keyof Props[C]];
}[keyof Props];

/** Names the offending `Wrapper.onEvent` props in the error, if any. */
export const everyEventIsTyped: [UntypedEvents] extends [never] ? true : UntypedEvents = true;

// And the details are the right ones.
export const onSelect: NonNullable<PorticoTicketListProps['onPorticoTicketSelect']> = (event) => {
  const subject: string = event.detail.ticket.subject;
  event.preventDefault();
  void subject;
};
export const onInvoice: NonNullable<PorticoInvoiceTableProps['onPorticoInvoicePay']> = (event) => {
  const url: string = event.detail.url;
  const number: string = event.detail.invoice.number;
  void url;
  void number;
};
