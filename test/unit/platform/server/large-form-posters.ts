/**
 * Posters in a worker thread, as another client would be: each posts a large form to `url`, again
 * as soon as it is answered, for a bounded number of rounds and time, and reports each status.
 * Shared by the form-load unit test and `npm run bench -- form-load`.
 */
export const LARGE_FORM_POSTERS = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, bytes, posters, rounds, maxMs } = workerData;
const head = 'record=' + encodeURIComponent('{"record":{"note":"');
const tail = encodeURIComponent('"},"signature":{"value":"x"}}');
const body = Buffer.from(head + encodeURIComponent('信').repeat(Math.floor((bytes - head.length - tail.length) / 9)) + tail);
let stop = false;
parentPort.on('message', () => { stop = true; });
const started = Date.now();
Promise.all(Array.from({ length: posters }, async () => {
  for (let round = 0; round < rounds && !stop && Date.now() - started < maxMs; round++) {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      await res.arrayBuffer();
      parentPort.postMessage({ status: res.status });
    } catch (error) {
      parentPort.postMessage({ status: 0, error: String(error && error.cause || error) });
    }
  }
})).then(() => parentPort.postMessage({ done: true }));
`;
