import formStyles from "../../ui/Form.module.css";

/** A field's errors, each with its code, under it (the field points here with aria-describedby). */
export function FieldErrors({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <div id={id} data-field-error>
      {messages.map((m) => (
        <p key={m} className={formStyles.error}>
          {m}
        </p>
      ))}
    </div>
  );
}
