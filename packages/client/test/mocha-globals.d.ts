// Mocha globals as @web/test-runner provides them (no @types/mocha in the workspace).
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => void | Promise<unknown>): void;
declare function beforeEach(fn: () => void | Promise<unknown>): void;
declare function afterEach(fn: () => void | Promise<unknown>): void;
