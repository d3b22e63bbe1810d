/**
 * A first composer: one text, the accounts it goes to, and when — now, at a time in the workspace's zone, or
 * kept as a draft. Each `userErrors` code is shown next to the control it names. Per-network counters, media,
 * previews and options come with the API's rules (`platformRules`, `postValidate`), not from rules kept here.
 */

import { type FormEvent, useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { accountHandle, NETWORK_NAMES } from "../accounts/networks";
import { useWorkspace } from "../../shell/Shell";
import { fromDateTimeInput, toDateTimeInput } from "../../time/zoned";
import { FormAlert } from "../../ui/Field";
import { Loading } from "../../ui/Loading";
import { NetworkIcon } from "../../ui/NetworkIcon";
import formStyles from "../../ui/Form.module.css";
import { WorkspaceAccountsQuery } from "../posts/documents";
import { type ComposerError, composerErrors, type ComposerErrors } from "./composerErrors";
import styles from "./Composer.module.css";

const PostCreateMutation = graphql(`
  mutation ComposerPostCreate($input: PostCreateInput!) {
    postCreate(input: $input) {
      post {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const PostPublishNowMutation = graphql(`
  mutation ComposerPostPublishNow($id: ID!) {
    postPublishNow(id: $id) {
      post {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

type When = "now" | "schedule" | "draft";

const NO_ERRORS: ComposerErrors = { byField: {}, general: [] };
const UNREACHABLE = "Herald could not be reached. Check your connection and try again.";

/** An hour from now, on the minute: a time to start from. */
function defaultTime(zone: string): string {
  const next = new Date(Date.now() + 3_600_000);
  next.setUTCSeconds(0, 0);
  return toDateTimeInput(next, zone);
}

export default function Composer() {
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const id = useId();
  const [{ data, fetching: loadingAccounts }] = useQuery({ query: WorkspaceAccountsQuery, variables: { workspaceId: workspace.id } });
  const [, create] = useMutation(PostCreateMutation);
  const [, publishNow] = useMutation(PostPublishNowMutation);
  const [when, setWhen] = useState<When>("schedule");
  const [errors, setErrors] = useState<ComposerErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const accounts = (data?.socialAccounts ?? []).filter((a) => a.status === "ACTIVE");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = String(form.get("text") ?? "");
    const accountIds = form.getAll("account").map(String);
    let scheduledAt: string | null = null;
    if (when === "schedule") {
      const at = fromDateTimeInput(String(form.get("scheduledAt") ?? ""), workspace.timezone);
      if (!at) {
        setErrors({ byField: { scheduledAt: ["Choose a date and a time."] }, general: [] });
        document.getElementById(`${id}-when`)?.focus();
        return;
      }
      scheduledAt = at.toISOString();
    }
    setSaving(true);
    const input = { workspaceId: workspace.id, text, targets: accountIds.map((accountId) => ({ accountId })), scheduledAt };
    const created = await create({ input });
    const payload = created.data?.postCreate;
    let found: readonly ComposerError[] = payload?.userErrors ?? [];
    let unreachable = !payload;
    if (payload?.post && when === "now") {
      const published = await publishNow({ id: payload.post.id });
      found = published.data?.postPublishNow?.userErrors ?? [];
      unreachable = !published.data;
    }
    setSaving(false);
    if (payload?.post && !found.length && !unreachable) {
      const notice = { now: "The post is on its way.", schedule: "The post is scheduled.", draft: "The draft is saved." }[when];
      navigate("/posts", { state: { notice } });
      return;
    }
    const sorted = composerErrors(found);
    const next = {
      byField: sorted.byField,
      general: [
        ...(payload?.post ? ["The post was saved as a draft; it was not published."] : []),
        ...(unreachable ? [UNREACHABLE] : []),
        ...sorted.general,
      ],
    };
    setErrors(next);
    const first = (["text", "accounts", "scheduledAt"] as const).find((f) => next.byField[f]);
    const focusId = first === "text" ? `${id}-text` : first === "accounts" ? `${id}-accounts` : first ? `${id}-when` : null;
    if (focusId) document.getElementById(focusId)?.focus();
  }

  const describe = (field: "text" | "accounts" | "scheduledAt", hint?: string) =>
    [errors.byField[field] ? `${id}-${field}-error` : null, hint].filter(Boolean).join(" ") || undefined;

  return (
    <section aria-labelledby="page-title" className={styles.page}>
      <p className={styles.back}>
        <Link to="/posts">← Posts</Link>
      </p>
      <h1 id="page-title">New post</h1>
      <form onSubmit={(e) => void submit(e)} noValidate className={styles.form}>
        <FormAlert messages={errors.general} />
        <div className={formStyles.field}>
          <label htmlFor={`${id}-text`}>Text</label>
          <textarea
            id={`${id}-text`}
            name="text"
            rows={6}
            className={styles.text}
            aria-invalid={errors.byField.text ? true : undefined}
            aria-describedby={describe("text")}
          />
          <FieldErrors id={`${id}-text-error`} messages={errors.byField.text} />
        </div>

        <fieldset
          className={styles.fieldset}
          id={`${id}-accounts`}
          tabIndex={-1}
          aria-invalid={errors.byField.accounts ? true : undefined}
          aria-describedby={describe("accounts")}
        >
          <legend>Publish to</legend>
          {loadingAccounts && !data ? (
            <Loading label="Loading accounts…" />
          ) : accounts.length === 0 ? (
            <p className={styles.muted}>
              No connected accounts. <Link to="/accounts">Connect one</Link> first.
            </p>
          ) : (
            <ul className={styles.accounts}>
              {accounts.map((a) => (
                <li key={a.id}>
                  <label className={styles.account}>
                    <input type="checkbox" name="account" value={a.id} defaultChecked={accounts.length === 1} />
                    <NetworkIcon platform={a.platform} size="small" />
                    <span>
                      {NETWORK_NAMES[a.platform]} · {accountHandle(a.platform, a.handle)}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          <FieldErrors id={`${id}-accounts-error`} messages={errors.byField.accounts} />
        </fieldset>

        <fieldset className={styles.fieldset}>
          <legend>When</legend>
          <div className={styles.choices}>
            {(
              [
                ["schedule", "At a time"],
                ["now", "Now"],
                ["draft", "Keep as a draft"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className={styles.choice}>
                <input type="radio" name="when" value={value} checked={when === value} onChange={() => setWhen(value)} />
                {label}
              </label>
            ))}
          </div>
          {when === "schedule" && (
            <div className={formStyles.field}>
              <label htmlFor={`${id}-when`}>Date and time ({workspace.timezone})</label>
              <input
                id={`${id}-when`}
                name="scheduledAt"
                type="datetime-local"
                defaultValue={defaultTime(workspace.timezone)}
                aria-invalid={errors.byField.scheduledAt ? true : undefined}
                aria-describedby={describe("scheduledAt", `${id}-when-hint`)}
                className={styles.when}
              />
              <p id={`${id}-when-hint`} className={formStyles.hint}>
                In the workspace’s time zone, {workspace.timezone}.
              </p>
              <FieldErrors id={`${id}-scheduledAt-error`} messages={errors.byField.scheduledAt} />
            </div>
          )}
        </fieldset>

        <button type="submit" disabled={saving}>
          {saving ? "Saving…" : when === "now" ? "Publish now" : when === "schedule" ? "Schedule" : "Save draft"}
        </button>
      </form>
    </section>
  );
}

function FieldErrors({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <div id={id}>
      {messages.map((m) => (
        <p key={m} className={formStyles.error}>
          {m}
        </p>
      ))}
    </div>
  );
}
