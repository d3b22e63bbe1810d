import { describe, expect, it } from "vitest";
import { type KeyValueStorage, storedValue } from "./token";

/** A Web Storage stand-in: a Map behind the three methods the console uses. */
function mapStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const refusing: KeyValueStorage = {
  getItem: () => {
    throw new Error("SecurityError");
  },
  setItem: () => {
    throw new Error("QuotaExceededError");
  },
  removeItem: () => {
    throw new Error("SecurityError");
  },
};

describe("storedValue", () => {
  it("survives a reload: a new reader of the same storage sees the token", () => {
    const storage = mapStorage();
    storedValue(storage, "herald.token").set("abc");
    expect(storedValue(storage, "herald.token").get()).toBe("abc");
    expect(storage.data.get("herald.token")).toBe("abc");
  });

  it("clear removes it from storage", () => {
    const storage = mapStorage();
    const token = storedValue(storage, "herald.token");
    token.set("abc");
    token.clear();
    expect(token.get()).toBeNull();
    expect(storedValue(storage, "herald.token").get()).toBeNull();
  });

  it("keeps the value in memory when storage refuses", () => {
    const token = storedValue(refusing, "herald.token");
    expect(token.get()).toBeNull();
    token.set("abc");
    expect(token.get()).toBe("abc");
    token.clear();
    expect(token.get()).toBeNull();
  });

  it("keys are independent", () => {
    const storage = mapStorage();
    storedValue(storage, "a").set("1");
    expect(storedValue(storage, "b").get()).toBeNull();
  });
});
