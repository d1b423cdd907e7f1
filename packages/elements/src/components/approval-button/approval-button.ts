import { PorticoApprovalButton } from './approval-button.component.js';

export { PorticoApprovalButton };

PorticoApprovalButton.define('portico-approval-button');

declare global {
  interface HTMLElementTagNameMap {
    'portico-approval-button': PorticoApprovalButton;
  }
}
