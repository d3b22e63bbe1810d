/** Where the session token lives between reloads: localStorage, or memory when storage is refused. */

export const TOKEN_KEY = "herald.token";
export const WORKSPACE_KEY = "herald.workspace";

/** The part of the Web Storage API the console uses (localStorage in the browser). */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface StoredValue {
  get(): string | null;
  set(value: string): void;
  clear(): void;
}

/**
 * One key of `storage`, kept in memory too: a browser that refuses storage (a private window that throws
 * on setItem, storage disabled) still keeps the value for this page's life instead of failing to sign in.
 */
export function storedValue(storage: KeyValueStorage | null, key: string): StoredValue {
  let memory: string | null = null;
  let loaded = false;
  return {
    get() {
      if (!loaded) {
        loaded = true;
        try {
          memory = storage?.getItem(key) ?? null;
        } catch {
          memory = null;
        }
      }
      return memory;
    },
    set(value) {
      memory = value;
      loaded = true;
      try {
        storage?.setItem(key, value);
      } catch {
        // kept in memory only
      }
    },
    clear() {
      memory = null;
      loaded = true;
      try {
        storage?.removeItem(key);
      } catch {
        // nothing stored to remove
      }
    },
  };
}

/** The browser's localStorage, or null where reading it throws (storage disabled). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}
