import { expect } from '@open-wc/testing';
import { fromWire, Ticket } from '@portico/contract';
import { ticket } from '@portico/contract/fixtures';

describe('contract in the browser', () => {
  it('parses a wire ticket', () => {
    const wire = JSON.parse(JSON.stringify({ ...ticket(1) }));
    expect(Ticket.safeParse(fromWire(wire)).success).to.equal(true);
  });
});
