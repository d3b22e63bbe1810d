/**
 * The composer: one text and media for every chosen account, a tab per account with its counters, its own
 * text, media and network options, and a preview that looks like the network's post. Limits come from the
 * server (`platformRules`), and the server's own dry run (`postValidate`, debounced) says what `postCreate`
 * would refuse while the post is written; each `userErrors` code is shown next to the field it names, on the
 * right account's tab. Then: at a time in the workspace's zone, now, or kept as a draft.
 */

import { type FormEvent, lazy, Suspense, useEffect, useId, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useClient, useMutation, useQuery } from "urql";
import type { ComposerAssetFragment } from "../../gql/graphql";
import { accountHandle, NETWORK_NAMES } from "../accounts/networks";
import { useWorkspace } from "../../shell/Shell";
import { fromDateTimeInput, formatDateTime, toDateTimeInput } from "../../time/zoned";
import { FormAlert } from "../../ui/Field";
import { Loading } from "../../ui/Loading";
import { NetworkIcon } from "../../ui/NetworkIcon";
import formStyles from "../../ui/Form.module.css";
import { WorkspaceAccountsQuery } from "../posts/documents";
import { type ComposerError, composerErrors, type ComposerErrors } from "./composerErrors";
import { Counters } from "./Counters";
import { PlatformRulesQuery, PostCreateMutation, PostPublishNowMutation, PostValidateQuery } from "./documents";
import { type Draft, postInput, type TargetDraft, targetOf } from "./draft";
import { FieldErrors } from "./FieldErrors";
import { MediaPanel } from "./MediaPanel";
import { type ComposerAccount, NetworkPanel, type Rules } from "./NetworkPanel";
import { NetworkTabs } from "./NetworkTabs";
import { ThreadFields } from "./ThreadFields";
import styles from "./Composer.module.css";

type When = "now" | "schedule" | "draft";

/** The AI assist is its own chunk, loaded when someone opens it. */
const AiAssist = lazy(() => import("./ai/AiAssist"));

const NO_ERRORS: ComposerErrors = { byField: {}, general: [] };
const UNREACHABLE = "Herald could not be reached. Check your connection and try again.";
const VALIDATE_AFTER_MS = 500;

/** An hour from now, on the minute: a time to start from. */
function defaultTime(zone: string): string {
  const next = new Date(Date.now() + 3_600_000);
  next.setUTCSeconds(0, 0);
  return toDateTimeInput(next, zone);
}

export default function Composer() {
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const client = useClient();
  const id = useId();
  const [{ data, fetching: loadingAccounts }] = useQuery({ query: WorkspaceAccountsQuery, variables: { workspaceId: workspace.id } });
  const [{ data: rulesData }] = useQuery({ query: PlatformRulesQuery });
  const [, create] = useMutation(PostCreateMutation);
  const [, publishNow] = useMutation(PostPublishNowMutation);
  const [when, setWhen] = useState<When>("schedule");
  const [at, setAt] = useState(() => defaultTime(workspace.timezone));
  const [draft, setDraft] = useState<Draft>({ text: "", accountIds: [], mediaIds: [], thread: [], targets: {} });
  const [assets, setAssets] = useState<Record<string, ComposerAssetFragment>>({});
  const [tab, setTab] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<ComposerErrors | null>(null);
  const [checked, setChecked] = useState<ComposerErrors | null>(null);
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [aiOpen, setAiOpen] = useState(false);
  // Set when an AI call answered AI_NOT_CONFIGURED: no query says whether this Herald has Gemini.
  const [aiOff, setAiOff] = useState(false);
  const [altSuggestions, setAltSuggestions] = useState<Record<string, string>>({});

  const accounts: ComposerAccount[] = useMemo(() => (data?.socialAccounts ?? []).filter((a) => a.status === "ACTIVE"), [data]);
  const rules = useMemo(() => new Map((rulesData?.platformRules ?? []).map((r) => [r.platform, r] as const)), [rulesData]);
  // The only account is chosen from the start.
  const [defaulted, setDefaulted] = useState(false);
  if (!defaulted && data) {
    setDefaulted(true);
    const only = accounts.length === 1 ? accounts[0] : undefined;
    if (only) setDraft((d) => ({ ...d, accountIds: [only.id] }));
  }
  const chosen = draft.accountIds.map((a) => accounts.find((x) => x.id === a)).filter((a): a is ComposerAccount => Boolean(a));
  const activeTab = chosen.find((a) => a.id === tab) ?? chosen[0];
  const activeRules = activeTab && rules.get(activeTab.platform);
  const threadRules = chosen.map((a) => rules.get(a.platform)).filter((r): r is Rules => Boolean(r?.threads));

  const scheduledAt = when === "schedule" ? (fromDateTimeInput(at, workspace.timezone)?.toISOString() ?? null) : null;
  const targets = draft.accountIds.map((accountId) => ({ accountId, ownText: targetOf(draft, accountId).text !== null }));
  const input = postInput(draft, workspace.id, scheduledAt);
  const inputKey = JSON.stringify(input);

  // The server's dry run, once the writing pauses.
  useEffect(() => {
    if (!touched) return;
    let current = true;
    const timer = setTimeout(() => {
      void client
        .query(PostValidateQuery, { input: JSON.parse(inputKey) as typeof input }, { requestPolicy: "network-only" })
        .toPromise()
        .then((result) => {
          const payload = result.data?.postValidate;
          if (current && payload) setChecked(composerErrors(payload.userErrors, targets));
        });
    }, VALIDATE_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `targets` follows from the input.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, inputKey, touched]);

  const errors = submitted ?? checked ?? NO_ERRORS;

  function change(next: (d: Draft) => Draft) {
    setDraft(next);
    setTouched(true);
    setSubmitted(null);
  }
  const setTarget = (accountId: string, patch: Partial<TargetDraft>) =>
    change((d) => ({ ...d, targets: { ...d.targets, [accountId]: { ...targetOf(d, accountId), ...patch } } }));
  const toggleAccount = (accountId: string, on: boolean) =>
    change((d) => ({
      ...d,
      accountIds: accounts.map((a) => a.id).filter((a) => (a === accountId ? on : d.accountIds.includes(a))),
    }));
  const rememberAsset = (asset: ComposerAssetFragment) => setAssets((all) => ({ ...all, [asset.id]: asset }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (when === "schedule" && !scheduledAt) {
      setSubmitted({ byField: { scheduledAt: ["Choose a date and a time."] }, general: [] });
      document.getElementById(`${id}-when`)?.focus();
      return;
    }
    setSaving(true);
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
    const sorted = composerErrors(found, targets);
    const next = {
      byField: sorted.byField,
      general: [
        ...(payload?.post ? ["The post was saved as a draft; it was not published."] : []),
        ...(unreachable ? [UNREACHABLE] : []),
        ...sorted.general,
      ],
    };
    setSubmitted(next);
    focusFirstError(next);
  }

  function focusFirstError(found: ComposerErrors) {
    const keys = Object.keys(found.byField);
    const base = (["text", "accounts", "media", "scheduledAt"] as const).find((f) => found.byField[f]);
    if (base) {
      document.getElementById(base === "scheduledAt" ? `${id}-when` : `${id}-${base}`)?.focus();
      return;
    }
    const tabbed = chosen.find((a) => keys.some((k) => k.startsWith(`${a.id}:`)));
    if (tabbed) {
      setTab(tabbed.id);
      document.getElementById(`${id}-tab-${tabbed.id}`)?.focus();
    }
  }

  const describe = (field: string, hint?: string) =>
    [errors.byField[field] ? `${id}-${field}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  const wallTimeMoved = when === "schedule" && scheduledAt && toDateTimeInput(new Date(scheduledAt), workspace.timezone) !== at.slice(0, 16);

  return (
    <section aria-labelledby="page-title" className={styles.page}>
      <p className={styles.back}>
        <Link to="/posts">← Posts</Link>
      </p>
      <h1 id="page-title">New post</h1>
      <form onSubmit={(e) => void submit(e)} noValidate className={styles.form}>
        <FormAlert messages={errors.general} />
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
                    <input
                      type="checkbox"
                      name="account"
                      value={a.id}
                      checked={draft.accountIds.includes(a.id)}
                      onChange={(e) => toggleAccount(a.id, e.target.checked)}
                    />
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

        <div className={formStyles.field}>
          <label htmlFor={`${id}-text`}>Text</label>
          <textarea
            id={`${id}-text`}
            name="text"
            rows={6}
            className={styles.text}
            value={draft.text}
            onChange={(e) => {
              const text = e.target.value;
              change((d) => ({ ...d, text }));
            }}
            aria-invalid={errors.byField.text ? true : undefined}
            aria-describedby={describe("text", `${id}-text-counters`)}
          />
          <div id={`${id}-text-counters`} className={styles.counterList}>
            {chosen.map((a) => {
              const r = rules.get(a.platform);
              return r && targetOf(draft, a.id).text === null ? <Counters key={a.id} rules={r.text} text={draft.text} label={`${r.label} counter`} /> : null;
            })}
          </div>
          <FieldErrors id={`${id}-text-error`} messages={errors.byField.text} />
        </div>

        <section className={styles.assist} aria-labelledby={`${id}-ai-title`}>
          <h2 id={`${id}-ai-title`} className={styles.assistTitle}>
            AI assist
          </h2>
          {aiOff ? (
            <p className={styles.muted} role="status">
              AI writing help is not set up on this Herald. An operator can turn it on with a Gemini API key.
            </p>
          ) : (
            <>
              <button type="button" className={styles.small} aria-expanded={aiOpen} aria-controls={`${id}-ai`} onClick={() => setAiOpen((o) => !o)}>
                {aiOpen ? "Hide AI assist" : "Write with AI"}
              </button>
              <div id={`${id}-ai`}>
                {aiOpen && (
                  <Suspense fallback={<Loading label="Loading the AI assist…" />}>
                    <AiAssist
                      workspaceId={workspace.id}
                      chosen={chosen}
                      activeAccount={activeTab}
                      rules={rules}
                      draft={draft}
                      assets={assets}
                      change={change}
                      onAltText={(mediaId, altText) => setAltSuggestions((all) => ({ ...all, [mediaId]: altText }))}
                      onNotConfigured={() => setAiOff(true)}
                    />
                  </Suspense>
                )}
              </div>
            </>
          )}
        </section>

        {threadRules.length > 0 && (
          <ThreadFields id={id} draft={draft} threadRules={threadRules} errors={errors} change={change} />
        )}

        <MediaPanel
          workspaceId={workspace.id}
          mediaIds={draft.mediaIds}
          assets={assets}
          altSuggestions={altSuggestions}
          errors={errors.byField.media}
          fieldsetId={`${id}-media`}
          errorId={`${id}-media-error`}
          onAttach={(asset) => {
            rememberAsset(asset);
            change((d) => (d.mediaIds.includes(asset.id) ? d : { ...d, mediaIds: [...d.mediaIds, asset.id] }));
          }}
          onDetach={(mediaId) =>
            change((d) => ({
              ...d,
              mediaIds: d.mediaIds.filter((m) => m !== mediaId),
              targets: Object.fromEntries(
                Object.entries(d.targets).map(([k, t]) => [k, { ...t, mediaIds: t.mediaIds?.filter((m) => m !== mediaId) ?? null }]),
              ),
            }))
          }
          onAsset={rememberAsset}
        />

        {chosen.length > 0 && (
          <section className={styles.networks} aria-label="Each network">
            <NetworkTabs id={id} chosen={chosen} activeTab={activeTab} rules={rules} draft={draft} errors={errors} setTab={setTab} />
            {activeTab && (
              <div role="tabpanel" id={`${id}-panel-${activeTab.id}`} aria-labelledby={`${id}-tab-${activeTab.id}`} tabIndex={0}>
                {activeRules ? (
                  <NetworkPanel
                    key={activeTab.id}
                    account={activeTab}
                    rules={activeRules}
                    draft={draft}
                    assets={assets}
                    errors={errors}
                    onChange={(patch) => setTarget(activeTab.id, patch)}
                  />
                ) : (
                  <Loading label="Loading the networks’ rules…" />
                )}
              </div>
            )}
          </section>
        )}

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
                <input
                  type="radio"
                  name="when"
                  value={value}
                  checked={when === value}
                  onChange={() => {
                    setWhen(value);
                    setSubmitted(null);
                  }}
                />
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
                value={at}
                onChange={(e) => {
                  setAt(e.target.value);
                  setTouched(true);
                  setSubmitted(null);
                }}
                aria-invalid={errors.byField.scheduledAt ? true : undefined}
                aria-describedby={describe("scheduledAt", `${id}-when-hint`)}
                className={styles.when}
              />
              <p id={`${id}-when-hint`} className={formStyles.hint}>
                In the workspace’s time zone, {workspace.timezone}.
                {wallTimeMoved && scheduledAt && ` The clocks skip that time there; it will go out at ${formatDateTime(scheduledAt, workspace.timezone)}.`}
              </p>
              <FieldErrors id={`${id}-scheduledAt-error`} messages={errors.byField.scheduledAt} />
            </div>
          )}
        </fieldset>

        <p className={styles.check} aria-live="polite" data-valid={touched && checked && !Object.keys(checked.byField).length && !checked.general.length ? "" : undefined}>
          {touched && checked && !Object.keys(checked.byField).length && !checked.general.length ? "Herald’s checks pass." : ""}
        </p>
        <button type="submit" disabled={saving}>
          {saving ? "Saving…" : when === "now" ? "Publish now" : when === "schedule" ? "Schedule" : "Save draft"}
        </button>
      </form>
    </section>
  );
}
