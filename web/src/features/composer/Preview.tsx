/**
 * How the post will look on one network: its text wrapped as the network wraps it (whitespace and line breaks
 * kept, long words broken), links marked, the images as a grid, a link card where there is no image, a thread
 * as a chain of posts, and what the network shows besides (Reddit's subreddit and title, Instagram's first
 * comment). An approximation of the network's look, not a rendering of it.
 */

import type { ComposerAssetFragment, Platform } from "../../gql/graphql";
import { links } from "./textMeasure";
import type { TargetOptions } from "./draft";
import styles from "./Preview.module.css";

interface PreviewProps {
  platform: Platform;
  label: string;
  handle: string;
  displayName: string | null;
  text: string;
  media: (ComposerAssetFragment | undefined)[];
  thread: string[];
  options: TargetOptions;
  /** Whether the network shares a link given as an option (else the text's first link makes the card). */
  linkOption: boolean;
}

function hostOf(url: string): string {
  try {
    return new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`).host;
  } catch {
    return url;
  }
}

/** The text with its links marked, as the networks show them. */
function RichText({ text }: { text: string }) {
  const found = links(text);
  const parts: React.ReactNode[] = [];
  let rest = text;
  found.forEach((url, i) => {
    const at = rest.indexOf(url);
    if (at < 0) return;
    parts.push(rest.slice(0, at), <span key={i} className={styles.link}>{url}</span>);
    rest = rest.slice(at + url.length);
  });
  parts.push(rest);
  return <p className={styles.text}>{parts}</p>;
}

function MediaGrid({ media }: { media: (ComposerAssetFragment | undefined)[] }) {
  const shown = media.filter((a): a is ComposerAssetFragment => Boolean(a));
  if (!shown.length) return null;
  return (
    <div className={styles.grid} data-count={Math.min(shown.length, 4)}>
      {shown.slice(0, 4).map((a) => (
        <img key={a.id} src={a.thumbnailUrl ?? a.url ?? ""} alt={a.altText ?? ""} />
      ))}
    </div>
  );
}

function LinkCard({ url }: { url: string }) {
  return (
    <div className={styles.card}>
      <span className={styles.cardHost}>{hostOf(url)}</span>
      <span className={styles.cardUrl}>{url}</span>
    </div>
  );
}

export function Preview({ platform, label, handle, displayName, text, media, thread, options, linkOption }: PreviewProps) {
  const link = (linkOption && options.link.trim()) || (!media.length ? links(text)[0] : undefined);
  const head = (
    <div className={styles.head}>
      <span className={styles.avatar} aria-hidden="true">
        {(displayName || handle).replace(/^@/, "").charAt(0).toUpperCase()}
      </span>
      <span>
        <strong>{displayName || handle}</strong> {displayName && displayName !== handle && <span className={styles.muted}>{handle}</span>}
      </span>
    </div>
  );
  const posts = [text, ...thread];
  if (!text.trim() && !media.length && !options.link.trim()) {
    return (
      <figure className={styles.preview} data-network={platform}>
        <figcaption className={styles.caption}>Preview on {label}</figcaption>
        <p className={styles.muted}>Write something or add a file to see the post as {label} will show it.</p>
      </figure>
    );
  }
  return (
    <figure className={styles.preview} data-network={platform}>
      <figcaption className={styles.caption}>Preview on {label}</figcaption>
      {platform === "REDDIT" && (
        <div className={styles.post}>
          <p className={styles.muted}>{options.subreddit ? `r/${options.subreddit.replace(/^\/?r\//, "")}` : "r/…"} · {handle}</p>
          <p className={styles.title}>{options.title || "Title"}</p>
          {options.link.trim() ? <LinkCard url={options.link.trim()} /> : <RichText text={text} />}
          <MediaGrid media={media} />
        </div>
      )}
      {platform === "INSTAGRAM" && (
        <div className={styles.post}>
          {head}
          <div className={styles.square} data-kind={options.instagramKind || "FEED"}>
            <MediaGrid media={media.slice(0, 1)} />
            {media.length > 1 && <span className={styles.more}>1 / {media.length}</span>}
          </div>
          <p className={styles.text}>
            <strong>{handle}</strong> {text}
          </p>
          {options.firstComment && (
            <p className={styles.comment}>
              <strong>{handle}</strong> {options.firstComment}
            </p>
          )}
        </div>
      )}
      {platform !== "REDDIT" && platform !== "INSTAGRAM" && (
        <ol className={styles.chain}>
          {posts.map((part, i) => (
            <li key={i} className={styles.post}>
              {head}
              <RichText text={part} />
              {i === 0 && <MediaGrid media={media} />}
              {i === 0 && link && <LinkCard url={link} />}
            </li>
          ))}
        </ol>
      )}
    </figure>
  );
}
