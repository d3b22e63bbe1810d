import { lazy, Suspense } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { useAuth } from "./auth/AuthContext";
import { LogIn } from "./pages/LogIn";
import { SignUp } from "./pages/SignUp";
import { Loading } from "./ui/Loading";

// Everything behind the log-in is split from the first route's bundle.
const Shell = lazy(() => import("./shell/Shell"));
const ComingSoon = lazy(() => import("./pages/ComingSoon"));
const NotFound = lazy(() => import("./pages/NotFound"));
const Accounts = lazy(() => import("./features/accounts/Accounts"));
const OAuthResult = lazy(() => import("./features/accounts/OAuthResult"));
const Posts = lazy(() => import("./features/posts/Posts"));
const Composer = lazy(() => import("./features/composer/Composer"));
const Calendar = lazy(() => import("./features/calendar/Calendar"));
const Media = lazy(() => import("./features/media/Media"));
const Analytics = lazy(() => import("./features/analytics/Analytics"));

/** Sections built so far; the others say "coming soon". */
const PAGES: Partial<Record<string, React.ReactNode>> = {
  posts: <Posts />,
  calendar: <Calendar />,
  accounts: <Accounts />,
  library: <Media />,
  analytics: <Analytics />,
};

export const SECTIONS = [
  { path: "posts", title: "Posts" },
  { path: "calendar", title: "Calendar" },
  { path: "accounts", title: "Accounts" },
  // not /media: Herald's file routes own that path (a reload there would not reach the console)
  { path: "library", title: "Media" },
  { path: "analytics", title: "Analytics" },
] as const;

function RequireAuth({ children }: { children: React.ReactNode }) {
  const { token } = useAuth();
  const location = useLocation();
  // the query too: /oauth/result carries its outcome there
  if (!token) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

/** Log-in and sign-up: once signed in, back to the page that sent the user here (or the start). */
function PublicOnly({ children }: { children: React.ReactNode }) {
  const { token } = useAuth();
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;
  return token ? <Navigate to={typeof from === "string" && from.startsWith("/") ? from : "/"} replace /> : children;
}

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<PublicOnly><LogIn /></PublicOnly>} />
        <Route path="/signup" element={<PublicOnly><SignUp /></PublicOnly>} />
        <Route element={<RequireAuth><Shell sections={SECTIONS} /></RequireAuth>}>
          <Route index element={<Navigate to="/posts" replace />} />
          {SECTIONS.map((s) => (
            <Route key={s.path} path={s.path} element={PAGES[s.path] ?? <ComingSoon title={s.title} />} />
          ))}
          <Route path="posts/new" element={<Composer />} />
          <Route path="oauth/result" element={<OAuthResult />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
