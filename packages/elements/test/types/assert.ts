// Type-level assertions for the fixtures: `Expect<Equal<A, B>>` fails to compile unless A is B.
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type Expect<T extends true> = T;
