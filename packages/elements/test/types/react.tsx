// The generated React 19 JSX types (types/react.d.ts), used as an app would. `tsc -p test/types`
// must pass: each @ts-expect-error marks a use the types must reject. (TypeScript lets any
// hyphenated JSX attribute through, so an `onportico-…` handler of an event the element does not
// fire is not an error here; a typed one is checked.)

import type { TicketStatus } from '@portico/contract';
import type { PorticoTicketList } from '@portico/elements';
import type {} from '@portico/elements/types/react';
import { useRef } from 'react';
import type { Equal, Expect } from './assert.js';

type ListProps = React.JSX.IntrinsicElements['portico-ticket-list'];
export type Checks = [
  Expect<Equal<ListProps['status'], TicketStatus | '' | undefined>>,
  Expect<Equal<ListProps['pageSize'], number | undefined>>,
  Expect<Equal<Parameters<NonNullable<ListProps['onportico-ticket-select']>>[0]['detail']['ticket']['status'], TicketStatus>>,
];

export function Tickets({ onOpen }: { onOpen: (id: string) => void }) {
  const list = useRef<PorticoTicketList>(null);
  return (
    <portico-provider base-url="https://portal.example" getToken={async () => 'token'} theme="dark" lang="de">
      <portico-ticket-list
        ref={list}
        status="open"
        pageSize={10}
        page-size="10"
        hide-filters
        className="tickets"
        style={{ '--portico-ticket-list-gap': '8px' } as React.CSSProperties}
        onportico-ticket-select={(e) => {
          e.preventDefault();
          onOpen(e.detail.ticket.id);
        }}
        onportico-error={(e) => console.warn(e.detail.code)}
        onClick={(e) => void e.currentTarget.refresh()}
      >
        <h2 slot="header">Tickets</h2>
      </portico-ticket-list>
      <portico-kb-search article-href="/help/{slug}" min-length={3} onportico-article-open={(e) => onOpen(e.detail.article.slug)} />
      <portico-approval-button
        deliverable-id="d1"
        onportico-approve-request={(e) => e.detail.decision === 'approved' && e.preventDefault()}
      />
      <portico-ticket-list
        // @ts-expect-error: not a ticket status
        status="nope"
      />
      <portico-ticket-list
        // @ts-expect-error: the property is a number (the `page-size` attribute takes a string)
        pageSize="10"
      />
      <portico-ticket-list
        // @ts-expect-error: no such property
        pagesize={10}
      />
      <portico-kb-article
        slug="reset-password"
        // @ts-expect-error: the property is a boolean
        hideFeedback="yes"
      />
      {/* @ts-expect-error: the handler expects another event's detail */}
      <portico-ticket-list onportico-ticket-select={(e: CustomEvent<{ invoice: string }>) => e} />
      {/* @ts-expect-error: no such element */}
      <portico-ticket-lists />
    </portico-provider>
  );
}
