/**
 * The PDF side of `<portico-deliverable-viewer>`: pdf.js, loaded only when a PDF version is shown
 * (the viewer imports this module dynamically, and this module imports pdf.js dynamically).
 *
 * pdf.js parses in a module worker (`pdf-worker.ts`, one for the page, reused by every viewer); if
 * no worker can start (a CSP without `worker-src 'self'`, a bundler that didn't emit it), pdf.js
 * parses on the main thread instead. Pages are drawn to canvases only: no text or annotation
 * layer, no `eval` (`isEvalSupported: false`), no HTML from the file — Trusted-Types-safe.
 */
import type { PDFDocumentProxy, PDFWorker, RenderTask } from 'pdfjs-dist';
import type { pdfSettings as PdfSettings } from './pdf-settings.js';

type PdfJs = typeof import('pdfjs-dist');

/** Why a PDF can't be shown: `password` (encrypted), `invalid` (not a PDF, or broken). */
export type PdfFailure = 'password' | 'invalid';

let lib: Promise<PdfJs> | undefined;
let worker: Promise<PDFWorker | null> | undefined;

/** Loads pdf.js (once). */
function loadPdfJs(): Promise<PdfJs> {
  lib ??= import('pdfjs-dist').catch((error: unknown) => {
    lib = undefined; // a failed chunk load may succeed later
    throw error;
  });
  return lib;
}

/** Starts the parser worker (once); null when workers can't run here. */
function startWorker(pdfjs: PdfJs, pdfSettings: typeof PdfSettings): Promise<PDFWorker | null> {
  worker ??= new Promise<Worker | null>((resolve) => {
    let w: Worker;
    try {
      w = pdfSettings.workerUrl
        ? new Worker(pdfSettings.workerUrl as string | URL, { type: 'module', name: 'portico-pdf' })
        : new Worker(new URL('./pdf-worker.js', import.meta.url), { type: 'module', name: 'portico-pdf' });
    } catch {
      resolve(null);
      return;
    }
    const ac = new AbortController();
    // pdf.js's worker says "ready" as soon as it has loaded; a load failure (404, CSP) is an error.
    w.addEventListener(
      'message',
      () => {
        ac.abort();
        resolve(w);
      },
      { signal: ac.signal },
    );
    w.addEventListener(
      'error',
      (e) => {
        e.preventDefault();
        ac.abort();
        w.terminate();
        resolve(null);
      },
      { signal: ac.signal },
    );
  }).then(async (w) => {
    if (w) return pdfjs.PDFWorker.create({ port: w, name: 'portico-pdf' });
    // pdf.js's "fake worker": the parser on the main thread, found through globalThis.pdfjsWorker.
    await import('pdfjs-dist/build/pdf.worker.min.mjs');
    return null;
  });
  return worker;
}

/** What made pdf.js reject a document. */
export function pdfFailure(error: unknown): PdfFailure {
  return (error as { name?: string } | null)?.name === 'PasswordException' ? 'password' : 'invalid';
}

/** An open PDF: its page count and a way to draw one page to a canvas. */
export class PdfPreview {
  private task?: RenderTask;

  private constructor(private readonly doc: PDFDocumentProxy) {}

  /**
   * Parses `data` (rejects with a PasswordException / InvalidPDFException, see `pdfFailure`).
   * `settings` is the page's `pdfSettings`, passed by the viewer (imported here, that tiny module
   * would become a chunk of its own in a bundler's output).
   */
  static async open(data: Uint8Array, settings: typeof PdfSettings, signal?: AbortSignal): Promise<PdfPreview> {
    const pdfjs = await loadPdfJs();
    const pdfWorker = await startWorker(pdfjs, settings);
    signal?.throwIfAborted();
    const task = pdfjs.getDocument({
      data,
      ...(pdfWorker ? { worker: pdfWorker } : {}),
      isEvalSupported: false,
      enableXfa: false,
      stopAtErrors: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    });
    const abort = () => void task.destroy();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      return new PdfPreview(await task.promise);
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }

  get pageCount(): number {
    return this.doc.numPages;
  }

  /**
   * Draws page `n` (1-based) to `canvas`, `cssWidth` CSS pixels wide at the device's pixel ratio
   * (capped so a canvas stays within browsers' limits). A newer call cancels an unfinished one;
   * the cancelled call resolves with false.
   */
  async render(n: number, canvas: HTMLCanvasElement, cssWidth: number): Promise<boolean> {
    if (this.task) {
      this.task.cancel();
      await this.task.promise.catch(() => undefined);
      this.task = undefined;
    }
    const page = await this.doc.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const ratio = globalThis.devicePixelRatio || 1;
    let scale = (Math.max(cssWidth, 1) * ratio) / base.width;
    const maxScale = Math.min(8192 / base.width, 8192 / base.height, Math.sqrt(16_777_216 / (base.width * base.height)));
    scale = Math.min(scale, maxScale);
    const viewport = page.getViewport({ scale });
    const drawing = document.createElement('canvas');
    drawing.width = Math.max(1, Math.floor(viewport.width));
    drawing.height = Math.max(1, Math.floor(viewport.height));
    const task = page.render({ canvas: drawing, viewport });
    this.task = task;
    try {
      await task.promise;
    } catch (error) {
      if ((error as { name?: string }).name === 'RenderingCancelledException') return false;
      throw error;
    } finally {
      if (this.task === task) this.task = undefined;
    }
    // Drawn off-screen, then copied: the shown canvas never flashes blank between pages or zooms.
    canvas.width = drawing.width;
    canvas.height = drawing.height;
    canvas.getContext('2d')?.drawImage(drawing, 0, 0);
    return true;
  }

  /** Frees the document (the shared worker stays). */
  destroy(): void {
    this.task?.cancel();
    void this.doc.destroy();
  }
}
