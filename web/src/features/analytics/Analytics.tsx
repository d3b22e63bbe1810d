/**
 * Analytics: a period of local days in the workspace's zone; overview cards, totals per network, engagement
 * over time, the posting heatmap, top posts, followers; CSV export; live refresh on `analyticsUpdated`.
 */

import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useSearchParams } from "react-router";
import { useMutation, useQuery, useSubscription } from "urql";
import { useSubscriptionClient } from "../../auth/AuthContext";
import { useWorkspace } from "../../shell/Shell";
import { formatCivilDate, formatDateTime } from "../../time/zoned";
import formStyles from "../../ui/Form.module.css";
import { Loading } from "../../ui/Loading";
import { AnalyticsExportMutation, AnalyticsPageQuery, AnalyticsUpdatedSubscription } from "./documents";
import { EngagementChart } from "./EngagementChart";
import { Followers } from "./Followers";
import { Heatmap } from "./Heatmap";
import { NetworkTable, OverviewCards } from "./Overview";
import { PERIODS, periodOf, periodRange } from "./period";
import { TopPosts } from "./TopPosts";
import styles from "./Analytics.module.css";

/** Readings arrive in bursts (a collection round): one reload for a burst. */
const REFRESH_DELAY_MS = 1500;

export default function Analytics() {
  const workspace = useWorkspace();
  return <AnalyticsOf key={workspace.id} />;
}

function AnalyticsOf() {
  const workspace = useWorkspace();
  const zone = workspace.timezone;
  const [params, setParams] = useSearchParams();
  const period = periodOf(params.get("period"));
  // The period's end is read once per choice: the query's variables must not move on every render
  const range = useMemo(() => periodRange(period.days, new Date(), zone), [period.days, zone]);
  const variables = { workspaceId: workspace.id, from: range.from.toISOString(), to: range.to.toISOString(), granularity: period.granularity };
  const [{ data, fetching, error }, reload] = useQuery({ query: AnalyticsPageQuery, variables });
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [openedAt] = useState(() => new Date());
  const live = useLiveRefresh(workspace.id, () => {
    reload({ requestPolicy: "network-only" });
    setUpdatedAt(new Date());
  });

  const overview = data?.analyticsOverview;
  return (
    <section aria-labelledby="page-title" className={styles.page}>
      <div className={styles.heading}>
        <h1 id="page-title">Analytics</h1>
        <p className={styles.live} data-connection={live} role="status">
          <span aria-hidden="true">{live === "live" ? "●" : "○"}</span>{" "}
          {live === "live" ? "Live: new numbers show as Herald reads them" : live === "reconnecting" ? "Reconnecting…" : "Connecting…"}
          {updatedAt && ` · updated ${formatDateTime(updatedAt, zone)}`}
        </p>
      </div>
      <div className={styles.toolbar}>
        <label className={styles.period}>
          Period
          <select
            className={formStyles.select}
            value={period.days}
            onChange={(e) => setParams((p) => ({ ...Object.fromEntries(p), period: e.target.value }), { replace: true })}
          >
            {PERIODS.map((p) => (
              <option key={p.days} value={p.days}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <p className={styles.muted}>
          {formatCivilDate(range.first)} to {formatCivilDate(range.last)}, {range.last.year} ({zone})
        </p>
        <ExportCsv workspaceId={workspace.id} from={variables.from} to={variables.to} zone={zone} />
      </div>

      {fetching && !data ? (
        <Loading label="Loading analytics…" />
      ) : error && !data ? (
        <div role="alert" className={formStyles.alert}>
          <p>Herald could not load the analytics.</p>
          <button type="button" className="secondary" onClick={() => reload({ requestPolicy: "network-only" })}>
            Try again
          </button>
        </div>
      ) : overview && data ? (
        <>
          {overview.totals.postsPublished === 0 && (
            <p className={styles.empty}>No post was published in this period: the numbers show once one is.</p>
          )}
          <OverviewCards totals={overview.totals} />
          <section aria-labelledby="networks-title" className={styles.block}>
            <h2 id="networks-title">Per network</h2>
            <NetworkTable networks={overview.networks} totals={overview.totals} />
          </section>
          <section aria-labelledby="engagement-title" className={styles.block}>
            <h2 id="engagement-title">Engagement over time</h2>
            <EngagementChart buckets={overview.buckets} weekly={overview.granularity === "WEEK"} />
          </section>
          <section aria-labelledby="heatmap-title" className={styles.block}>
            <h2 id="heatmap-title">When you post</h2>
            <Heatmap cells={data.postingHeatmap} zone={zone} now={updatedAt ?? openedAt} />
          </section>
          <section aria-labelledby="top-title" className={styles.block}>
            <h2 id="top-title">Top posts</h2>
            <TopPosts posts={overview.topPosts} zone={zone} />
          </section>
          <section aria-labelledby="followers-title" className={styles.block}>
            <h2 id="followers-title">Followers</h2>
            <Followers accounts={data.socialAccounts} zone={zone} />
          </section>
        </>
      ) : null}
    </section>
  );
}

/**
 * Reload on each `analyticsUpdated` (a burst once), and when the socket comes back (readings made while it
 * was down are not replayed); the socket's state in words.
 */
function useLiveRefresh(workspaceId: string, refresh: () => void) {
  const { connection } = useSubscriptionClient();
  const state = useSyncExternalStore(connection.subscribe, connection.get);
  const [{ data }] = useSubscription({ query: AnalyticsUpdatedSubscription, variables: { workspaceId } });
  const refreshRef = useRef(refresh);
  useEffect(() => {
    refreshRef.current = refresh;
  });
  const eventId = data?.analyticsUpdated.eventId;
  useEffect(() => {
    if (!eventId) return;
    const timer = setTimeout(() => refreshRef.current(), REFRESH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [eventId]);
  const previous = useRef(state);
  useEffect(() => {
    if (previous.current === "reconnecting" && state === "live") refreshRef.current();
    previous.current = state;
  }, [state]);
  return state;
}

function ExportCsv({ workspaceId, from, to, zone }: { workspaceId: string; from: string; to: string; zone: string }) {
  const [{ fetching }, exportCsv] = useMutation(AnalyticsExportMutation);
  const [done, setDone] = useState<{ url: string; expiresAt: string | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function run() {
    setDone(null);
    const result = await exportCsv({ input: { workspaceId, from, to } });
    const payload = result.data?.analyticsExport;
    const refused = payload?.userErrors[0];
    if (payload?.url) {
      setProblem(null);
      return setDone({ url: payload.url, expiresAt: payload.expiresAt ?? null });
    }
    setProblem(refused ? `${refused.message} (${refused.code})` : "Herald could not be reached. Check your connection and try again.");
  }

  return (
    <div className={styles.export}>
      <button type="button" className="secondary" disabled={fetching} onClick={() => void run()}>
        {fetching ? "Exporting…" : "Export CSV"}
      </button>
      <span role="status" className={styles.exportResult}>
        {done && (
          <>
            <a href={done.url} download>
              Download the CSV
            </a>
            {done.expiresAt && <span className={styles.muted}> (until {formatDateTime(done.expiresAt, zone)})</span>}
          </>
        )}
      </span>
      {problem && (
        <p role="alert" className={styles.problem}>
          {problem}
        </p>
      )}
    </div>
  );
}
