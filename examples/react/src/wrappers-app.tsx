// The @portico/react wrappers: typed props (set as properties when the element has them) and
// typed `on<Event>` callbacks. The same source is bundled twice, against React 19 and React 18
// (build.mjs), which is what the wrappers are for: React 18 sets every prop of a custom element
// as a string attribute and does not listen to custom events.
import type { Ticket } from '@portico/contract';
import { PorticoInvoiceTable, PorticoProvider, PorticoTicketList, type PorticoTicketListProps } from '@portico/react';
import { useState, version } from 'react';
import { baseUrl, getToken, hostInvoices, noteEvent } from './host.js';

export function WrappersApp() {
  const [selected, setSelected] = useState<Ticket | null>(null);
  const [showFilters, setShowFilters] = useState(false);

  // `event` is a CustomEvent<{ ticket: Ticket }>: the type comes from the element's declarations.
  const onSelect: PorticoTicketListProps['onPorticoTicketSelect'] = (event) => {
    noteEvent(event, 'wrapper');
    setSelected(event.detail.ticket);
  };

  return (
    <PorticoProvider baseUrl={baseUrl} getToken={getToken}>
      <h1>Portico in React {version}: @portico/react</h1>

      <section aria-labelledby="support">
        <h2 id="support">Support</h2>
        <button type="button" id="toggle-filters" aria-pressed={showFilters} onClick={() => setShowFilters((v) => !v)}>
          Filters
        </button>
        <PorticoTicketList id="tickets" data-view="support" pageSize={5} hideFilters={!showFilters} onPorticoTicketSelect={onSelect}>
          <h3 slot="header">Your tickets</h3>
        </PorticoTicketList>
        <output id="selected" data-ticket-id={selected?.id ?? ''}>
          {selected ? `Selected #${selected.number}: ${selected.subject}` : 'No ticket selected'}
        </output>
        {/* Not wrapped, and registered only after the first render (see the entry): strings only,
            which React 18 and 19 both set as attributes. `hidden` only when true: React 18 would
            write hidden="false", which hides the element too. */}
        <portico-ticket-detail ticket-id={selected?.id ?? ''} no-reply="" hidden={selected ? undefined : true} />
      </section>

      <section aria-labelledby="billing">
        <h2 id="billing">Invoices the host already has</h2>
        <PorticoInvoiceTable invoices={hostInvoices} hideTotals />
      </section>
    </PorticoProvider>
  );
}
