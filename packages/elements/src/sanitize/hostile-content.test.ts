// Hostile content in the components that render customer-written text: ticket messages (Markdown
// and text), comments on deliverables, decision comments (see hostile.test-kit.ts). Articles: hostile-articles.test.ts.
import { approval, comment } from '@portico/contract/fixtures';
import '../components/approval-history/approval-history.js';
import '../components/comment-thread/comment-thread.js';
import '../components/ticket-detail/ticket-detail.js';
import { hostileSuite, listRenderer, messages } from './hostile.test-kit.js';

hostileSuite('hostile content in every renderer of customer-written text', [
  messages('markdown'),
  messages('text'),
  listRenderer(
    '<portico-comment-thread> comments',
    'portico-comment-thread',
    { 'deliverable-id': 'dlv_1', version: '2', 'no-live': '' },
    'comments.list',
    (body, i) => comment(i + 1, { id: `c${i}`, body }),
    '[part~="comment"] [part~="body"]',
    () => true,
    true,
  ),
  listRenderer(
    '<portico-approval-history> decision comments',
    'portico-approval-history',
    { 'deliverable-id': 'dlv_1', 'no-live': '' },
    'approvals.list',
    (body, i) => approval(i + 1, { id: `apr${i}`, version: 1, comment: body || 'x' }),
    '[part~="entry"] [part~="comment"]',
    () => true,
    false,
  ),
]);
