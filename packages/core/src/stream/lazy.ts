/**
 * An async iterable whose implementation is loaded on the first `next()`: the SSE call path (and its
 * parser) stays off the import path of every client and loads with the first stream iterated.
 * `return()` before the first `next()` loads nothing and ends the iteration.
 */
export function lazyAsyncIterable<E>(load: () => Promise<AsyncIterable<E>>): AsyncIterable<E> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<E> {
      let inner: Promise<AsyncIterator<E>> | undefined;
      const started = (): Promise<AsyncIterator<E>> =>
        (inner ??= load().then((iterable) => iterable[Symbol.asyncIterator]()));
      return {
        next: async () => (await started()).next(),
        return: async (value?: unknown) => {
          if (inner === undefined) return { done: true, value: value as E };
          const iterator = await inner;
          return iterator.return === undefined ? { done: true, value: value as E } : iterator.return(value);
        },
      };
    },
  };
}
