import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/** COPY streams, the same module and version the server's services load. */
export { copyFrom, copyTo };
