/** The period's most engaging posts, each with its numbers (a dash: the network does not report it). */

import type { AnalyticsPageQuery } from "../../gql/graphql";
import { formatDateTime } from "../../time/zoned";
import { NetworkIcon } from "../../ui/NetworkIcon";
import { accountHandle, NETWORK_NAMES } from "../accounts/networks";
import { Metric } from "./Metric";
import styles from "./Analytics.module.css";

type TopPost = AnalyticsPageQuery["analyticsOverview"]["topPosts"][number];

const NUMBERS = [
  ["likes", "Likes"],
  ["reposts", "Reposts"],
  ["replies", "Replies"],
  ["quotes", "Quotes"],
  ["views", "Views"],
  ["saves", "Saves"],
] as const;

export function TopPosts({ posts, zone }: { posts: readonly TopPost[]; zone: string }) {
  if (posts.length === 0) return <p className={styles.empty}>No post of this period has numbers yet.</p>;
  return (
    <ol className={styles.topPosts}>
      {posts.map((post, i) => {
        const target = post.target;
        return (
          <li key={target?.id ?? i} className={styles.topPost}>
            <div className={styles.topHead}>
              {target && (
                <span className={styles.network}>
                  <NetworkIcon platform={target.platform} size="small" />
                  {NETWORK_NAMES[target.platform]} · {accountHandle(target.platform, target.account.handle)}
                </span>
              )}
              {target?.publishedAt && <span className={styles.muted}>{formatDateTime(target.publishedAt, zone)}</span>}
            </div>
            <p className={styles.topText}>{target ? target.text || "(no text)" : "A post that was deleted from Herald"}</p>
            <dl className={styles.numbers}>
              <div>
                <dt>Engagement</dt>
                <dd>
                  <Metric value={post.engagement} />
                </dd>
              </div>
              {NUMBERS.map(([key, label]) => (
                <div key={key}>
                  <dt>{label}</dt>
                  <dd>
                    <Metric value={post.metrics[key]} />
                  </dd>
                </div>
              ))}
            </dl>
            {target?.externalUrl && (
              <a href={target.externalUrl} target="_blank" rel="noreferrer">
                View on {NETWORK_NAMES[target.platform]}
              </a>
            )}
          </li>
        );
      })}
    </ol>
  );
}
