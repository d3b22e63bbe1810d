/** The period's overview cards, and the same sums per network in a table. */

import type { AnalyticsPageQuery } from "../../gql/graphql";
import { NETWORK_NAMES } from "../accounts/networks";
import { NetworkIcon } from "../../ui/NetworkIcon";
import { formatRate } from "./format";
import { Metric } from "./Metric";
import styles from "./Analytics.module.css";

type Overview = AnalyticsPageQuery["analyticsOverview"];

export function OverviewCards({ totals }: { totals: Overview["totals"] }) {
  const cards: { label: string; value: number | null; format?: (n: number) => string; hint?: string }[] = [
    { label: "Posts published", value: totals.postsPublished, hint: `${totals.postsMeasured} with numbers read` },
    { label: "Engagement", value: totals.engagement, hint: "Likes, reposts, replies, quotes and saves" },
    { label: "Engagement rate", value: totals.engagementRate, format: formatRate, hint: "Per view, where a network reports views" },
    { label: "Views", value: totals.views },
    { label: "Likes", value: totals.likes },
    { label: "Reposts", value: totals.reposts },
    { label: "Replies", value: totals.replies },
    { label: "Followers", value: totals.followers, hint: "Of the accounts, as last read" },
  ];
  return (
    <ul className={styles.cards} aria-label="Overview">
      {cards.map((card) => (
        <li key={card.label} className={styles.card}>
          <span className={styles.cardLabel}>{card.label}</span>
          <span className={styles.cardValue}>
            <Metric value={card.value} {...(card.format ? { format: card.format } : {})} />
          </span>
          {card.hint && <span className={styles.cardHint}>{card.hint}</span>}
        </li>
      ))}
    </ul>
  );
}

const COLUMNS = [
  ["postsPublished", "Posts"],
  ["postsMeasured", "Measured"],
  ["likes", "Likes"],
  ["reposts", "Reposts"],
  ["replies", "Replies"],
  ["quotes", "Quotes"],
  ["views", "Views"],
  ["reach", "Reach"],
  ["saves", "Saves"],
  ["score", "Score"],
  ["engagement", "Engagement"],
  ["followers", "Followers"],
] as const;

export function NetworkTable({ networks, totals }: { networks: Overview["networks"]; totals: Overview["totals"] }) {
  if (networks.length === 0) return <p className={styles.empty}>No network has a post published in this period.</p>;
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label="Totals per network (scrolls sideways)">
      <table className={styles.table}>
        <caption className="visually-hidden">Totals per network; a dash is a number the network does not report</caption>
        <thead>
          <tr>
            <th scope="col">Network</th>
            {COLUMNS.map(([key, label]) => (
              <th key={key} scope="col">
                {label}
              </th>
            ))}
            <th scope="col">Rate</th>
          </tr>
        </thead>
        <tbody>
          {networks.map((n) => (
            <tr key={n.platform}>
              <th scope="row">
                <span className={styles.network}>
                  <NetworkIcon platform={n.platform} size="small" />
                  {NETWORK_NAMES[n.platform]}
                </span>
              </th>
              {COLUMNS.map(([key]) => (
                <td key={key}>
                  <Metric value={n[key]} />
                </td>
              ))}
              <td>
                <Metric value={n.engagementRate} format={formatRate} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All networks</th>
            {COLUMNS.map(([key]) => (
              <td key={key}>
                <Metric value={totals[key]} />
              </td>
            ))}
            <td>
              <Metric value={totals.engagementRate} format={formatRate} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
