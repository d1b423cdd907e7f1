/** Stories of <portico-deliverable-viewer> (pattern: ticket-list.stories.ts). */
import type { DeliverableVersion } from '@portico/contract';
import { deliverable, deliverableVersion } from '@portico/contract/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { error, malformed, never, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryContext, PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import { json, type MockHandler, problem } from '../../testing/mock-api.js';
import type { PorticoDeliverableViewer } from './deliverable-viewer.component.js';
import { samplePdf, sampleTexts } from './deliverable-viewer.samples.js';
import './deliverable-viewer.js';

type Args = Partial<Pick<PorticoDeliverableViewer, 'deliverableId' | 'version' | 'compareVersion' | 'hideComments' | 'noLive'>>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

/** dlv_1 whose current version (v2) has these fields (and v1 those of `old`). */
const withCurrent = (o: Partial<DeliverableVersion>, old: Partial<DeliverableVersion> = {}) => {
  const versions = [deliverableVersion(2, o), deliverableVersion(1, old)];
  return { 'deliverables.get': json(deliverable(1, { versions, currentVersion: versions[0]! })) };
};
/** Serves each version's file (by version id), 404 for the others. */
const files =
  (bodies: Record<string, string>, type: string): MockHandler =>
  ({ params }) =>
    params.id! in bodies ? { status: 200, body: bodies[params.id!]!, headers: { 'content-type': type } } : problem(404, 'not_found');
const text = { mediaType: 'text/plain', fileName: 'brief.txt' };
/** Reads the files through the story's mock API (the story runner has no service worker to answer signed links). */
const withFiles: Story['render'] = (args, context) =>
  html`<portico-deliverable-viewer ${props(args)} .fetchFile=${(context as unknown as PorticoStoryContext).loaded.portico?.api.fetch}></portico-deliverable-viewer>`;
const pdf = (name: string) => ({ mediaType: 'application/pdf', fileName: name });

const meta = {
  title: 'Components/Deliverable viewer',
  component: 'portico-deliverable-viewer',
  tags: ['autodocs'],
  args: { deliverableId: 'dlv_1' },
  render: (args) => html`<portico-deliverable-viewer ${props(args)}></portico-deliverable-viewer>`,
} satisfies Meta<Args>;
export default meta;

export const Playground: Story = {};
export const Compare: Story = { name: 'Compare images', args: { compareVersion: 1 } };
export const CompareText: Story = {
  name: 'Compare text (line and word diff)',
  args: { compareVersion: 1 },
  render: withFiles,
  parameters: {
    portico: {
      handlers: { ...withCurrent(text, text), 'files.get': files({ ver_2: sampleTexts.new, ver_1: sampleTexts.old }, 'text/plain') },
      waitFor: '[part~="diff"]',
    },
  },
};
export const CompareTextError: Story = {
  name: 'Compare text: a version can’t be loaded',
  args: { compareVersion: 1 },
  render: withFiles,
  parameters: {
    portico: {
      handlers: { ...withCurrent(text, text), 'files.get': files({ ver_2: sampleTexts.new }, 'text/plain') },
      waitFor: '[part~="diff-error"]',
    },
  },
};
export const ComparePdf: Story = {
  name: 'Compare PDFs (pages side by side)',
  args: { compareVersion: 1 },
  render: withFiles,
  parameters: {
    portico: {
      handlers: {
        ...withCurrent(pdf('brief-v2.pdf'), pdf('brief-v1.pdf')),
        'files.get': files(
          {
            ver_2: samplePdf(['0.2 0.4 0.8', '0.9 0.5 0.1', '0.1 0.6 0.3'], 'Brief v2'),
            ver_1: samplePdf(['0.2 0.4 0.8', '0.8 0.2 0.2'], 'Brief v1'),
          },
          'application/pdf',
        ),
      },
      waitFor: '[data-slot="comparePdf"]',
    },
  },
};
export const ComparePdfError: Story = {
  name: 'Compare PDFs: one can’t be shown',
  args: { compareVersion: 1 },
  render: withFiles,
  parameters: {
    portico: {
      handlers: {
        ...withCurrent(pdf('brief-v2.pdf'), pdf('broken.pdf')),
        'files.get': files({ ver_2: samplePdf(['0.2 0.4 0.8']), ver_1: 'not a PDF' }, 'application/pdf'),
      },
      waitFor: '[part~="pdf-error"]',
    },
  },
};
export const CompareVideo: Story = {
  name: 'Compare video: can’t be compared',
  args: { compareVersion: 1 },
  parameters: {
    portico: {
      handlers: withCurrent({ mediaType: 'video/mp4', fileName: 'cut-v2.mp4' }, { mediaType: 'video/mp4', fileName: 'cut-v1.mp4' }),
      waitFor: '[part~="incomparable"]',
    },
  },
};
export const CompareKinds: Story = {
  name: 'Compare different kinds: can’t be compared',
  args: { compareVersion: 1 },
  parameters: { portico: { handlers: withCurrent(pdf('brief.pdf')), waitFor: '[part~="incomparable"]' } },
};
export const CompareTextRtl: Story = {
  ...CompareText,
  name: 'Compare text, dark, right-to-left',
  globals: { theme: 'dark', locale: 'ar' },
};
export const Pdf: Story = {
  name: 'PDF',
  parameters: {
    portico: {
      handlers: {
        ...withCurrent({ mediaType: 'application/pdf', fileName: 'brief.pdf' }),
        'files.get': { status: 200, body: samplePdf(['0.2 0.4 0.8', '0.9 0.5 0.1']), headers: { 'content-type': 'application/pdf' } },
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
