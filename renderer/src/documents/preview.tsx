import type { ReactNode } from 'react';
import { memo } from 'react';
import { svgDataUrl } from '../../../shared/charts/data-url';
import { longDate } from '../../../shared/documents/placeholders';
import { clauseNumbers } from '../../../shared/documents/text';
import type { Block, DocumentTree, Run } from '../../../shared/documents/tree';

/** The React renderer of the DocumentTree (the .docx writer is the other one). */
function Runs({ runs }: { runs: readonly Run[] }) {
  return (
    <>
      {runs.map((r, i) => {
        let node: ReactNode = r.text;
        if (r.bold) node = <strong>{node}</strong>;
        if (r.italic) node = <em>{node}</em>;
        if (r.underline) node = <u>{node}</u>;
        if (r.missing) node = <mark className="gap">{node}</mark>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

function HeaderRow({ labels }: { labels: readonly string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((h, i) => (
          <th key={i} scope="col">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

const SIGNATURE_COLUMNS = ['Organisation', 'Name', 'Position', 'Signature', 'Date'];

function BlockView({
  block,
  number,
  headings,
}: {
  block: Block;
  number: string | null;
  headings: { level: number; text: string }[];
}) {
  switch (block.kind) {
    case 'heading': {
      // The document title is an h2 inside the page, so document headings start at h3.
      const H = (['h3', 'h4', 'h5'] as const)[block.level - 1]!;
      return <H className={`doc-h${block.level}`}>{block.text}</H>;
    }
    case 'paragraph':
      return (
        <p dir="auto">
          <Runs runs={block.runs} />
        </p>
      );
    case 'clause':
      return (
        <div className={`doc-clause level-${block.level}`}>
          <span className="doc-clause-number">{number}</span>
          <div>
            {block.title ? <strong className="doc-clause-title">{block.title}</strong> : null}
            {block.runs.length > 0 ? (
              <p dir="auto">
                <Runs runs={block.runs} />
              </p>
            ) : null}
          </div>
        </div>
      );
    case 'bullets':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i} dir="auto">
              <Runs runs={item} />
            </li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <table className="doc-table">
          {block.caption ? <caption>{block.caption}</caption> : null}
          <HeaderRow labels={block.header} />
          <tbody>
            {block.rows.map((row, i) => (
              <tr key={i}>
                {block.header.map((_, j) => (
                  <td key={j} dir="auto">
                    <Runs runs={row[j] ?? []} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'signatures':
      return (
        <table className="doc-table doc-signatures">
          <caption>Signatories</caption>
          <HeaderRow labels={SIGNATURE_COLUMNS} />
          <tbody>
            {block.signatories.length === 0 ? (
              <tr>
                <td colSpan={5}>
                  <mark className="gap">No signatories chosen yet</mark>
                </td>
              </tr>
            ) : (
              block.signatories.map((s, i) => (
                <tr key={i}>
                  <td>{s.organisation}</td>
                  <td>{s.name}</td>
                  <td>{s.position}</td>
                  <td />
                  <td>{s.signedOn}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      );
    case 'pageBreak':
      return <hr className="doc-page-break" aria-label="Page break" />;
    case 'toc':
      return (
        <nav className="doc-toc" aria-label="Contents of the document">
          <strong>Contents</strong>
          <ul>
            {headings.map((h, i) => (
              <li key={i} className={`toc-level-${h.level}`}>
                {h.text}
              </li>
            ))}
          </ul>
          <span className="help">Word adds the page numbers when the document is opened.</span>
        </nav>
      );
    case 'image':
      return (
        <figure className="doc-figure">
          <img src={svgDataUrl(block.svg)} alt={block.alt} width={block.width} height={block.height} />
          {block.caption ? <figcaption dir="auto">{block.caption}</figcaption> : null}
        </figure>
      );
    case 'guidance':
      return (
        <aside className="doc-guidance" aria-label="Guidance">
          <span className="doc-guidance-label">Guidance, not exported</span>
          <p dir="auto">
            <Runs runs={block.runs} />
          </p>
        </aside>
      );
  }
}

export const DocumentPreview = memo(function DocumentPreview({
  tree,
  label = 'Preview',
}: {
  tree: DocumentTree;
  label?: string;
}) {
  const numbers = clauseNumbers(tree.blocks);
  const headings = tree.blocks.flatMap((b) => (b.kind === 'heading' ? [{ level: b.level, text: b.text }] : []));
  const { meta } = tree;
  return (
    <article className="doc-preview" aria-label={label}>
      <div className="doc-marking">
        {meta.marking}
        {meta.handlingNote ? <span className="doc-handling"> · {meta.handlingNote}</span> : null}
      </div>
      <h2 className="doc-title" dir="auto">
        {meta.title}
      </h2>
      {meta.subtitle ? <p className="doc-subtitle">{meta.subtitle}</p> : null}
      <p className="doc-details">
        Version {meta.version} · {longDate(meta.date)}
        {meta.publicSafe ? ' · Public version' : ''}
      </p>
      {tree.blocks.map((b, i) => (
        <BlockView key={i} block={b} number={numbers[i] ?? null} headings={headings} />
      ))}
      <div className="doc-marking">{meta.marking}</div>
    </article>
  );
});
