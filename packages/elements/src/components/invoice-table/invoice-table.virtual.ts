/**
 * The invoice table's virtualizer, loaded only when a table holds more than `PLAIN_ROWS` invoices
 * or more pages may follow (a dynamic import: @lit-labs/virtualizer is ~9 kB min+gz that a short
 * table does not need).
 */
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

export { type VirtualizerHostElement, virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';

/**
 * The flow layout with a shorter overhang (rows rendered beyond the viewport on each side): the
 * default 1,000 px keeps ~45 extra rows in the DOM; 400 px is still several screens' worth of
 * wheel scrolling before a frame and keeps the shadow root well under 1,000 nodes.
 */
class InvoiceRowLayout extends FlowLayout {
  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._overhang = 400;
  }
}
export const LAYOUT = { type: InvoiceRowLayout, direction: 'vertical' as const };
