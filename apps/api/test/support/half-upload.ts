import http from 'node:http';
import { API } from '@planning-hub/contracts/api/routes';
import { VALID_BUNDLE } from '@planning-hub/test-support/bundle-files';

/**
 * An upload of the valid bundle that holds its upload slot: the headers and half the
 * body are sent, then it waits (500 ms, for the server to take the slot) until `finish`
 * sends the rest and answers the response's status.
 */
export async function startHalfUpload(
  baseUrl: string,
  label: string,
  headers: Record<string, string>,
): Promise<{ finish: () => Promise<number> }> {
  const boundary = 'half-upload-boundary';
  const body = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="version_id"\r\n\r\nfirst\r\n` +
      Object.entries(VALID_BUNDLE)
        .map(
          ([name, content]) =>
            `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\n\r\n${content}\r\n`,
        )
        .join('') +
      `--${boundary}--\r\n`,
  );
  const request = http.request(`${baseUrl}${API.upload(label)}`, {
    method: 'POST',
    headers: {
      ...headers,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': body.length,
    },
    agent: false,
  });
  const answer = new Promise<number>((resolve, reject) => {
    request.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    request.on('error', reject);
  });
  request.write(body.subarray(0, body.length / 2));
  await new Promise((r) => setTimeout(r, 500));
  return {
    finish: () => {
      request.end(body.subarray(body.length / 2));
      return answer;
    },
  };
}
