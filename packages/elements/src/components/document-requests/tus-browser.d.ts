// tus-js-client's browser build, imported by its path: its package maps the Node build to it only
// through the `browser` field, which not every resolver reads (the test runner's does not).
declare module 'tus-js-client/lib.esm/browser/index.js' {
  export * from 'tus-js-client';
}
