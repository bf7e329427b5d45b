/** A run id is a UUID; its first block names it well enough on screen. */
export const shortRunId = (id: string) => id.slice(0, 8);
