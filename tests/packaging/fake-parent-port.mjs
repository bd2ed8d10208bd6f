// Loaded with `node --import` before the packaged host entry: Electron gives a utility process a
// `process.parentPort`; under plain Node the same link is Node's IPC channel with the test.
if (!process.parentPort) {
  process.parentPort = {
    on: (_event, listener) => process.on('message', (data) => listener({ data })),
    postMessage: (message) => process.send?.(message),
  };
}
