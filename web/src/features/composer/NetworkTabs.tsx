/** The tabs of the chosen accounts: each with its network, its length against the limit, and its problems. */

import { NETWORK_NAMES } from "../accounts/networks";
import { NetworkIcon } from "../../ui/NetworkIcon";
import { type ComposerErrors, tabHasErrors } from "./composerErrors";
import { shortCount } from "./Counters";
import { type Draft, textFor } from "./draft";
import type { ComposerAccount, Rules } from "./NetworkPanel";
import styles from "./Composer.module.css";

interface NetworkTabsProps {
  id: string;
  chosen: ComposerAccount[];
  activeTab: ComposerAccount | undefined;
  rules: ReadonlyMap<string, Rules>;
  draft: Draft;
  errors: ComposerErrors;
  setTab: (accountId: string) => void;
}

export function NetworkTabs({ id, chosen, activeTab, rules, draft, errors, setTab }: NetworkTabsProps) {
  return (
    <div role="tablist" aria-label="Networks" className={styles.tabs}>
      {chosen.map((a) => {
        const r = rules.get(a.platform);
        const count = r ? shortCount(r.text, textFor(draft, a.id)) : null;
        const problems = tabHasErrors(errors, a.id) + (count?.over ? 1 : 0);
        const selected = a.id === activeTab?.id;
        return (
          <button
            key={a.id}
            type="button"
            role="tab"
            id={`${id}-tab-${a.id}`}
            aria-selected={selected}
            aria-controls={`${id}-panel-${a.id}`}
            tabIndex={selected ? 0 : -1}
            className={styles.tab}
            data-problems={problems || undefined}
            onClick={() => setTab(a.id)}
            onKeyDown={(e) => {
              const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
              if (!step) return;
              const next = chosen[(chosen.indexOf(a) + step + chosen.length) % chosen.length];
              if (next) {
                setTab(next.id);
                document.getElementById(`${id}-tab-${next.id}`)?.focus();
              }
            }}
          >
            <NetworkIcon platform={a.platform} size="small" />
            <span>{NETWORK_NAMES[a.platform]}</span>
            {count && (
              <span className={styles.tabCount} data-over={count.over || undefined}>
                {count.text}
              </span>
            )}
            {problems > 0 && <span className={styles.tabProblems}>{problems === 1 ? "1 problem" : `${problems} problems`}</span>}
          </button>
        );
      })}
    </div>
  );
}
