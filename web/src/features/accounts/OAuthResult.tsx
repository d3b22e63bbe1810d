/** Where Herald's OAuth callback sends the browser: what happened, naming the network, and the way back. */

import { Link, useLocation } from "react-router";
import formStyles from "../../ui/Form.module.css";
import { oauthResultTitle, parseOAuthResult } from "./oauthResult";
import styles from "./Accounts.module.css";

export default function OAuthResult() {
  const result = parseOAuthResult(useLocation().search);
  return (
    <section aria-labelledby="page-title" className={styles.page}>
      <h1 id="page-title">{oauthResultTitle(result)}</h1>
      {result.kind === "connected" ? (
        <p role="status" className={formStyles.notice}>
          {result.count > 0
            ? `Herald can now publish to the ${result.network} account${result.count === 1 ? "" : "s"} you allowed.`
            : `${result.network} gave Herald no account to publish to. Check that you chose one, then try again.`}
        </p>
      ) : (
        <div role="alert" className={formStyles.alert}>
          <p>{result.message}</p>
          <p className={styles.code}>Code: {result.code}</p>
        </div>
      )}
      <p>
        <Link to="/accounts">Back to Accounts</Link>
      </p>
    </section>
  );
}
