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

const LogInMutation = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      token
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const FIELDS = ["email", "password"] as const;
type LogInField = (typeof FIELDS)[number];

export function LogIn() {
  const { signIn, notice } = useAuth();
  const [{ fetching }, logIn] = useMutation(LogInMutation);
  const [errors, setErrors] = useState<FieldErrors<LogInField>>({ byField: {}, general: [] });
  useFocusFirstError(errors, FIELDS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    const result = await logIn({ input });
    if (result.error) {
      setErrors({ byField: {}, general: ["Herald could not be reached. Check your connection and try again."] });
      return;
    }
    const payload = result.data?.logIn;
    if (payload?.token) signIn(payload.token);
    else setErrors(errorsByField(payload?.userErrors ?? [], FIELDS));
  }

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <Logo />
        <h1>Log in</h1>
        {notice && (
          <div className={styles.notice} role="status">
            <p>{notice}</p>
          </div>
        )}
        <FormAlert messages={errors.general} />
        <form onSubmit={submit} noValidate>
          <Field id="email" label="Email" type="email" autoComplete="email" required errors={errors.byField.email} />
          <Field
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            errors={errors.byField.password}
          />
          <button type="submit" className={styles.submit} disabled={fetching}>
            {fetching ? "Logging in…" : "Log in"}
          </button>
        </form>
        <p className={styles.switch}>
          New to Herald? <Link to="/signup">Create an account</Link>
        </p>
      </div>
    </main>
  );
}
