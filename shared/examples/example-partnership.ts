import { z } from 'zod';
import { emailOrEmpty, shortText } from '../contract/common';
import { organisationInput, phoneOrEmpty } from '../partners/domain';
import { exampleRecordsSchema } from './example-records';

/**
 * The example partnership a new user can load to explore Concordat (resources/examples/). Every
 * organisation, person, address, email address and phone number in it is invented: emails use
 * `.example` domains and phone numbers Ofcom's drama ranges.
 */
export const examplePersonSchema = z
  .object({
    name: shortText('Name').min(1),
    pronouns: shortText('Pronouns'),
    jobTitle: shortText('Job title'),
    /** The name of one of the example organisations. */
    organisation: shortText('Organisation').min(1),
    email: emailOrEmpty,
    phone: phoneOrEmpty,
    isSpoc: z.boolean(),
  })
  .strict();

export const examplePartnershipSchema = z
  .object({
    partnership: z
      .object({
        name: shortText('Partnership name').min(1),
        area: shortText('Area'),
        coordinatorName: shortText('Coordinator name'),
        coordinatorEmail: emailOrEmpty,
      })
      .strict(),
    organisations: z.array(organisationInput).min(1),
    people: z.array(examplePersonSchema).min(1),
    /** Meetings, actions, agreed documents and training, so the checklist finds real evidence. */
    records: exampleRecordsSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const names = new Set(v.organisations.map((o) => o.name));
    v.people.forEach((p, i) => {
      if (!names.has(p.organisation))
        ctx.addIssue({
          code: 'custom',
          path: ['people', i, 'organisation'],
          message: `No example organisation "${p.organisation}"`,
        });
    });
  });

export type ExamplePartnership = z.infer<typeof examplePartnershipSchema>;

/** What loading the example partnership added, and what it left alone because it was there already. */
export type ExampleLoadResult = {
  organisationsAdded: number;
  organisationsSkipped: number;
  peopleAdded: number;
  peopleSkipped: number;
  settingsUpdated: boolean;
  /** Meetings, actions, documents and training records added (0 when they were there already). */
  recordsAdded?: number;
};

/** The settings a new database starts with; only these are replaced by the example's. */
export const DEFAULT_PARTNERSHIP_NAME = 'My anti-slavery partnership';
