/**
 * A message of the catalog as text: what it puts in backticks (a command, a path, a
 * reference: `planning list`) is set as code, the way the runbook writes it.
 */
export function MessageText({ text }: { text: string }) {
  const parts = text.split('`');
  // An odd number of backticks: nothing to pair, the text as it is.
  if (parts.length % 2 === 0) return <>{text}</>;
  return <>{parts.map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>;
}
