/** Create a workspace: its name and the time zone its times are planned and shown in. */

import { type FormEvent, useState } from "react";
import { useModal } from "../../ui/useModal";
import { useMutation } from "urql";
import { errorsByField, type FieldErrors } from "../../auth/fieldErrors";
import { graphql } from "../../gql";
import { Field, FormAlert } from "../../ui/Field";
import formStyles from "../../ui/Form.module.css";
import dialogStyles from "../../ui/ConfirmDialog.module.css";
import { timeZoneChoices } from "./timeZones";

const WorkspaceCreateMutation = graphql(`
  mutation WorkspaceCreate($input: WorkspaceCreateInput!) {
    workspaceCreate(input: $input) {
      workspace {
        id
        name
        timezone
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const FIELDS = ["name", "timezone"] as const;

export default function NewWorkspaceDialog({ onClose }: { onClose: (createdId: string | null) => void }) {
  const dialog = useModal();
  const [{ fetching }, create] = useMutation(WorkspaceCreateMutation);
  const [errors, setErrors] = useState<FieldErrors<(typeof FIELDS)[number]>>({ byField: {}, general: [] });
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = timeZoneChoices(browserZone);


  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name") ?? "").trim(), timezone: String(form.get("timezone") ?? "") };
    const result = await create({ input });
    const payload = result.data?.workspaceCreate;
    if (payload?.workspace) return onClose(payload.workspace.id);
    const next = payload
      ? errorsByField(payload.userErrors, FIELDS)
      : { byField: {}, general: ["Herald could not be reached. Check your connection and try again."] };
    setErrors(next);
    const first = FIELDS.find((f) => next.byField[f]);
    if (first) document.getElementById(`workspace-${first}`)?.focus();
  }

  return (
    <dialog ref={dialog} className={dialogStyles.dialog} aria-labelledby="new-workspace-title" onClose={() => onClose(null)}>
      <h2 id="new-workspace-title">New workspace</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert messages={errors.general} />
        <Field id="workspace-name" name="name" label="Name" required maxLength={100} errors={errors.byField.name} autoFocus />
        <div className={formStyles.field}>
          <label htmlFor="workspace-timezone">Time zone</label>
          <select
            id="workspace-timezone"
            name="timezone"
            defaultValue={browserZone}
            className={formStyles.select}
            aria-invalid={errors.byField.timezone ? true : undefined}
            aria-describedby={`workspace-timezone-hint${errors.byField.timezone ? " workspace-timezone-error" : ""}`}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </select>
          <p id="workspace-timezone-hint" className={formStyles.hint}>
            Posts are planned and shown in this zone, whoever looks at them.
          </p>
          {errors.byField.timezone && (
            <p id="workspace-timezone-error" className={formStyles.error}>
              {errors.byField.timezone.join(" ")}
            </p>
          )}
        </div>
        <div className={dialogStyles.actions}>
          <button type="button" className="secondary" onClick={() => onClose(null)}>
            Cancel
          </button>
          <button type="submit" disabled={fetching}>
            {fetching ? "Creating…" : "Create workspace"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
