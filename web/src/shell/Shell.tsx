/** The signed-in frame: brand, workspace switcher, the user and Log out; the sections' nav; the page. */

import { lazy, Suspense, useState } from "react";
import { NavLink, Outlet, useOutletContext } from "react-router";
import { useMutation, useQuery } from "urql";
import { useAuth } from "../auth/AuthContext";
import { browserStorage, storedValue, WORKSPACE_KEY } from "../auth/token";
import { graphql } from "../gql";
import type { ShellQuery } from "../gql/graphql";
import { Loading } from "../ui/Loading";
import styles from "./Shell.module.css";

const ShellData = graphql(`
  query Shell {
    me {
      id
      name
      email
    }
    workspaces {
      id
      name
      timezone
    }
  }
`);

const LogOutMutation = graphql(`
  mutation LogOut {
    logOut
  }
`);

export type Workspace = ShellQuery["workspaces"][number];

/** The workspace the pages under the shell work in (`useWorkspace()` in a section's page). */
export function useWorkspace(): Workspace {
  return useOutletContext<Workspace>();
}

const workspaceChoice = storedValue(browserStorage(), WORKSPACE_KEY);
const NewWorkspaceDialog = lazy(() => import("../features/workspaces/NewWorkspaceDialog"));

interface ShellProps {
  sections: readonly { path: string; title: string }[];
}

export default function Shell({ sections }: ShellProps) {
  const { signOut } = useAuth();
  const [{ data, fetching, error }, reload] = useQuery({ query: ShellData });
  const [{ fetching: loggingOut }, logOut] = useMutation(LogOutMutation);
  const [chosen, setChosen] = useState<string | null>(() => workspaceChoice.get());
  const [creating, setCreating] = useState(false);

  const workspaces = data?.workspaces ?? [];
  const workspace = workspaces.find((w) => w.id === chosen) ?? workspaces[0];

  function choose(id: string) {
    workspaceChoice.set(id);
    setChosen(id);
  }

  async function onLogOut() {
    await logOut({});
    signOut("You have logged out.");
  }

  return (
    <div className={styles.shell}>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <header className={styles.header}>
        <span className={styles.brand}>
          <img src="/favicon.svg" alt="" width={24} height={24} />
          Herald
        </span>
        {workspace && (
          <div className={styles.switcher}>
            <label htmlFor="workspace">Workspace</label>
            <select id="workspace" value={workspace.id} onChange={(e) => choose(e.target.value)}>
              {workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
            <span className={styles.zone}>Time zone: {workspace.timezone}</span>
          </div>
        )}
        <button type="button" className={`secondary ${styles.create}`} onClick={() => setCreating(true)}>
          New workspace
        </button>
        {creating && (
          <Suspense fallback={null}>
            <NewWorkspaceDialog
              onClose={(created) => {
                setCreating(false);
                if (!created) return;
                choose(created);
                reload({ requestPolicy: "network-only" });
              }}
            />
          </Suspense>
        )}
        <div className={styles.user}>
          {data?.me && (
            <span className={styles.who} title={data.me.email}>
              {data.me.name}
            </span>
          )}
          <button type="button" className="secondary" onClick={onLogOut} disabled={loggingOut}>
            Log out
          </button>
        </div>
      </header>
      <nav aria-label="Sections" className={styles.nav}>
        <ul>
          {sections.map((s) => (
            <li key={s.path}>
              <NavLink to={`/${s.path}`} className={({ isActive }) => (isActive ? styles.active : undefined)}>
                {s.title}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1} className={styles.main}>
        {fetching && !data ? (
          <Loading />
        ) : error && !data ? (
          <div role="alert" className={styles.problem}>
            <p>Herald could not load your workspaces.</p>
            <button type="button" onClick={() => reload({ requestPolicy: "network-only" })}>
              Try again
            </button>
          </div>
        ) : workspace ? (
          <Suspense fallback={<Loading />}>
            <Outlet context={workspace} />
          </Suspense>
        ) : (
          <p>You are not a member of any workspace.</p>
        )}
      </main>
    </div>
  );
}
