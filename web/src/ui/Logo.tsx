import styles from "./Form.module.css";

export function Logo() {
  return (
    <p className={styles.brand}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      Herald
    </p>
  );
}
