/**
 * Awaits statements a transaction sent together, without awaiting in between (postgres.js
 * pipelines them: one write, one round trip). When one fails, PostgreSQL aborts the transaction
 * and every later one fails with "current transaction is aborted", so the error reported is the
 * first failure in the order they were sent — the real cause, such as a lost slot race.
 */
export async function pipelined<T extends readonly unknown[]>(sent: readonly [...{ [K in keyof T]: Promise<T[K]> }]): Promise<T> {
  const settled = await Promise.allSettled(sent);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
