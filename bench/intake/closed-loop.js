/** Runs `task(i)` for i from 0 to count - 1, at most `concurrency` at a time; each starts as soon as a slot is free. */
async function closedLoop(count, concurrency, task) {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

module.exports = { closedLoop };
