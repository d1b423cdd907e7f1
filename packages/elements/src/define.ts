// Registers every Portico element (side effect). The provider first, so it is upgraded before
// the components inside it ask for its context.
import './components/provider/provider.js';
import './components/ticket-list/ticket-list.js';
