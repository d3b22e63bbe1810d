/** The workspace's social accounts: the list with status badges, connecting Bluesky and the OAuth networks,
 * reconnecting and disconnecting. */

import { type FormEvent, useEffect, useState } from "react";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { useMutation, useQuery } from "urql";
import { errorsByField, type FieldErrors } from "../../auth/fieldErrors";
import { useFocusFirstError } from "../../auth/useFocusFirstError";
import { graphql } from "../../gql";
import type { AccountsQuery, Platform } from "../../gql/graphql";
import { useWorkspace } from "../../shell/Shell";
import { Field, FormAlert } from "../../ui/Field";
import { Loading } from "../../ui/Loading";
import { NetworkIcon } from "../../ui/NetworkIcon";
import formStyles from "../../ui/Form.module.css";
import {
  accountHandle,
  NETWORK_NAMES,
  OAUTH_NETWORKS,
  type OAuthNetwork,
  oauthStartMessage,
  statusBadge,
} from "./networks";
import styles from "./Accounts.module.css";

const AccountsData = graphql(`
  query Accounts($workspaceId: ID!) {
    socialAccounts(workspaceId: $workspaceId) {
      id
      platform
      handle
      displayName
      status
      statusReason
      missingCapabilities {
        capability
        message
      }
    }
    oauthNetworks {
      platform
      configured
    }
  }
`);

const BlueskyConnectMutation = graphql(`
  mutation BlueskyAccountConnect($input: BlueskyAccountConnectInput!) {
    blueskyAccountConnect(input: $input) {
      account {
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

const OAuthStartMutation = graphql(`
  mutation OAuthStart($input: OAuthStartInput!) {
    oauthStart(input: $input) {
      authorizationUrl
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const DisconnectMutation = graphql(`
  mutation SocialAccountDisconnect($id: ID!) {
    socialAccountDisconnect(id: $id) {
      account {
        id
        status
      }
      userErrors {
        code
        message
      }
    }
  }
`);

type Account = AccountsQuery["socialAccounts"][number];

const UNREACHABLE = "Herald could not be reached. Check your connection and try again.";

export default function Accounts() {
  const workspace = useWorkspace();
  const [{ data, fetching, error }, reload] = useQuery({
    query: AccountsData,
    variables: { workspaceId: workspace.id },
  });
  const refresh = () => reload({ requestPolicy: "network-only" });
  // Reconnecting a Bluesky account: the form, prefilled with its handle (the key remounts it)
  const [bluesky, setBluesky] = useState({ handle: "", key: 0 });
  const [leaving, setLeaving] = useState<Account | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const oauth = useOAuthStart(workspace.id, data?.oauthNetworks);

  function reconnect(account: Account) {
    if (account.platform === "BLUESKY") {
      setBluesky((b) => ({ handle: account.handle, key: b.key + 1 }));
    } else {
      void oauth.start(account.platform);
    }
  }

  const accounts = data?.socialAccounts ?? [];
  return (
    <section aria-labelledby="page-title" className={styles.page}>
      <h1 id="page-title">Accounts</h1>
      {notice && (
        <p role="status" className={formStyles.notice}>
          {notice}
        </p>
      )}
      <section aria-labelledby="connected-title">
        <h2 id="connected-title">This workspace’s accounts</h2>
        {fetching && !data ? (
          <Loading label="Loading accounts…" />
        ) : error && !data ? (
          <div role="alert" className={formStyles.alert}>
            <p>Herald could not load the accounts.</p>
            <button type="button" className="secondary" onClick={refresh}>
              Try again
            </button>
          </div>
        ) : accounts.length === 0 ? (
          <p className={styles.empty}>No accounts yet. Connect one below to start publishing.</p>
        ) : (
          <ul className={styles.list}>
            {accounts.map((account) => (
              <AccountRow
                key={account.id}
                account={account}
                onReconnect={() => reconnect(account)}
                onDisconnect={() => setLeaving(account)}
                oauthMessage={oauth.messages[account.platform]}
              />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="connect-title">
        <h2 id="connect-title">Connect an account</h2>
        <div className={styles.connect}>
          <BlueskyForm
            key={bluesky.key}
            workspaceId={workspace.id}
            handle={bluesky.handle}
            focus={bluesky.key > 0}
            onConnected={(handle) => {
              setNotice(`Bluesky account ${handle} connected.`);
              setBluesky((b) => ({ handle: "", key: b.key + 1 }));
              refresh();
            }}
          />
          <div className={styles.oauth}>
            <h3>Other networks</h3>
            <p className={styles.muted}>You will be sent to the network to allow Herald to post, then back here.</p>
            <ul className={styles.buttons}>
              {OAUTH_NETWORKS.map((network) => (
                <li key={network}>
                  <OAuthButton network={network} oauth={oauth} />
                </li>
              ))}
            </ul>
          </div>
        </div>
      </section>

      {leaving && (
        <DisconnectDialog
          account={leaving}
          onClose={(done) => {
            setLeaving(null);
            if (done) {
              setNotice(`${NETWORK_NAMES[leaving.platform]} account ${leaving.handle} disconnected.`);
              refresh();
            }
          }}
        />
      )}
    </section>
  );
}

interface AccountRowProps {
  account: Account;
  onReconnect: () => void;
  onDisconnect: () => void;
  oauthMessage: string | undefined;
}

function AccountRow({ account, onReconnect, onDisconnect, oauthMessage }: AccountRowProps) {
  const badge = statusBadge(account.status);
  const network = NETWORK_NAMES[account.platform];
  return (
    <li className={styles.account}>
      <NetworkIcon platform={account.platform} />
      <div className={styles.who}>
        <p className={styles.handle}>
          {account.displayName && account.displayName !== account.handle ? `${account.displayName} ` : ""}
          <span className={account.displayName === account.handle ? undefined : styles.muted}>
            {accountHandle(account.platform, account.handle)}
          </span>
        </p>
        <p className={styles.meta}>
          {network} · <span className={`${styles.badge} ${styles[badge.tone]}`}>{badge.label}</span>
        </p>
        {account.statusReason && account.status !== "ACTIVE" && <p className={styles.reason}>{account.statusReason}</p>}
        {account.missingCapabilities.length > 0 && (
          <ul className={styles.missing}>
            {account.missingCapabilities.map((m) => (
              <li key={m.capability}>{m.message}</li>
            ))}
          </ul>
        )}
        {oauthMessage && (account.status !== "ACTIVE" || account.missingCapabilities.length > 0) && (
          <p role="alert" className={formStyles.error}>
            {oauthMessage}
          </p>
        )}
      </div>
      <div className={styles.actions}>
        {(account.status !== "ACTIVE" || account.missingCapabilities.length > 0) && (
          <button type="button" onClick={onReconnect} aria-label={`Reconnect ${network} account ${account.handle}`}>
            Reconnect
          </button>
        )}
        {account.status !== "DISCONNECTED" && (
          <button
            type="button"
            className="secondary"
            onClick={onDisconnect}
            aria-label={`Disconnect ${network} account ${account.handle}`}
          >
            Disconnect
          </button>
        )}
      </div>
    </li>
  );
}

const BLUESKY_FIELDS = ["handle", "appPassword", "serviceUrl"] as const;
type BlueskyField = (typeof BLUESKY_FIELDS)[number];

interface BlueskyFormProps {
  workspaceId: string;
  handle: string;
  focus: boolean;
  onConnected: (handle: string) => void;
}

function BlueskyForm({ workspaceId, handle, focus, onConnected }: BlueskyFormProps) {
  const [{ fetching }, connect] = useMutation(BlueskyConnectMutation);
  const [errors, setErrors] = useState<FieldErrors<BlueskyField>>({ byField: {}, general: [] });
  useFocusFirstError(errors, BLUESKY_FIELDS);
  useEffect(() => {
    // Reconnect: the handle is filled in; the app password is what is needed
    if (focus) document.getElementById("appPassword")?.focus();
  }, [focus]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "").trim();
    const input = {
      workspaceId,
      handle: text("handle").replace(/^@/, ""),
      appPassword: text("appPassword"),
      serviceUrl: text("serviceUrl") || null,
    };
    const result = await connect({ input });
    if (result.error) {
      setErrors({ byField: {}, general: [UNREACHABLE] });
      return;
    }
    const payload = result.data?.blueskyAccountConnect;
    if (payload?.account) onConnected(input.handle);
    else setErrors(errorsByField(payload?.userErrors ?? [], BLUESKY_FIELDS));
  }

  return (
    <form onSubmit={submit} noValidate className={styles.bluesky} aria-labelledby="bluesky-title">
      <h3 id="bluesky-title">
        <NetworkIcon platform="BLUESKY" size="small" /> Bluesky
      </h3>
      <FormAlert messages={errors.general} />
      <Field
        id="handle"
        label="Handle"
        defaultValue={handle}
        autoComplete="username"
        placeholder="alice.bsky.social"
        required
        errors={errors.byField.handle}
      />
      <Field
        id="appPassword"
        label="App password"
        type="password"
        autoComplete="off"
        hint="Create one in Bluesky under Settings → Privacy and security → App passwords."
        required
        errors={errors.byField.appPassword}
      />
      <Field
        id="serviceUrl"
        label="PDS address (optional)"
        type="url"
        inputMode="url"
        placeholder="https://bsky.social"
        hint="Only if the account lives on its own server."
        errors={errors.byField.serviceUrl}
      />
      <button type="submit" disabled={fetching}>
        {fetching ? "Connecting…" : handle ? "Reconnect Bluesky" : "Connect Bluesky"}
      </button>
    </form>
  );
}

interface OAuthStarter {
  start: (platform: Platform) => Promise<void>;
  /** A refusal's words, by network (NOT_CONFIGURED: "Ask your admin to configure X"). */
  messages: Partial<Record<Platform, string>>;
  notConfigured: Partial<Record<Platform, boolean>>;
  pending: Platform | null;
}

/**
 * `oauthStart` over HTTP (it sets the cookie that binds the consent to this browser), then off to the network.
 * A network `oauthNetworks` says is not configured is known before any click (and one refused with
 * NOT_CONFIGURED after a click, should the server's credentials go away meanwhile).
 */
function useOAuthStart(
  workspaceId: string,
  networks: readonly { platform: Platform; configured: boolean }[] | undefined,
): OAuthStarter {
  const [, startOAuth] = useMutation(OAuthStartMutation);
  const [clickMessages, setMessages] = useState<Partial<Record<Platform, string>>>({});
  const [refused, setNotConfigured] = useState<Partial<Record<Platform, boolean>>>({});
  const [pending, setPending] = useState<Platform | null>(null);
  const notConfigured = { ...refused };
  const messages = { ...clickMessages };
  for (const { platform, configured } of networks ?? []) {
    if (configured) continue;
    notConfigured[platform] = true;
    messages[platform] = oauthStartMessage("NOT_CONFIGURED", platform, "");
  }

  async function start(platform: Platform) {
    setPending(platform);
    setMessages((m) => ({ ...m, [platform]: undefined }));
    const result = await startOAuth({ input: { workspaceId, platform } });
    const payload = result.data?.oauthStart;
    if (payload?.authorizationUrl) {
      window.location.assign(payload.authorizationUrl); // pending stays: the page is leaving
      return;
    }
    setPending(null);
    const refusal = payload?.userErrors[0];
    if (refusal?.code === "NOT_CONFIGURED") setNotConfigured((n) => ({ ...n, [platform]: true }));
    const message = refusal ? oauthStartMessage(refusal.code, platform, refusal.message) : UNREACHABLE;
    setMessages((m) => ({ ...m, [platform]: message }));
  }

  return { start, messages, notConfigured, pending };
}

function OAuthButton({ network, oauth }: { network: OAuthNetwork; oauth: OAuthStarter }) {
  const name = NETWORK_NAMES[network];
  const message = oauth.messages[network];
  const id = `oauth-${network.toLowerCase()}`;
  if (oauth.notConfigured[network]) {
    return (
      <button type="button" id={id} className={`secondary ${styles.network}`} disabled aria-describedby={`${id}-why`}>
        <NetworkIcon platform={network} size="small" />
        <span id={`${id}-why`}>{message}</span>
      </button>
    );
  }
  return (
    <>
      <button
        type="button"
        id={id}
        className={`secondary ${styles.network}`}
        disabled={oauth.pending !== null}
        aria-describedby={message ? `${id}-error` : undefined}
        onClick={() => void oauth.start(network)}
      >
        <NetworkIcon platform={network} size="small" />
        {oauth.pending === network ? `Opening ${name}…` : `Connect ${name}`}
      </button>
      {message && (
        <p id={`${id}-error`} role="alert" className={formStyles.error}>
          {message}
        </p>
      )}
    </>
  );
}

function DisconnectDialog({ account, onClose }: { account: Account; onClose: (done: boolean) => void }) {
  const [{ fetching }, disconnect] = useMutation(DisconnectMutation);
  const [problem, setProblem] = useState<string | null>(null);

  async function confirm() {
    const result = await disconnect({ id: account.id });
    const payload = result.data?.socialAccountDisconnect;
    if (payload?.account) onClose(true);
    else setProblem(payload?.userErrors[0]?.message ?? UNREACHABLE);
  }

  return (
    <ConfirmDialog
      title={`Disconnect ${NETWORK_NAMES[account.platform]} account?`}
      confirmLabel="Disconnect"
      busyLabel="Disconnecting…"
      busy={fetching}
      problem={problem}
      onConfirm={() => void confirm()}
      onCancel={() => onClose(false)}
    >
      <p>
        Herald forgets the credentials of <strong>{accountHandle(account.platform, account.handle)}</strong>. Posts to it will not
        be published until it is connected again.
      </p>
    </ConfirmDialog>
  );
}
