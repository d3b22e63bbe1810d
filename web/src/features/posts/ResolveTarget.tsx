/**
 * An UNCONFIRMED target settled by the person who checked the network: "It was published" (with the post's
 * link, if they have it) or "It was not published" (it becomes FAILED, and Retry publishes it). The badge then
 * changes through the live feed like any other status change.
 */

import { useId, useState } from "react";
import { useMutation } from "urql";
import type { PostTargetOutcome } from "../../gql/graphql";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Field } from "../../ui/Field";
import { PostTargetResolveMutation } from "./documents";

const UNREACHABLE = "Herald could not be reached. Check your connection and try again.";

interface ResolveTargetProps {
  targetId: string;
  network: string;
  describedBy: string;
  onNotice: (message: string) => void;
  /** A refusal outside the dialog (for "It was not published"), shown with the target's other problems. */
  onProblem: (message: string | null) => void;
}

export function ResolveTarget({ targetId, network, describedBy, onNotice, onProblem }: ResolveTargetProps) {
  const [{ fetching }, resolve] = useMutation(PostTargetResolveMutation);
  const [asking, setAsking] = useState(false);
  const [link, setLink] = useState("");
  const [linkError, setLinkError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const linkId = useId();

  async function settle(outcome: PostTargetOutcome) {
    setProblem(null);
    onProblem(null);
    setLinkError(null);
    const externalUrl = outcome === "PUBLISHED" && link.trim() ? link.trim() : null;
    const result = await resolve({ id: targetId, input: { outcome, externalUrl } });
    const payload = result.data?.postTargetResolve;
    if (payload?.target) {
      setAsking(false);
      onNotice(outcome === "PUBLISHED" ? `Marked as published on ${network}.` : `Marked as not published on ${network}: Retry publishes it.`);
      return;
    }
    const error = payload?.userErrors[0];
    const message = error ? `${error.message} (${error.code})` : UNREACHABLE;
    if (error?.field?.includes("externalUrl")) setLinkError(message);
    else if (asking) setProblem(message);
    else onProblem(message);
  }

  return (
    <>
      <button type="button" className="secondary" aria-describedby={describedBy} onClick={() => { setProblem(null); setAsking(true); }}>
        It was published
      </button>
      <button type="button" className="secondary" aria-describedby={describedBy} disabled={fetching} onClick={() => void settle("FAILED")}>
        It was not published
      </button>
      {asking && (
        <ConfirmDialog
          title={`Published on ${network}?`}
          confirmLabel="Mark as published"
          busyLabel="Saving…"
          busy={fetching}
          problem={problem}
          onConfirm={() => void settle("PUBLISHED")}
          onCancel={() => setAsking(false)}
        >
          <p>You found the post on {network}: Herald records it as published now and will not publish it again.</p>
          <Field
            id={linkId}
            label={`Link to the post on ${network} (optional)`}
            type="url"
            inputMode="url"
            value={link}
            errors={linkError ? [linkError] : undefined}
            onChange={(e) => setLink(e.target.value)}
          />
        </ConfirmDialog>
      )}
    </>
  );
}
