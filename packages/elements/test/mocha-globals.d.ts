// Mocha globals as @web/test-runner provides them (no @types/mocha in the workspace).
interface MochaContext {
  timeout(ms: number): void;
}
declare function describe(name: string, fn: () => void): void;
declare namespace describe {
  function only(name: string, fn: () => void): void;
  function skip(name: string, fn: () => void): void;
}
declare function it(name: string, fn: (this: MochaContext) => unknown): void;
declare namespace it {
  function only(name: string, fn: (this: MochaContext) => unknown): void;
  function skip(name: string, fn: (this: MochaContext) => unknown): void;
}
declare function before(fn: () => unknown): void;
declare function after(fn: () => unknown): void;
declare function beforeEach(fn: () => unknown): void;
declare function afterEach(fn: () => unknown): void;
