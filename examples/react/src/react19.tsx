// React 19, the Portico elements written as JSX: no wrapper needed. React 19 sets a prop as a
// property when the element has it (functions, objects, arrays arrive intact), otherwise as an
// attribute, and `on<event-name>` props listen to the elements' events.
//
// The provider and the invoice table are registered before the first render, because they get
// a function and an array: React 19 looks for the property when it sets the prop, and an element
// not yet defined has none (the value would become an attribute). The ticket list and detail only
// get strings, booleans and a listener, so their registration can come later, in a chunk of its
// own: they are in the page as unknown elements first, then upgrade in place.
import '@portico/elements/components/provider/provider';
import '@portico/elements/components/invoice-table/invoice-table';
import type { Ticket } from '@portico/contract';
import { useState, version } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { baseUrl, getToken, hostInvoices, noteDefinitions, noteEvent, probe } from './host.js';

function App() {
  const [selected, setSelected] = useState<Ticket | null>(null);
  const [showFilters, setShowFilters] = useState(false);

  return (
    <portico-provider base-url={baseUrl} getToken={getToken}>
      <h1>Portico in React {version}: the elements as JSX</h1>

      <section aria-labelledby="support">
        <h2 id="support">Support</h2>
        <button type="button" id="toggle-filters" aria-pressed={showFilters} onClick={() => setShowFilters((v) => !v)}>
          Filters
        </button>
        <portico-ticket-list
          page-size={5}
          hide-filters={!showFilters}
          onportico-ticket-select={(event) => {
            noteEvent(event, 'jsx');
            setSelected(event.detail.ticket);
          }}
        />
        <output id="selected" data-ticket-id={selected?.id ?? ''}>
          {selected ? `Selected #${selected.number}: ${selected.subject}` : 'No ticket selected'}
        </output>
        <portico-ticket-detail ticket-id={selected?.id ?? ''} no-reply hidden={!selected} />
      </section>

      <section aria-labelledby="billing">
        <h2 id="billing">Invoices the host already has</h2>
        <portico-invoice-table invoices={hostInvoices} hide-totals />
      </section>
    </portico-provider>
  );
}

probe(version);
const root = createRoot(document.getElementById('app')!);
flushSync(() => root.render(<App />));
noteDefinitions(['portico-ticket-list', 'portico-ticket-detail']);
await Promise.all([
  import('@portico/elements/components/ticket-list/ticket-list'),
  import('@portico/elements/components/ticket-detail/ticket-detail'),
]);
