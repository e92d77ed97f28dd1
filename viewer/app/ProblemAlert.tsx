/** What went wrong with the user's last action, read out by screen readers; nothing when all is well. */
export function ProblemAlert({ problem }: { problem: string | undefined }) {
  if (!problem) return null;
  return (
    <p className="panel-error" role="alert">
      {problem}
    </p>
  );
}
