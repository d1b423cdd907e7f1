/** Stories of <portico-deliverable-viewer> (pattern: ticket-list.stories.ts). */
import type { DeliverableVersion } from '@portico/contract';
import { deliverable, deliverableVersion } from '@portico/contract/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { error, malformed, never, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import { json } from '../../testing/mock-api.js';
import type { PorticoDeliverableViewer } from './deliverable-viewer.component.js';
import './deliverable-viewer.js';

type Args = Partial<Pick<PorticoDeliverableViewer, 'deliverableId' | 'version' | 'compareVersion' | 'hideComments' | 'noLive'>>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

/** dlv_1 whose current version (v2) has these fields. */
const withCurrent = (o: Partial<DeliverableVersion>) => {
  const versions = [deliverableVersion(2, o), deliverableVersion(1)];
  return { 'deliverables.get': json(deliverable(1, { versions, currentVersion: versions[0]! })) };
};

const meta = {
  title: 'Components/Deliverable viewer',
  component: 'portico-deliverable-viewer',
  tags: ['autodocs'],
  args: { deliverableId: 'dlv_1' },
  render: (args) => html`<portico-deliverable-viewer ${props(args)}></portico-deliverable-viewer>`,
} satisfies Meta<Args>;
export default meta;

export const Playground: Story = {};
export const Compare: Story = { args: { compareVersion: 1 } };
export const Pdf: Story = {
  name: 'PDF',
  parameters: { portico: { handlers: withCurrent({ mediaType: 'application/pdf', fileName: 'brief.pdf' }) } },
};
export const Video: Story = { parameters: { portico: { handlers: withCurrent({ mediaType: 'video/mp4', fileName: 'cut.mp4' }) } } };
export const Audio: Story = { parameters: { portico: { handlers: withCurrent({ mediaType: 'audio/mpeg', fileName: 'jingle.mp3' }) } } };
export const Unsupported: Story = {
  name: 'Unsupported media type',
  parameters: { portico: { handlers: withCurrent({ mediaType: 'application/zip', fileName: 'assets.zip' }) } },
};
export const Processing: Story = {
  parameters: { portico: { handlers: withCurrent({ processing: 'processing', previewUrl: null }) } },
};
export const Loading: Story = { parameters: { portico: { handlers: { 'deliverables.get': never() }, waitFor: '[part~="loading"]' } } };
export const Unavailable: Story = { name: 'Error (503)', parameters: { portico: { handlers: { 'deliverables.get': unavailable() } } } };
export const NotFound: Story = {
  name: 'Error (404)',
  parameters: { portico: { handlers: { 'deliverables.get': error(404, 'not_found') } } },
};
export const Malformed: Story = { name: 'Malformed response', parameters: { portico: { handlers: { 'deliverables.get': malformed() } } } };
export const DarkRtl: Story = { name: 'Dark, right-to-left', globals: { theme: 'dark', locale: 'ar' } };
