import type { Dispatcher } from 'undici';
import { PASSED_BACK_HEADERS, UpstreamAnswer } from './upstream-answer';

type Headers = Record<string, string | string[] | undefined>;

/**
 * One request on a pool, its answer held in memory: undici's dispatch with a handler that keeps the status, the headers
 * worth passing back and the body's chunks. request() would wrap every answer in an async resource and a Readable
 * stream, only for the proxy to read it whole at once: on a call as small as most are, that wrapping cost about as much
 * CPU as all of the gateway's checks together (bench/gateway).
 */
export function bufferedRequest(pool: Dispatcher, options: Dispatcher.DispatchOptions): Promise<UpstreamAnswer> {
  return new Promise((resolve, reject) => {
    let status = 0;
    let headers: UpstreamAnswer['headers'] = {};
    const chunks: Buffer[] = [];
    pool.dispatch(options, {
      onRequestStart() {},
      onResponseStart(_controller, statusCode, received: Headers) {
        // a 1xx (100 Continue) is no answer: the answer follows it
        if (statusCode < 200) return;
        status = statusCode;
        headers = passedBack(received);
      },
      onResponseData(_controller, chunk) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        resolve({ status, headers, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) });
      },
      onResponseError(_controller, error) {
        reject(error);
      },
    });
  });
}

function passedBack(headers: Headers): UpstreamAnswer['headers'] {
  const kept: UpstreamAnswer['headers'] = {};
  for (const name of PASSED_BACK_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') kept[name] = value;
  }
  return kept;
}
