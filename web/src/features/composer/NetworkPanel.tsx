/**
 * One account's tab: its counters, its own text and media if it should differ from the post's, the options
 * its network takes (only those `platformRules` says it has), and its preview.
 */

import { useId } from "react";
import type { ComposerAssetFragment, ComposerPlatformRulesQuery, InstagramKind, Platform } from "../../gql/graphql";
import { accountHandle } from "../accounts/networks";
import type { ComposerErrors } from "./composerErrors";
import { targetKey } from "./composerErrors";
import { Counters } from "./Counters";
import { type Draft, mediaFor, type TargetDraft, type TargetOptions, targetOf, textFor } from "./draft";
import { FieldErrors } from "./FieldErrors";
import { Preview } from "./Preview";
import styles from "./Composer.module.css";

export type Rules = ComposerPlatformRulesQuery["platformRules"][number];

export interface ComposerAccount {
  readonly id: string;
  readonly platform: Platform;
  readonly handle: string;
  readonly displayName: string | null;
}

interface NetworkPanelProps {
  account: ComposerAccount;
  rules: Rules;
  draft: Draft;
  assets: Record<string, ComposerAssetFragment>;
  errors: ComposerErrors;
  onChange: (change: Partial<TargetDraft>) => void;
}

type OptionKey = Exclude<keyof TargetOptions, "instagramKind">;


export function NetworkPanel({ account, rules, draft, assets, errors, onChange }: NetworkPanelProps) {
  const id = useId();
  const target = targetOf(draft, account.id);
  const text = textFor(draft, account.id);
  const media = mediaFor(draft, account.id);
  const handle = accountHandle(account.platform, account.handle);
  const name = rules.label;
  const takesMedia = rules.media.some((m) => m.maxItems > 0);
  const variants = rules.media.filter((m) => m.variant);
  const err = (field: string) => errors.byField[targetKey(account.id, field)];
  const setOption = (key: keyof TargetOptions, value: string) => onChange({ options: { ...target.options, [key]: value } });

  const option = (key: OptionKey, label: string, hint?: string, multiline = false) => {
    const fieldId = `${id}-${key}`;
    const errorId = `${fieldId}-error`;
    const described = [err(key) ? errorId : null, hint ? `${fieldId}-hint` : null].filter(Boolean).join(" ") || undefined;
    const props = {
      id: fieldId,
      value: target.options[key],
      "aria-invalid": err(key) ? true : undefined,
      "aria-describedby": described,
      "data-option": key,
      className: styles.input,
    } as const;
    return (
      <div className={styles.field}>
        <label htmlFor={fieldId}>{label}</label>
        {multiline ? (
          <textarea {...props} rows={2} onChange={(e) => setOption(key, e.target.value)} />
        ) : (
          <input {...props} onChange={(e) => setOption(key, e.target.value)} />
        )}
        {hint && (
          <p id={`${fieldId}-hint`} className={styles.hint}>
            {hint}
          </p>
        )}
        {key === "title" && rules.text.titleMaxLength != null && (
          <Counters rules={{ maxLength: rules.text.titleMaxLength, counting: rules.text.counting }} text={target.options.title} label={`${name} title`} />
        )}
        <FieldErrors id={errorId} messages={err(key)} />
      </div>
    );
  };

  return (
    <div className={styles.panel}>
      <div className={styles.panelForm}>
        <FieldErrors id={`${id}-target-error`} messages={err("target")} />
        {rules.mediaRequired && <p className={styles.hint}>{name} needs at least one photo or video.</p>}

        <label className={styles.choice}>
          <input
            type="checkbox"
            checked={target.text !== null}
            onChange={(e) => onChange({ text: e.target.checked ? draft.text : null })}
          />
          Different wording for {name}
        </label>
        {target.text !== null && (
          <div className={styles.field}>
            <label htmlFor={`${id}-own`}>Wording for {name} ({handle})</label>
            <textarea
              id={`${id}-own`}
              rows={5}
              className={styles.text}
              value={target.text}
              onChange={(e) => onChange({ text: e.target.value })}
              aria-invalid={err("text") ? true : undefined}
              aria-describedby={err("text") ? `${id}-own-error` : undefined}
            />
            <Counters rules={rules.text} text={text} label={`${name} counter`} />
          </div>
        )}
        <FieldErrors id={`${id}-own-error`} messages={err("text")} />

        {takesMedia && draft.mediaIds.length > 0 && (
          <fieldset className={styles.fieldset}>
            <legend>Media on {name}</legend>
            <label className={styles.choice}>
              <input
                type="checkbox"
                checked={target.mediaIds !== null}
                onChange={(e) => onChange({ mediaIds: e.target.checked ? [...draft.mediaIds] : null })}
              />
              Choose which files go to {name}
            </label>
            {target.mediaIds !== null && (
              <ul className={styles.accounts}>
                {draft.mediaIds.map((mediaId) => (
                  <li key={mediaId}>
                    <label className={styles.choice}>
                      <input
                        type="checkbox"
                        checked={target.mediaIds?.includes(mediaId) ?? false}
                        onChange={(e) =>
                          onChange({
                            mediaIds: e.target.checked
                              ? draft.mediaIds.filter((m) => m === mediaId || target.mediaIds?.includes(m))
                              : (target.mediaIds ?? []).filter((m) => m !== mediaId),
                          })
                        }
                      />
                      {assets[mediaId]?.filename ?? "A file"}
                    </label>
                  </li>
                ))}
              </ul>
            )}
            <FieldErrors id={`${id}-media-error`} messages={err("media")} />
          </fieldset>
        )}
        {!(takesMedia && draft.mediaIds.length > 0) && <FieldErrors id={`${id}-media-error`} messages={err("media")} />}

        {variants.length > 1 && (
          <div className={styles.field}>
            <label htmlFor={`${id}-kind`}>Kind of {name} post</label>
            <select
              id={`${id}-kind`}
              className={styles.input}
              value={target.options.instagramKind}
              onChange={(e) => onChange({ options: { ...target.options, instagramKind: e.target.value as InstagramKind | "" } })}
              aria-invalid={err("instagramKind") ? true : undefined}
            >
              <option value="">{variants[0]?.variant ?? ""} (default)</option>
              {variants.slice(1).map((v) => (
                <option key={v.variant} value={v.variant ?? ""}>
                  {v.variant}
                </option>
              ))}
            </select>
            <FieldErrors id={`${id}-instagramKind-error`} messages={err("instagramKind")} />
          </div>
        )}
        {rules.subredditRequired && option("subreddit", "Subreddit", "r/name or name.")}
        {rules.text.titleMaxLength != null && option("title", "Title")}
        {rules.flair && option("flairId", "Flair id (optional)", "Some subreddits require a flair.")}
        {rules.linkOption && option("link", `Link to share on ${name} (optional)`)}
        {rules.quote && option("quoteUri", "Quote a post (optional)", "A post’s link or at:// address.")}
        {rules.reply && option("replyToUri", "Reply to a post (optional)", "A post’s link or at:// address.")}
        {rules.langs && option("langs", "Languages (optional)", "Up to 3 tags like en or pt-BR, separated by commas.")}
        {rules.firstComment && option("firstComment", "First comment (optional)", undefined, true)}
      </div>
      <Preview
        platform={account.platform}
        label={name}
        handle={handle}
        displayName={account.displayName}
        text={text}
        media={media.map((m) => assets[m])}
        thread={rules.threads ? draft.thread.map((p) => p.text).filter((t) => t.trim()) : []}
        options={target.options}
        linkOption={rules.linkOption}
      />
    </div>
  );
}
