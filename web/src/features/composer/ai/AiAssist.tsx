/**
 * AI writing help in the composer, loaded only when someone opens it (its own chunk): captions for every
 * chosen network streamed into each network's tab as the model writes them, a rewrite of the text on the
 * open tab (shorter, another tone, another language, or split into a thread where the network threads), and
 * a suggested alt text for an attached image, which lands in its field for the person to read and save.
 * A refusal is said in words next to the control that asked; AI_NOT_CONFIGURED tells the composer to put
 * the assist away (the API has no query that says whether Gemini is configured).
 */

import { useEffect, useId, useRef, useState } from "react";
import { useClient } from "urql";
import type { ComposerAssetFragment, Platform, RewriteInstruction } from "../../../gql/graphql";
import { type Draft, targetOf, textFor } from "../draft";
import type { ComposerAccount, Rules } from "../NetworkPanel";
import { type AiError, aiErrorsText, aiNotConfigured } from "./aiErrors";
import { type CaptionEvent, captionReducer, captionsDone, captionStream } from "./captionStream";
import { AltTextGenerateMutation, CaptionGeneratedSubscription, CaptionGenerateMutation, PostRewriteMutation } from "./documents";
import composerStyles from "../Composer.module.css";
import styles from "./AiAssist.module.css";

export interface AiAssistProps {
  workspaceId: string;
  chosen: readonly ComposerAccount[];
  activeAccount: ComposerAccount | undefined;
  rules: ReadonlyMap<Platform, Rules>;
  draft: Draft;
  assets: Readonly<Record<string, ComposerAssetFragment>>;
  change: (next: (d: Draft) => Draft) => void;
  onAltText: (mediaId: string, altText: string) => void;
  onNotConfigured: () => void;
}

const INSTRUCTIONS: readonly (readonly [RewriteInstruction, string])[] = [
  ["SHORTEN", "Shorten"],
  ["CHANGE_TONE", "Change the tone"],
  ["TRANSLATE", "Translate"],
  ["SPLIT_THREAD", "Split into a thread"],
];

type Outcome = { busy: boolean; error: string | null; done: string | null };
const IDLE: Outcome = { busy: false, error: null, done: null };

/** Each chosen account whose network has a caption gets it as its own text. */
function withCaptions(draft: Draft, chosen: readonly ComposerAccount[], texts: Partial<Record<Platform, string>>): Draft {
  const targets = { ...draft.targets };
  for (const account of chosen) {
    const text = texts[account.platform];
    if (text !== undefined) targets[account.id] = { ...targetOf(draft, account.id), text };
  }
  return { ...draft, targets };
}

export default function AiAssist({ workspaceId, chosen, activeAccount, rules, draft, assets, change, onAltText, onNotConfigured }: AiAssistProps) {
  const id = useId();
  const client = useClient();
  const [brief, setBrief] = useState("");
  const [tone, setTone] = useState("");
  const [language, setLanguage] = useState("");
  const [instruction, setInstruction] = useState<RewriteInstruction>("SHORTEN");
  const [captions, setCaptions] = useState<Outcome>(IDLE);
  const [rewrite, setRewrite] = useState<Outcome>(IDLE);
  const [alt, setAlt] = useState<Outcome & { mediaId?: string }>(IDLE);
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);

  const platforms = [...new Set(chosen.map((a) => a.platform))];
  const threads = activeAccount ? Boolean(rules.get(activeAccount.platform)?.threads) : false;
  const images = draft.mediaIds.map((m) => assets[m]).filter((a): a is ComposerAssetFragment => a?.kind === "IMAGE");

  /** The errors in words; AI_NOT_CONFIGURED also puts the assist away. */
  function refused(errors: readonly AiError[] | undefined): string | null {
    if (aiNotConfigured(errors)) onNotConfigured();
    return aiErrorsText(errors);
  }

  async function generateCaptions() {
    stop.current?.();
    const requestId = crypto.randomUUID();
    let stream = captionStream(requestId, platforms);
    const apply = (event: CaptionEvent) => {
      const next = captionReducer(stream, event);
      if (next === stream) return;
      stream = next;
      const texts = Object.fromEntries(Object.entries(stream.captions).map(([p, c]) => [p, c.text]));
      change((d) => withCaptions(d, chosen, texts));
    };
    setCaptions({ busy: true, error: null, done: null });
    // Subscribe first: the stream replays the request from its start, and the answer mends any gap.
    const subscription = client.subscription(CaptionGeneratedSubscription, { requestId }).subscribe((result) => {
      if (result.data) apply({ type: "chunk", chunk: result.data.captionGenerated });
    });
    stop.current = () => subscription.unsubscribe();
    const input = { requestId, workspaceId, brief: brief.trim() || draft.text, platforms, tone: tone.trim() || null, language: language.trim() || null };
    const result = await client.mutation(CaptionGenerateMutation, { input }).toPromise();
    const payload = result.data?.captionGenerate;
    if (payload) apply({ type: "suggestions", suggestions: payload.suggestions });
    subscription.unsubscribe();
    const error = refused(payload?.userErrors);
    setCaptions({ busy: false, error, done: !error && captionsDone(stream) ? "Each network’s tab has its caption; read them before posting." : null });
  }

  async function rewriteText() {
    if (!activeAccount) return;
    const account = activeAccount;
    setRewrite({ busy: true, error: null, done: null });
    const input = {
      workspaceId,
      text: textFor(draft, account.id),
      platform: account.platform,
      instruction,
      tone: instruction === "CHANGE_TONE" ? tone.trim() || null : null,
      language: instruction === "TRANSLATE" ? language.trim() || null : null,
    };
    const result = await client.mutation(PostRewriteMutation, { input }).toPromise();
    const payload = result.data?.postRewrite;
    const error = refused(payload?.userErrors);
    if (payload && !error) {
      const [first = "", ...rest] = payload.parts.length ? payload.parts : [payload.text ?? ""];
      const split = instruction === "SPLIT_THREAD";
      const text = split ? first : (payload.text ?? first);
      change((d) => {
        const own = targetOf(d, account.id).text !== null;
        const next = own ? { ...d, targets: { ...d.targets, [account.id]: { ...targetOf(d, account.id), text } } } : { ...d, text };
        return split ? { ...next, thread: rest.map((part) => ({ text: part })) } : next;
      });
    }
    setRewrite({ busy: false, error, done: error ? null : "The text is rewritten." });
  }

  async function suggestAlt(asset: ComposerAssetFragment) {
    setAlt({ busy: true, error: null, done: null, mediaId: asset.id });
    const result = await client.mutation(AltTextGenerateMutation, { mediaId: asset.id, language: language.trim() || null }).toPromise();
    const payload = result.data?.altTextGenerate;
    const error = refused(payload?.userErrors);
    if (payload?.altText && !error) onAltText(asset.id, payload.altText);
    setAlt({ busy: false, error, done: error ? null : `A suggestion is in the alt text of ${asset.filename}; read it, then leave the field to save it.`, mediaId: asset.id });
  }

  return (
    <div className={styles.assist} id={`${id}-assist`}>
      <div className={styles.row}>
        <div className={composerStyles.field}>
          <label htmlFor={`${id}-tone`}>Tone</label>
          <input id={`${id}-tone`} className={composerStyles.input} value={tone} placeholder="playful, formal…" maxLength={60} onChange={(e) => setTone(e.target.value)} />
        </div>
        <div className={composerStyles.field}>
          <label htmlFor={`${id}-language`}>Language</label>
          <input id={`${id}-language`} className={composerStyles.input} value={language} placeholder="en, de, pt-BR" onChange={(e) => setLanguage(e.target.value)} />
        </div>
      </div>

      <fieldset className={composerStyles.fieldset}>
        <legend>Captions for each network</legend>
        <div className={composerStyles.field}>
          <label htmlFor={`${id}-brief`}>What the post is about</label>
          <textarea id={`${id}-brief`} rows={2} className={composerStyles.text} value={brief} maxLength={2000} onChange={(e) => setBrief(e.target.value)} aria-describedby={`${id}-brief-hint`} />
          <p id={`${id}-brief-hint`} className={composerStyles.hint}>
            Empty: the text above is the brief. Each chosen network’s tab gets its own caption as it is written.
          </p>
        </div>
        <button type="button" className={composerStyles.small} disabled={captions.busy || platforms.length === 0} onClick={() => void generateCaptions()}>
          {captions.busy ? "Writing captions…" : "Write captions"}
        </button>
        <Said outcome={captions} id={`${id}-captions-state`} empty={platforms.length === 0 ? "Choose an account first." : ""} />
      </fieldset>

      <fieldset className={composerStyles.fieldset}>
        <legend>Rewrite {activeAccount ? `the ${rules.get(activeAccount.platform)?.label ?? activeAccount.platform} text` : "the text"}</legend>
        <div className={composerStyles.field}>
          <label htmlFor={`${id}-instruction`}>How</label>
          <select id={`${id}-instruction`} className={composerStyles.input} value={instruction} onChange={(e) => setInstruction(e.target.value as RewriteInstruction)}>
            {INSTRUCTIONS.filter(([value]) => value !== "SPLIT_THREAD" || threads).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className={composerStyles.small}
          disabled={rewrite.busy || !activeAccount || (instruction === "SPLIT_THREAD" && !threads)}
          onClick={() => void rewriteText()}
        >
          {rewrite.busy ? "Rewriting…" : "Rewrite"}
        </button>
        <Said outcome={rewrite} id={`${id}-rewrite-state`} empty={activeAccount ? "" : "Choose an account first."} />
      </fieldset>

      {images.length > 0 && (
        <fieldset className={composerStyles.fieldset}>
          <legend>Alt text</legend>
          <ul className={styles.images}>
            {images.map((asset) => (
              <li key={asset.id}>
                <button type="button" className={composerStyles.small} disabled={alt.busy} onClick={() => void suggestAlt(asset)}>
                  {alt.busy && alt.mediaId === asset.id ? "Describing…" : `Suggest alt text for ${asset.filename}`}
                </button>
              </li>
            ))}
          </ul>
          <Said outcome={alt} id={`${id}-alt-state`} empty="" />
        </fieldset>
      )}
    </div>
  );
}

/** The outcome next to its control, announced as it changes. */
function Said({ outcome, id, empty }: { outcome: Outcome; id: string; empty: string }) {
  return (
    <p id={id} className={outcome.error ? composerStyles.errorText : composerStyles.muted} aria-live="polite">
      {outcome.error ?? outcome.done ?? empty}
    </p>
  );
}
