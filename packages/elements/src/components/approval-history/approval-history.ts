import { PorticoApprovalHistory } from './approval-history.component.js';

export { PorticoApprovalHistory };

PorticoApprovalHistory.define('portico-approval-history');

declare global {
  interface HTMLElementTagNameMap {
    'portico-approval-history': PorticoApprovalHistory;
  }
}
