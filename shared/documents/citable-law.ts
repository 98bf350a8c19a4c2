/**
 * The one list of the law and guidance the product may cite, seeded from
 * shared/reference/sector-facts.md. Templates are held to it (tests/unit/documents/citations.test.ts)
 * and the toolkit's legislation round-up reads it. Adding a citation to a template means adding
 * it here first, with its reviewed date.
 *
 * An instrument (an Act, UK GDPR, a code) is recognised by its `matchers`. A provision (a section,
 * an article, a schedule paragraph) has a `parent` and the normalised references it covers
 * (`provisions`: "s47", "art6(1)(ea)", "sch1-para10", "pt3"); its matchers recognise the
 * provision written out in full with its parent's name.
 */

export type Jurisdiction = 'england' | 'wales' | 'scotland' | 'northern-ireland' | 'great-britain' | 'uk';

export type CitableKind =
  'act' | 'regulation' | 'section' | 'article' | 'schedule' | 'part' | 'statutory-guidance' | 'code' | 'policy';

export type CitableLaw = {
  id: string;
  /** The exact citation form. */
  title: string;
  shortTitle?: string;
  kind: CitableKind;
  jurisdiction: Jurisdiction[];
  /** Two plain sentences on what it means for a partnership. */
  summary: string;
  /** ISO date the entry was last checked against sector-facts.md. */
  reviewed: string;
  /** Patterns that recognise a citation of it in text. */
  matchers: RegExp[];
  /** For a provision: the instrument it belongs to. */
  parent?: string;
  /** For a provision: the normalised references it covers; a trailing "*" also covers subdivisions ("s47*" covers s47(11)). */
  provisions?: string[];
};

const REVIEWED = '2026-12-01';

type Instrument = Omit<CitableLaw, 'reviewed' | 'kind'> & { kind?: CitableKind; reviewed?: string };

const act = (e: Instrument): CitableLaw => ({ kind: 'act', reviewed: REVIEWED, ...e });

/** The parent's name patterns, for building a provision's full-form matchers. */
const NAMES: Record<string, string> = {
  'modern-slavery-act-2015': 'Modern Slavery Act 2015',
  'nationality-and-borders-act-2022': 'Nationality and Borders Act 2022',
  'crime-and-disorder-act-1998': 'Crime and Disorder Act 1998',
  'children-act-1989': 'Children Act 1989',
  'children-act-2004': 'Children Act 2004',
  'care-act-2014': 'Care Act 2014',
  'uk-gdpr': 'UK GDPR',
  'data-protection-act-2018': '(?:Data Protection Act 2018|DPA 2018)',
  'data-use-and-access-act-2025': 'Data \\(Use and Access\\) Act 2025',
};

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Full-form patterns for a provision: "Children Act 1989 s47", "section 47 of the Children Act 1989", "Article 9(2)(h) UK GDPR". */
function provisionMatchers(parent: string, provisions: string[]): RegExp[] {
  const name = NAMES[parent] ?? esc(parent);
  return provisions.map((p) => {
    const bare = p.replace(/\*$/, '');
    let ref: string;
    const sec = /^s(\d+[A-Z]?)(.*)$/.exec(bare);
    const art = /^art(\d+)(.*)$/.exec(bare);
    const sch = /^sch(\d+)(?:-pt(\d+))?(?:-para(\d+))?$/.exec(bare);
    const pt = /^pt(\d+)(?:-ch(\d+))?$/.exec(bare);
    if (sec) ref = `(?:s\\.?\\s?|section\\s)${sec[1]}${esc(sec[2] ?? '')}`;
    else if (art) ref = `Art(?:icle|\\.)?\\s?${art[1]}${esc(art[2] ?? '')}`;
    else if (sch)
      ref = `Schedule\\s${sch[1]}${sch[2] ? `,?\\s(?:Part\\s)?${sch[2]}` : ''}${sch[3] ? `,?\\s?(?:Part\\s\\d+,?\\s)?para(?:graph)?\\.?\\s?${sch[3]}` : ''}`;
    else if (pt) ref = `Part\\s${pt[1]}${pt[2] ? `,?\\sChapter\\s${pt[2]}` : ''}`;
    else ref = esc(bare);
    const tail = p.endsWith('*') ? '(?:\\([0-9a-z]+\\))*' : '(?![0-9A-Za-z(])';
    return new RegExp(`(?:${name},?\\s${ref}${tail}|${ref}${tail}\\s(?:of\\s)?(?:the\\s)?${name})`);
  });
}

type ProvisionInput = Omit<CitableLaw, 'reviewed' | 'matchers' | 'parent' | 'provisions'> & {
  parent: string;
  provisions: string[];
  extra?: RegExp[];
};

const provision = ({ extra, ...e }: ProvisionInput): CitableLaw => ({
  reviewed: REVIEWED,
  ...e,
  matchers: [...provisionMatchers(e.parent, e.provisions), ...(extra ?? [])],
});

const EW: Jurisdiction[] = ['england', 'wales'];
const UK: Jurisdiction[] = ['uk'];
const ENG: Jurisdiction[] = ['england'];

export const CITABLE_LAW: readonly CitableLaw[] = [
  // Modern Slavery Act 2015
  act({
    id: 'modern-slavery-act-2015',
    title: 'Modern Slavery Act 2015',
    jurisdiction: EW,
    summary:
      'The main anti-slavery law for England and Wales: it sets out the offences, the orders courts can make, the Commissioner, the duty to notify and supply-chain statements. Most of what a partnership does sits within it, though the Act itself gives partners no general power to share information.',
    matchers: [/\bModern Slavery Act 2015\b/, /\bMSA 2015\b/],
  }),
  provision({
    id: 'msa-2015-s1-s3',
    title: 'Modern Slavery Act 2015, sections 1 to 3',
    kind: 'section',
    parent: 'modern-slavery-act-2015',
    provisions: ['s1', 's2', 's3'],
    jurisdiction: EW,
    summary:
      'Section 1 makes slavery, servitude and forced or compulsory labour offences, section 2 makes human trafficking an offence and section 3 says what exploitation means. These are the definitions a partnership uses when it describes the harm it works against.',
  }),
  provision({
    id: 'msa-2015-s14-s15',
    title: 'Modern Slavery Act 2015, sections 14 and 15',
    kind: 'section',
    parent: 'modern-slavery-act-2015',
    provisions: ['s14', 's15'],
    jurisdiction: EW,
    summary:
      'Courts can make slavery and trafficking prevention orders to restrict what a person may do. Partners may be asked for information that supports an application.',
  }),
  provision({
    id: 'msa-2015-s23',
    title: 'Modern Slavery Act 2015, section 23',
    kind: 'section',
    parent: 'modern-slavery-act-2015',
    provisions: ['s23'],
    jurisdiction: EW,
    summary:
      'Courts can make slavery and trafficking risk orders against a person who has not been convicted. Like prevention orders, they rely on evidence partners may hold.',
  }),
  provision({
    id: 'msa-2015-s40-s44',
    title: 'Modern Slavery Act 2015, sections 40 to 44',
    kind: 'section',
    parent: 'modern-slavery-act-2015',
    provisions: ['s40', 's41', 's42', 's43', 's44'],
    jurisdiction: EW,
    summary:
      'These sections set up the Independent Anti-slavery Commissioner. The Commissioner can ask public authorities to cooperate and publishes reports a partnership may draw on.',
  }),
  provision({
    id: 'msa-2015-s45',
    title: 'Modern Slavery Act 2015, section 45',
    kind: 'section',
    parent: 'modern-slavery-act-2015',
    provisions: ['s45'],
    jurisdiction: EW,
    summary:
      'A victim who was compelled to commit an offence because of their exploitation may have a defence. Partners should know it exists so that victims are not treated only as offenders.',
  }),
  provision({
    id: 'msa-2015-s48',
    title: 'Modern Slavery Act 2015, section 48',
    kind: 'section',
    parent: 'modern-slavery-act-2015',
    provisions: ['s48'],
    jurisdiction: EW,
    summary:
      'Provides for independent child trafficking advocates, delivered as Independent Child Trafficking Guardians. A partnership working with children should know how to reach the local service.',
  }),
  provision({
    id: 'msa-2015-s49',
    title: 'Modern Slavery Act 2015, section 49',
    kind: 'section',
    parent: 'modern-slavery-act-2015',
    provisions: ['s49'],
    jurisdiction: EW,
    summary:
      'The Home Office must issue guidance on identifying and supporting victims. That guidance is the statutory guidance partners follow day to day.',
  }),
  provision({
    id: 'msa-2015-s52',
    title: 'Modern Slavery Act 2015, section 52',
    kind: 'section',
    parent: 'modern-slavery-act-2015',
    provisions: ['s52'],
    jurisdiction: EW,
    summary:
      'Specified public authorities, among them police forces, local authorities, the National Crime Agency and the GLAA, must notify the Home Office of suspected victims. Where an adult does not consent to an NRM referral, the duty is met by an anonymous Duty to Notify return.',
    extra: [/\bDuty to Notify\b/],
  }),
  provision({
    id: 'msa-2015-s54',
    title: 'Modern Slavery Act 2015, section 54',
    kind: 'section',
    parent: 'modern-slavery-act-2015',
    provisions: ['s54'],
    jurisdiction: UK,
    summary:
      'A commercial organisation with a turnover of GBP 36 million or more must publish an annual slavery and human trafficking statement. Public bodies may publish a voluntary statement on the same model.',
  }),
  {
    id: 'modern-slavery-statutory-guidance',
    title: 'Modern Slavery: Statutory Guidance for England and Wales',
    kind: 'statutory-guidance',
    parent: 'modern-slavery-act-2015',
    jurisdiction: EW,
    reviewed: REVIEWED,
    summary:
      'The Home Office guidance under section 49 on identifying and supporting victims, including how the NRM works. Partners should follow it and say so in their procedures.',
    matchers: [/\bModern Slavery:? Statutory Guidance\b/i],
  },
  // Other nations' anti-trafficking law
  act({
    id: 'human-trafficking-scotland-act-2015',
    title: 'Human Trafficking and Exploitation (Scotland) Act 2015',
    jurisdiction: ['scotland'],
    summary:
      'The anti-trafficking law for Scotland. A partnership in Scotland works to it rather than to the Modern Slavery Act 2015.',
    matchers: [/\bHuman Trafficking and Exploitation \(Scotland\) Act 2015\b/],
  }),
  act({
    id: 'human-trafficking-ni-act-2015',
    title: 'Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (Northern Ireland) 2015',
    jurisdiction: ['northern-ireland'],
    summary:
      'The anti-trafficking law for Northern Ireland. A partnership there works to it rather than to the Modern Slavery Act 2015.',
    matchers: [
      /\bHuman Trafficking and Exploitation \(Criminal Justice and Support for Victims\) Act \(Northern Ireland\) 2015\b/,
    ],
  }),
  act({
    id: 'nationality-and-borders-act-2022',
    title: 'Nationality and Borders Act 2022',
    jurisdiction: UK,
    summary:
      'Part 5 of this Act governs how potential victims are identified. It is where the recovery period after a positive reasonable grounds decision comes from.',
    matchers: [/\bNationality and Borders Act 2022\b/],
  }),
  provision({
    id: 'nba-2022-part-5',
    title: 'Nationality and Borders Act 2022, Part 5',
    kind: 'part',
    parent: 'nationality-and-borders-act-2022',
    provisions: ['pt5'],
    jurisdiction: UK,
    summary:
      'Sets out the identification of potential victims, including a recovery period of at least 30 days after a positive reasonable grounds decision. Partners supporting a person through the NRM work to these timescales.',
  }),
  // Powers and duties that support sharing
  act({
    id: 'crime-and-disorder-act-1998',
    title: 'Crime and Disorder Act 1998',
    jurisdiction: EW,
    summary:
      'The Act behind crime and disorder reduction and Community Safety Partnerships. Its section 115 gives a limited power to share.',
    matchers: [/\bCrime and Disorder Act 1998\b/],
  }),
  provision({
    id: 'cda-1998-s115',
    title: 'Crime and Disorder Act 1998, section 115',
    kind: 'section',
    parent: 'crime-and-disorder-act-1998',
    provisions: ['s115'],
    jurisdiction: EW,
    summary:
      'A power, not a duty, to disclose information to a relevant authority (such as police, a local authority, probation or a health body) where that is necessary or expedient for the purposes of the Act. It does not allow disclosure to a charity or business and does not override data protection law or a duty of confidence.',
  }),
  act({
    id: 'children-act-1989',
    title: 'Children Act 1989',
    jurisdiction: EW,
    summary: 'The framework for local authorities’ work to protect children. Its section 47 sets the duty to make enquiries.',
    matchers: [/\bChildren Act 1989\b/],
  }),
  provision({
    id: 'children-act-1989-s47',
    title: 'Children Act 1989, section 47',
    kind: 'section',
    parent: 'children-act-1989',
    provisions: ['s47*'],
    jurisdiction: EW,
    summary:
      'The local authority must make enquiries where a child may be suffering significant harm, and the bodies named in section 47(11) must assist when asked. It binds only those bodies; other partners share under their own powers.',
  }),
  act({
    id: 'children-act-2004',
    title: 'Children Act 2004',
    jurisdiction: ENG,
    summary: 'Sets duties on named bodies to safeguard children. Its section 11 is the one partnerships rely on.',
    matchers: [/\bChildren Act 2004\b/],
  }),
  provision({
    id: 'children-act-2004-s11',
    title: 'Children Act 2004, section 11',
    kind: 'section',
    parent: 'children-act-2004',
    provisions: ['s11'],
    jurisdiction: ENG,
    summary:
      'Named bodies, among them local authorities, NHS bodies, police and probation, must make arrangements to safeguard and promote the welfare of children. It supports sharing but is not itself a power to disclose.',
  }),
  act({
    id: 'care-act-2014',
    title: 'Care Act 2014',
    jurisdiction: ENG,
    summary:
      'The law on adult care and safeguarding in England. Sections 42 and 45 shape how partners respond to adults at risk.',
    matchers: [/\bCare Act 2014\b/],
  }),
  provision({
    id: 'care-act-2014-s42',
    title: 'Care Act 2014, section 42',
    kind: 'section',
    parent: 'care-act-2014',
    provisions: ['s42'],
    jurisdiction: ENG,
    summary:
      'The local authority must make, or cause, enquiries where an adult with care and support needs is at risk of abuse or neglect and cannot protect themselves; modern slavery is a recognised form of abuse. It is a duty on the local authority, not a gateway for others to share.',
  }),
  provision({
    id: 'care-act-2014-s45',
    title: 'Care Act 2014, section 45',
    kind: 'section',
    parent: 'care-act-2014',
    provisions: ['s45'],
    jurisdiction: ENG,
    summary:
      'A person must supply information a Safeguarding Adults Board asks for to carry out its functions. The duty arises from the board’s request, not from the partnership’s.',
  }),
  {
    id: 'care-and-support-statutory-guidance',
    title: 'Care and Support Statutory Guidance',
    kind: 'statutory-guidance',
    parent: 'care-act-2014',
    jurisdiction: ENG,
    reviewed: REVIEWED,
    summary:
      'Guidance under the Care Act 2014 that recognises modern slavery as a category of abuse. Adult safeguarding procedures follow it.',
    matchers: [/\bCare and Support Statutory Guidance\b/i],
  },
  // Data protection
  act({
    id: 'uk-gdpr',
    title: 'UK GDPR',
    kind: 'regulation',
    jurisdiction: UK,
    summary:
      'The UK’s general data protection law, as amended by the Data (Use and Access) Act 2025. Every partner that is not processing for law enforcement shares under it.',
    matchers: [/\bUK GDPR\b/, /\bUK General Data Protection Regulation\b/],
  }),
  provision({
    id: 'uk-gdpr-art-5',
    title: 'UK GDPR, Article 5',
    kind: 'article',
    parent: 'uk-gdpr',
    provisions: ['art5*'],
    jurisdiction: UK,
    summary:
      'The principles: lawfulness, fairness and transparency; purpose limitation; data minimisation; accuracy; storage limitation; integrity and confidentiality; and accountability. Every clause of a sharing agreement should serve one of them.',
  }),
  provision({
    id: 'uk-gdpr-art-6',
    title: 'UK GDPR, Article 6(1)',
    kind: 'article',
    parent: 'uk-gdpr',
    provisions: [
      'art6',
      'art6(1)',
      'art6(1)(a)',
      'art6(1)(b)',
      'art6(1)(c)',
      'art6(1)(d)',
      'art6(1)(e)',
      'art6(1)(ea)',
      'art6(1)(f)',
      'art6(3)',
    ],
    jurisdiction: UK,
    summary:
      'Each party needs a lawful basis: consent, contract, legal obligation, vital interests, public task, recognised legitimate interest or legitimate interests. Public authorities rarely rely on consent and cannot use legitimate interests for their public tasks.',
  }),
  {
    id: 'uk-gdpr-annex-1',
    title: 'UK GDPR, Annex 1',
    kind: 'schedule',
    parent: 'uk-gdpr',
    provisions: ['annex1'],
    jurisdiction: UK,
    reviewed: REVIEWED,
    summary:
      'Lists the recognised legitimate interests behind Article 6(1)(ea), among them crime prevention, emergencies and safeguarding vulnerable people. No balancing test is needed, but the sharing must still be necessary.',
    matchers: [/\bAnnex 1 (?:to|of) (?:the )?UK GDPR\b/, /\bUK GDPR,? Annex 1\b/],
  },
  provision({
    id: 'uk-gdpr-art-9',
    title: 'UK GDPR, Article 9',
    kind: 'article',
    parent: 'uk-gdpr',
    provisions: ['art9', 'art9(1)', 'art9(2)', 'art9(2)(g)', 'art9(2)(h)'],
    jurisdiction: UK,
    summary:
      'Special category data, such as health, ethnicity or sex life, needs an Article 9(2) condition as well as a lawful basis: usually 9(2)(g) substantial public interest, or 9(2)(h) for health and social care. Each condition is paired with a Data Protection Act 2018 Schedule 1 condition.',
  }),
  provision({
    id: 'uk-gdpr-art-10',
    title: 'UK GDPR, Article 10',
    kind: 'article',
    parent: 'uk-gdpr',
    provisions: ['art10'],
    jurisdiction: UK,
    summary:
      'Criminal offence data may be processed only under official authority or with a Schedule 1 condition. Non-police partners holding such data need to name theirs.',
  }),
  provision({
    id: 'uk-gdpr-art-26-28',
    title: 'UK GDPR, Articles 26 and 28',
    kind: 'article',
    parent: 'uk-gdpr',
    provisions: ['art26*', 'art28*'],
    jurisdiction: UK,
    summary:
      'Joint controllers set out their responsibilities in an arrangement whose essence is available to the people concerned (Article 26). A processor acts only on documented instructions and never decides whether to disclose (Article 28).',
  }),
  provision({
    id: 'uk-gdpr-art-33-34',
    title: 'UK GDPR, Articles 33 and 34',
    kind: 'article',
    parent: 'uk-gdpr',
    provisions: ['art33*', 'art34*'],
    jurisdiction: UK,
    summary:
      'A controller reports a personal data breach to the regulator without undue delay and where feasible within 72 hours, unless it is unlikely to put people at risk. It tells the people affected without undue delay when the risk to them is high.',
  }),
  provision({
    id: 'uk-gdpr-art-35',
    title: 'UK GDPR, Article 35',
    kind: 'article',
    parent: 'uk-gdpr',
    provisions: ['art35*'],
    jurisdiction: UK,
    summary:
      'A data protection impact assessment is needed before processing likely to result in high risk. Large-scale sharing of information about victims of crime usually needs one.',
  }),
  act({
    id: 'data-protection-act-2018',
    title: 'Data Protection Act 2018',
    shortTitle: 'DPA 2018',
    jurisdiction: UK,
    summary:
      'Sits beside UK GDPR: it supplies the Schedule 1 conditions for special category and criminal offence data and, in Part 3, the rules for law enforcement processing. It was amended by the Data (Use and Access) Act 2025.',
    matchers: [/\bData Protection Act 2018\b/, /\bDPA 2018\b/],
  }),
  provision({
    id: 'dpa-2018-s10',
    title: 'Data Protection Act 2018, section 10(5)',
    kind: 'section',
    parent: 'data-protection-act-2018',
    provisions: ['s10(5)', 's10'],
    jurisdiction: UK,
    summary:
      'Criminal offence data processed other than under official authority needs a Schedule 1 condition. It is the link between Article 10 and Schedule 1.',
  }),
  provision({
    id: 'dpa-2018-sch-1',
    title: 'Data Protection Act 2018, Schedule 1',
    kind: 'schedule',
    parent: 'data-protection-act-2018',
    provisions: ['sch1', 'sch1-pt1', 'sch1-pt2', 'sch1-pt4'],
    jurisdiction: UK,
    summary:
      'The conditions that go with Article 9 and Article 10, each with its own tests. Most Part 2 conditions need an appropriate policy document (Part 4) kept by the controller.',
  }),
  provision({
    id: 'dpa-2018-sch-1-para-2',
    title: 'Data Protection Act 2018, Schedule 1, paragraph 2',
    kind: 'schedule',
    parent: 'data-protection-act-2018',
    provisions: ['sch1-para2'],
    jurisdiction: UK,
    summary:
      'The health or social care purposes condition that goes with Article 9(2)(h). NHS and social care parties rely on it.',
  }),
  provision({
    id: 'dpa-2018-sch-1-para-6',
    title: 'Data Protection Act 2018, Schedule 1, paragraph 6',
    kind: 'schedule',
    parent: 'data-protection-act-2018',
    provisions: ['sch1-para6'],
    jurisdiction: UK,
    summary:
      'Statutory and government purposes: processing needed for a function conferred by law, in the substantial public interest. It needs an appropriate policy document.',
  }),
  provision({
    id: 'dpa-2018-sch-1-para-10',
    title: 'Data Protection Act 2018, Schedule 1, paragraph 10',
    kind: 'schedule',
    parent: 'data-protection-act-2018',
    provisions: ['sch1-para10'],
    jurisdiction: UK,
    summary:
      'Preventing or detecting unlawful acts, where the processing must be done without the person’s consent so as not to prejudice that purpose. A party relying on it should record why consent would prejudice the purpose.',
  }),
  provision({
    id: 'dpa-2018-sch-1-para-18',
    title: 'Data Protection Act 2018, Schedule 1, paragraph 18',
    kind: 'schedule',
    parent: 'data-protection-act-2018',
    provisions: ['sch1-para18'],
    jurisdiction: UK,
    summary:
      'Safeguarding a person under 18, or an adult at risk who cannot protect themselves, where consent cannot be given, cannot reasonably be obtained or seeking it would prejudice their protection. The reason consent was not sought should be recorded.',
  }),
  provision({
    id: 'dpa-2018-part-3',
    title: 'Data Protection Act 2018, Part 3',
    kind: 'part',
    parent: 'data-protection-act-2018',
    provisions: ['pt3', 'pt3-ch3'],
    jurisdiction: UK,
    summary:
      'Competent authorities, such as police and prosecutors, process for law enforcement purposes under Part 3 rather than UK GDPR; people’s rights are in Chapter 3. Once police disclose to a body that is not a competent authority, that body processes the data under UK GDPR.',
  }),
  provision({
    id: 'dpa-2018-s35-s42',
    title: 'Data Protection Act 2018, sections 35 and 42',
    kind: 'section',
    parent: 'data-protection-act-2018',
    provisions: ['s35*', 's42*'],
    jurisdiction: UK,
    summary:
      'Law enforcement processing must be lawful and fair, and sensitive processing must be strictly necessary and meet a Schedule 8 condition (s35). The police keep an appropriate policy document for it (s42).',
  }),
  provision({
    id: 'dpa-2018-sch-8',
    title: 'Data Protection Act 2018, Schedule 8',
    kind: 'schedule',
    parent: 'data-protection-act-2018',
    provisions: ['sch8'],
    jurisdiction: UK,
    summary:
      'The conditions for sensitive processing under Part 3. Police parties name the condition they rely on in their own policy document.',
  }),
  provision({
    id: 'dpa-2018-s62',
    title: 'Data Protection Act 2018, section 62',
    kind: 'section',
    parent: 'data-protection-act-2018',
    provisions: ['s62*'],
    jurisdiction: UK,
    summary:
      'Police systems must log collection, alteration, consultation, disclosure, combination and erasure of personal data. A sharing agreement can rely on those logs to show what was disclosed.',
  }),
  provision({
    id: 'dpa-2018-s67-s68',
    title: 'Data Protection Act 2018, sections 67 and 68',
    kind: 'section',
    parent: 'data-protection-act-2018',
    provisions: ['s67*', 's68*'],
    jurisdiction: UK,
    summary:
      'The breach reporting and notification rules for Part 3 processing, matching Articles 33 and 34. Police parties follow these for their own copies.',
  }),
  provision({
    id: 'dpa-2018-s121',
    title: 'Data Protection Act 2018, section 121',
    kind: 'section',
    parent: 'data-protection-act-2018',
    provisions: ['s121'],
    jurisdiction: UK,
    summary:
      'Requires the regulator to publish a code of practice on data sharing. The Data Sharing Code of Practice is that code.',
  }),
  provision({
    id: 'dpa-2018-s164a',
    title: 'Data Protection Act 2018, section 164A',
    kind: 'section',
    parent: 'data-protection-act-2018',
    provisions: ['s164A*'],
    jurisdiction: UK,
    summary:
      'From 19 June 2026 every controller must make it easy to complain to it, acknowledge a complaint within 30 days, look into it without undue delay and give the outcome. People are expected to complain to the controller before the regulator.',
  }),
  act({
    id: 'data-use-and-access-act-2025',
    title: 'Data (Use and Access) Act 2025',
    jurisdiction: UK,
    summary:
      'Amended UK GDPR and the Data Protection Act 2018, mostly from 5 February 2026 and finally from 19 June 2026. Sharing agreements written before then may describe the law as it was.',
    matchers: [/\bData \(Use and Access\) Act 2025\b/],
  }),
  provision({
    id: 'duaa-2025-s70',
    title: 'Data (Use and Access) Act 2025, section 70',
    kind: 'section',
    parent: 'data-use-and-access-act-2025',
    provisions: ['s70'],
    jurisdiction: UK,
    summary:
      'Added recognised legitimate interest, Article 6(1)(ea), and made clear that Article 6(1)(e) covers a task of the controller itself. Recognised legitimate interest is not for public authorities performing their own tasks.',
  }),
  provision({
    id: 'duaa-2025-s103',
    title: 'Data (Use and Access) Act 2025, section 103',
    kind: 'section',
    parent: 'data-use-and-access-act-2025',
    provisions: ['s103'],
    jurisdiction: UK,
    summary:
      'Inserted section 164A into the Data Protection Act 2018, the duty on controllers to handle complaints. Each party needs its own complaints route.',
  }),
  {
    id: 'duaa-2025-commencement-6',
    title: 'Data (Use and Access) Act 2025 (Commencement No. 6) Regulations 2026',
    shortTitle: 'SI 2026/82',
    kind: 'regulation',
    parent: 'data-use-and-access-act-2025',
    jurisdiction: UK,
    reviewed: REVIEWED,
    summary:
      'Brought most of the Act’s data protection changes into force on 5 February 2026. A review of an agreement should check it against the law from that date.',
    matchers: [/\bCommencement No\.? 6\)? Regulations\b/, /\bSI 2026\/82\b/],
  },
  {
    id: 'ico-data-sharing-code',
    title: 'Data Sharing Code of Practice',
    kind: 'code',
    parent: 'data-protection-act-2018',
    jurisdiction: UK,
    reviewed: REVIEWED,
    summary:
      'The regulator’s statutory code on data sharing, in force since 5 October 2021. It lists what a data sharing agreement should cover, and a partnership’s agreement should follow it.',
    matchers: [/\bData Sharing Code(?: of Practice)?\b/i],
  },
  act({
    id: 'freedom-of-information-act-2000',
    title: 'Freedom of Information Act 2000',
    jurisdiction: ['england', 'wales', 'northern-ireland', 'uk'],
    summary:
      'Public authorities must answer requests for information they hold, so an agreement or minutes held by them may be disclosed. Partnership papers should be written on that assumption.',
    matchers: [/\bFreedom of Information Act 2000\b/, /\bFOIA 2000\b/],
  }),
  act({
    id: 'freedom-of-information-scotland-act-2002',
    title: 'Freedom of Information (Scotland) Act 2002',
    jurisdiction: ['scotland'],
    summary:
      'The Scottish equivalent of the Freedom of Information Act 2000, for Scottish public authorities. Papers held by them may be requested and disclosed.',
    matchers: [/\bFreedom of Information \(Scotland\) Act 2002\b/],
  }),
  act({
    id: 'employment-rights-act-2025',
    title: 'Employment Rights Act 2025',
    jurisdiction: ['great-britain'],
    summary:
      'Sets up the Fair Work Agency, which from April 2026 brings together the labour-market enforcement of the GLAA, the Employment Agency Standards Inspectorate and HMRC’s minimum wage enforcement. A partnership should check which body its local labour-exploitation contact now belongs to.',
    matchers: [/\bEmployment Rights Act 2025\b/],
  }),
  {
    id: 'government-security-classifications',
    title: 'Government Security Classifications',
    kind: 'policy',
    jurisdiction: UK,
    reviewed: REVIEWED,
    summary:
      'The marking scheme: OFFICIAL, SECRET and TOP SECRET, with OFFICIAL-SENSITIVE as a marking within OFFICIAL for information that could cause harm if lost. Partnership documents are OFFICIAL, and case information is marked OFFICIAL-SENSITIVE.',
    matchers: [/\bGovernment Security Classifications?\b/],
  },
];

const byId = new Map(CITABLE_LAW.map((e) => [e.id, e]));
export const citableLaw = (id: string): CitableLaw | undefined => byId.get(id);
