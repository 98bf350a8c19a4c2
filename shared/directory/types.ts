/** What other areas see of the partner directory (read through the directory.* channels). */

/** An organisation as pickers and documents show it. */
export type DirectoryOrganisation = {
  id: number;
  name: string;
  sector: string;
  membership: string;
  archived: boolean;
  /** People in a current post there who are not archived. */
  currentPeople: number;
};

/** A contact is a person in a post: the post id identifies them. */
export type DirectoryContact = {
  id: number;
  personId: number;
  name: string;
  jobTitle: string;
  organisation: string;
  organisationId: number;
  email: string;
  phone: string;
  isSpoc: boolean;
};

/** A person with their main current post (the SPOC post first, then the oldest), if any. */
export type DirectoryPerson = {
  id: number;
  name: string;
  archived: boolean;
  postId: number | null;
  organisationId: number | null;
  organisationName: string;
  jobTitle: string;
  email: string;
  phone: string;
};

/** A member organisation with who to put down for it: its single point of contact and its most senior contact. */
export type DirectoryMemberOrganisation = DirectoryOrganisation & {
  spoc: DirectoryContact | null;
  senior: DirectoryContact | null;
};

/** One record a removal would affect, in words, with where to look at it. */
export type ImpactItem = {
  kind: 'document' | 'action' | 'meeting' | 'settings';
  /** The record's id in its area (null for Settings). */
  id: number | null;
  title: string;
  /** What happens to it, or how it names the record, in plain words. */
  detail: string;
};

/** What archiving an organisation or erasing a person would affect, before it is done. */
export type RemovalImpact = { subject: string; items: ImpactItem[] };
