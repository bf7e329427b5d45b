import { hashCheckCommands } from '../cli-commands';

/** The sha256 of `file` on Linux, macOS and Windows, each command under a comment naming its system. */
export function HashCheckCommands({ file }: { file: string }) {
  return (
    <pre className="command">
      <code>
        {hashCheckCommands(file).map(({ platform, command }) => (
          <span key={platform}>
            <span className="command-line command-comment">{`# ${platform}`}</span>
            <span className="command-line">{command}</span>
          </span>
        ))}
      </code>
    </pre>
  );
}
