/**
 * Tasks longer than 50 ms (Chromium's `longtask` entries) that ran during `work`, in ms. A test of
 * "the page stays responsive" asserts that none exceeds its budget with the largest input the
 * contract allows.
 */
export async function longTasksDuring(work: () => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) durations.push(e.duration);
  });
  observer.observe({ type: 'longtask' });
  try {
    await work();
    // Entries are delivered after the task: give the observer a turn.
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    for (const e of observer.takeRecords()) durations.push(e.duration);
    observer.disconnect();
  }
  return durations;
}
