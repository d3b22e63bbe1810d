/** Each account's followers over the period: the last reading, the change, a line, and the readings as a table. */

import type { AnalyticsPageQuery } from "../../gql/graphql";
import { formatDateTime } from "../../time/zoned";
import { NetworkIcon } from "../../ui/NetworkIcon";
import { accountHandle, NETWORK_NAMES } from "../accounts/networks";
import { linePath } from "./chart";
import { formatCount } from "./format";
import styles from "./Analytics.module.css";

type Account = AnalyticsPageQuery["socialAccounts"][number];

export function Followers({ accounts, zone }: { accounts: readonly Account[]; zone: string }) {
  if (accounts.length === 0) return <p className={styles.empty}>No accounts connected yet.</p>;
  return (
    <ul className={styles.followers}>
      {accounts.map((account) => {
        const history = account.followersHistory;
        const values = history.map((h) => h.followers);
        const last = values.at(-1);
        const change = values.length > 1 ? (last ?? 0) - (values[0] ?? 0) : null;
        const name = `${NETWORK_NAMES[account.platform]} · ${accountHandle(account.platform, account.handle)}`;
        return (
          <li key={account.id} className={styles.follower}>
            <span className={styles.network}>
              <NetworkIcon platform={account.platform} size="small" />
              {name}
            </span>
            {history.length === 0 ? (
              <p className={styles.muted}>No readings in this period.</p>
            ) : (
              <>
                <p className={styles.followerCount}>
                  {formatCount(last)} followers
                  {change !== null && (
                    <span className={styles.muted}>
                      {" "}
                      ({change > 0 ? "▲ +" : change < 0 ? "▼ " : "no change, "}
                      {change === 0 ? "" : formatCount(change)} in the period)
                    </span>
                  )}
                </p>
                {values.length > 1 && (
                  <svg className={styles.spark} viewBox="0 0 200 40" preserveAspectRatio="none" aria-hidden="true">
                    <path d={linePath(values, 200, 36)} transform="translate(0, 2)" />
                  </svg>
                )}
                <details className={styles.details}>
                  <summary>Readings of {name}</summary>
                  <table className={styles.table}>
                    <thead>
                      <tr>
                        <th scope="col">Read at</th>
                        <th scope="col">Followers</th>
                      </tr>
                    </thead>
                    <tbody>
                      {history.map((h) => (
                        <tr key={h.at}>
                          <td>{formatDateTime(h.at, zone)}</td>
                          <td>{formatCount(h.followers)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
