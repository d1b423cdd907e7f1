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

/** A small valid two-page PDF (ASCII only, so it survives a string body): a coloured square per page. */
function samplePdf(): string {
  const page = (rgb: string, text: string) => `${rgb} rg 100 200 400 400 re f BT /F1 24 Tf 100 700 Td (${text}) Tj ET`;
  const contents = [page('0.2 0.4 0.8', 'Brief - page 1'), page('0.9 0.5 0.1', 'Brief - page 2')];
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...contents.flatMap((c, i) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
      `<< /Length ${c.length} >>\nstream\n${c}\nendstream`,
    ]),
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${out}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

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
  parameters: {
    portico: {
      handlers: {
        ...withCurrent({ mediaType: 'application/pdf', fileName: 'brief.pdf' }),
        'files.get': { status: 200, body: samplePdf(), headers: { 'content-type': 'application/pdf' } },
      },
    },
  },
};
export const PdfError: Story = {
  name: 'PDF that can’t be shown',
  parameters: {
    portico: {
      handlers: {
        ...withCurrent({ mediaType: 'application/pdf', fileName: 'broken.pdf' }),
        'files.get': { status: 200, body: 'not a PDF', headers: { 'content-type': 'application/pdf' } },
      },
    },
  },
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
