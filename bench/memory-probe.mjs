// Loaded into the Lotse server by the load suite (`node --expose-gc --import`), so that the bench
// can read the server's own heap and CPU time, which /proc does not show, without a route in the
// application. It answers each 'memory' message on the IPC channel after a full garbage
// collection: heap growth then means objects still alive, not garbage not yet collected.
process.on('message', (message) => {
  if (message !== 'lotse-bench:memory') return;
  globalThis.gc?.();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  const { user, system } = process.cpuUsage();
  process.send?.({ rss, heapUsed, heapTotal, external, arrayBuffers, cpuMicros: user + system });
});
// The channel must not keep the server alive on its own (the bench also disconnects before SIGTERM).
process.channel?.unref();
