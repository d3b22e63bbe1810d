import { useEffect, useRef } from "react";

/** A section the console does not have yet: said plainly, with its heading focused for screen readers. */
export default function ComingSoon({ title }: { title: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <p>Coming soon: this part of the console is not built yet. GraphiQL at <a href="/graphql">/graphql</a> does it all today.</p>
    </section>
  );
}
