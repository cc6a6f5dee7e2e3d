/**
 * memoizeLast(fn): remembers the last argument and result. A declaration's `blocked` and its view often need the
 * same closed form of the same values object in one render; this computes it once per change of values.
 */
export function memoizeLast<A, R>(fn: (arg: A) => R): (arg: A) => R {
  let last: { arg: A; result: R } | null = null;
  return (arg: A) => {
    if (last && Object.is(last.arg, arg)) return last.result;
    const result = fn(arg);
    last = { arg, result };
    return result;
  };
}
