import type { DocumentTree, Run } from '../../shared/documents/tree';

/** Text a user could paste: every XML special, control characters, right-to-left text, emoji, lone surrogates, and a lot of it. */
export function hostileTree(): DocumentTree {
  const nasty = `<b>&amp; "quoted" 'single' </w:t></w:r> ]]> <!-- x --> \u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800 tab\there ✅👩🏽‍⚖️ עברית العربية`;
  const long = 'x&<'.repeat(34_000);
  const runs: Run[] = [{ text: nasty }, { text: nasty, bold: true, italic: true }, { text: long }];
  return {
    meta: {
      title: `Title ${nasty}`,
      subtitle: `Subtitle ${nasty}`,
      version: '1 & 2',
      date: '2026-03-01',
      marking: 'OFFICIAL',
      handlingNote: `Note ${nasty}`,
      author: `Author ${nasty}`,
      subject: `Subject ${nasty}`,
      partnershipName: `Partnership ${nasty}`,
      publicSafe: true,
    },
    blocks: [
      { kind: 'toc' },
      { kind: 'heading', level: 1, text: `Heading ${nasty}` },
      { kind: 'paragraph', runs },
      { kind: 'clause', level: 1, title: `Clause ${nasty}`, runs },
      { kind: 'bullets', items: [runs] },
      {
        kind: 'table',
        caption: `Caption ${nasty}`,
        header: [`H ${nasty}`, 'Second'],
        rows: [[runs, [{ text: `${nasty}@x.example` }]]],
      },
      {
        kind: 'signatures',
        signatories: [{ name: `N ${nasty}`, position: `P ${nasty}`, organisation: `O ${nasty}`, signedOn: `S ${nasty}` }],
      },
    ],
  };
}
