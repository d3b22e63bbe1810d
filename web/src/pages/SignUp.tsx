import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { useMutation } from "urql";
import { useAuth } from "../auth/AuthContext";
import { errorsByField, type FieldErrors } from "../auth/fieldErrors";
import { useFocusFirstError } from "../auth/useFocusFirstError";
import { graphql } from "../gql";
import { Field, FormAlert } from "../ui/Field";
import { Logo } from "../ui/Logo";
import styles from "../ui/Form.module.css";

const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      token
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const FIELDS = ["name", "email", "password", "workspaceName"] as const;
type SignUpField = (typeof FIELDS)[number];

/** The browser's IANA zone: the new workspace plans times in it (UTC when the browser will not say). */
function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

export function SignUp() {
  const { signIn } = useAuth();
  const [{ fetching }, signUp] = useMutation(SignUpMutation);
  const [errors, setErrors] = useState<FieldErrors<SignUpField>>({ byField: {}, general: [] });
  useFocusFirstError(errors, FIELDS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "");
    const input = {
      name: text("name"),
      email: text("email"),
      password: text("password"),
      workspaceName: text("workspaceName").trim() || null,
      timezone: browserTimeZone(),
    };
    const result = await signUp({ input });
    if (result.error) {
      setErrors({ byField: {}, general: ["Herald could not be reached. Check your connection and try again."] });
      return;
    }
    const payload = result.data?.signUp;
    if (payload?.token) signIn(payload.token);
    else setErrors(errorsByField(payload?.userErrors ?? [], FIELDS));
  }

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <Logo />
        <h1>Create your account</h1>
        <FormAlert messages={errors.general} />
        <form onSubmit={submit} noValidate>
          <Field id="name" label="Your name" autoComplete="name" required errors={errors.byField.name} />
          <Field id="email" label="Email" type="email" autoComplete="email" required errors={errors.byField.email} />
          <Field
            id="password"
            label="Password"
            type="password"
            autoComplete="new-password"
            hint="10 characters or more."
            required
            errors={errors.byField.password}
          />
          <Field
            id="workspaceName"
            label="Workspace name (optional)"
            hint="Defaults to “<your name>’s workspace”."
            errors={errors.byField.workspaceName}
          />
          <button type="submit" className={styles.submit} disabled={fetching}>
            {fetching ? "Creating your account…" : "Sign up"}
          </button>
        </form>
        <p className={styles.switch}>
          Already have an account? <Link to="/login">Log in</Link>
        </p>
      </div>
    </main>
  );
}
