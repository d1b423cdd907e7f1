/**
 * The module worker of the PDF preview: pdf.js's parser, which starts listening on `self` as it
 * loads. `pdf-preview.ts` starts it with `new Worker(new URL('./pdf-worker.js', import.meta.url),
 * { type: 'module' })`, the form Vite, webpack 5, Parcel and Rollup plugins bundle as a worker.
 */
import 'pdfjs-dist/build/pdf.worker.min.mjs';
