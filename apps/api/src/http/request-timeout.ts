import http from 'node:http';
import type { Request, Response } from 'express';
import { messageOf } from '@planning-hub/contracts/messages/format-message';
import { languageOfAcceptLanguage } from '@planning-hub/contracts/messages/language';
import type { TConfig } from '@planning-hub/server/config/env';
import { buildProblem } from './problem-details';

const TIMER = Symbol('request-timeout');
type TTimedRequest = Request & { [TIMER]?: NodeJS.Timeout };

/** After the 408, a client that keeps the socket open anyway is cut. */
const CLOSE_GRACE_MS = 1000;

function startTimer(req: TTimedRequest, res: Response, timeoutMs: number): void {
  clearTimeout(req[TIMER]);
  const timer = setTimeout(() => {
    // `complete`: the whole request, body included, has arrived; what the handler does after is not timed here.
    if (req.complete || res.writableEnded) return;
    req.log?.warn({ timeoutMs }, 'request_timeout');
    if (!res.headersSent) {
      const language = languageOfAcceptLanguage(req.headers['accept-language']);
      const detail = messageOf('error.request.timeout', { seconds: Math.round(timeoutMs / 1000) });
      const body = JSON.stringify(
        buildProblem(language, {
          status: 408,
          code: 'request_timeout',
          detail,
          requestId: req.id ? String(req.id) : undefined,
        }),
      );
      res
        .writeHead(408, {
          'Content-Type': 'application/problem+json',
          'Content-Language': language,
          Vary: 'Accept-Language',
          Connection: 'close',
        })
        .end(body);
    }
    setTimeout(() => req.socket.destroy(), CLOSE_GRACE_MS).unref();
  }, timeoutMs);
  timer.unref();
  req[TIMER] = timer;
  res.once('close', () => clearTimeout(timer));
}

type TServerLimits = Pick<TConfig, 'httpHeadersTimeoutMs' | 'httpRequestTimeoutMs' | 'uploadTimeoutMs'>;

/**
 * The HTTP server of the API with its time limits. Headers must arrive within
 * HTTP_HEADERS_TIMEOUT_SECONDS. Node's requestTimeout is one value for every route, so it
 * is the upload limit (UPLOAD_TIMEOUT_SECONDS, a GiB over a slow line); a timer per request
 * gives every other route the short HTTP_REQUEST_TIMEOUT_SECONDS (408, connection closed),
 * and the upload route raises its own (extendRequestTime). A client trickling bytes holds a
 * socket and a handler; without limits a few of them hold the server.
 */
export function createHttpServer(app: http.RequestListener, limits: TServerLimits): http.Server {
  const server = http.createServer(
    {
      headersTimeout: limits.httpHeadersTimeoutMs,
      requestTimeout: Math.max(limits.uploadTimeoutMs, limits.httpHeadersTimeoutMs),
      // Node enforces both limits only when it checks its connections: every quarter of the headers limit.
      connectionsCheckingInterval: Math.min(30_000, Math.max(250, limits.httpHeadersTimeoutMs / 4)),
    },
    app,
  );
  // Before the app's own listener, so that a route can replace the timer it starts.
  server.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    startTimer(req as Request, res as Response, limits.httpRequestTimeoutMs);
  });
  return server;
}

/** For a route whose body may take long to arrive (an upload of a GiB): replaces the short limit. */
export function extendRequestTime(req: Request, res: Response, timeoutMs: number): void {
  startTimer(req, res, timeoutMs);
}

/**
 * Cuts the connection when no byte moves for `idleMs`: an upload whose client stopped
 * sending, a download whose client stopped reading (it would hold a database
 * connection or a file for as long as it stays connected). Returns the function that
 * stops watching (an upload, once its body has arrived, then works without traffic).
 */
export function cutWhenIdle(req: Request, res: Response, idleMs: number): () => void {
  const { socket } = req;
  const onIdle = () => {
    req.log?.warn({ idleMs }, 'connection_idle_cut');
    socket.destroy();
  };
  socket.setTimeout(idleMs);
  socket.on('timeout', onIdle);
  const stop = () => {
    socket.setTimeout(0);
    socket.off('timeout', onIdle);
  };
  res.once('close', stop);
  return stop;
}
