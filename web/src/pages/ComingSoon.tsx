/** A section the console does not have yet, said plainly. */
export default function ComingSoon({ title }: { title: string }) {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      <p>
        Coming soon: this part of the console is not built yet. GraphiQL at <a href="/graphql">/graphql</a> does
        it all today.
      </p>
    </section>
  );
}
