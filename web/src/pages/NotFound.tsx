import { Link } from "react-router";

export default function NotFound() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/posts">Go to Posts</Link>.
      </p>
    </section>
  );
}
