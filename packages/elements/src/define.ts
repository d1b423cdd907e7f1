// Registers every Portico element (side effect). The provider first, so it is upgraded before
// the components inside it ask for its context.
import './components/provider/provider.js';
import './components/ticket-list/ticket-list.js';
import './components/ticket-detail/ticket-detail.js';
import './components/ticket-form/ticket-form.js';
import './components/kb-search/kb-search.js';
import './components/kb-article/kb-article.js';
import './components/invoice-table/invoice-table.js';
import './components/deliverable-list/deliverable-list.js';
import './components/deliverable-viewer/deliverable-viewer.js';
import './components/comment-thread/comment-thread.js';
import './components/approval-button/approval-button.js';
import './components/approval-history/approval-history.js';
import './components/project-timeline/project-timeline.js';
