import type { ReactNode } from 'react';

/** The card the locked app shows on its own (setting up, unlocking, the recovery key), under Concordat's name. */
export function StoreCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="store-screen">
      <div className="store-card">
        <span className="store-brand">Concordat</span>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
