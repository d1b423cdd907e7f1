import type { Comment } from '@portico/contract';
import type { css, html, nothing } from 'lit';
import type { ref } from 'lit/directives/ref.js';
import type { useResources } from '../../base/resources.js';
import type { isolate } from '../../i18n/isolate.js';
import type { regionNumbers } from '../comment-thread/comment-thread.anchors.js';
import type { PorticoCommentThread } from '../comment-thread/comment-thread.component.js';
import type { PorticoDeliverableViewer, previewKind } from './deliverable-viewer.component.js';
import type { PdfFailure, PdfPreview } from './pdf-preview.js';
import type { pdfSettings } from './pdf-settings.js';

export type PdfState = { url: string; doc?: PdfPreview; failed?: PdfFailure };
export type Region = { kind: 'region'; x: number; y: number; width: number; height: number };

/**
 * The viewer as its lazy previewers (image, PDF pages, text and media modules) see it: its public
 * API plus the state it keeps for them (declared private on the class, so that it stays out of the
 * element's API). The previewers are functions of this host; the reactive state lives on the
 * element, so a change made by a previewer renders as before.
 */
export type ViewerHost = Pick<PorticoDeliverableViewer, keyof PorticoDeliverableViewer> & {
  picking: boolean;
  draft: Region | null;
  /** Where a region drag started (image module). */
  drag?: { x: number; y: number };
  readonly comments: readonly Comment[];
  readonly thread: PorticoCommentThread | null;
  text?: { url: string; value?: string; failed?: boolean; truncated?: boolean };
  textAbort?: AbortController;
  pdf?: PdfState;
  pdfAbort?: AbortController;
  /** What the PDF canvas shows now (document, page, pixel width), to draw only on a change. */
  pdfDrawn?: string;
  /** The PDF compared with the one shown (its pages side by side with the shown one's). */
  comparePdf?: PdfState;
  comparePdfAbort?: AbortController;
  comparePdfDrawn?: string;
  /** The page last given to the comment thread as its anchor. */
  anchoredPage: number;
  resolve(url: string | null): string;
  /** Fetches a signed link; a 403 (expired) is retried once with a fresh link to the same file. */
  fetchLink(url: string, init: RequestInit): Promise<Response>;
};

/**
 * What the lazy previewers use of lit and of the viewer's modules (the comments' region numbers,
 * `pdfSettings`), handed to their factories by the
 * viewer: imported by them, lit and the viewer's module would be split into chunks of their own
 * (less well compressed) in a bundler's output, and wrapped for lazy evaluation in a bundle
 * without splitting.
 */
export type Kit = {
  html: typeof html;
  css: typeof css;
  nothing: typeof nothing;
  ref: typeof ref;
  previewKind: typeof previewKind;
  isolate: typeof isolate;
  regionNumbers: typeof regionNumbers;
  pdfSettings: typeof pdfSettings;
  /** `waitFor` of the base element (a method here: the viewer passes itself as a ViewerHost). */
  waitFor(host: ViewerHost, work: Promise<unknown>): void;
  useResources: typeof useResources;
};
