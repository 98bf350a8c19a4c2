/**
 * The example partnership's membership history and partner agency returns, so its annual report
 * has something to show. Invented, like the rest of the example. Dates are days before the day it
 * is loaded; returns are for the year it is loaded in.
 */
export type ExampleMembershipEvent = {
  organisation: string;
  daysAgo: number;
  kind: 'joined' | 'left' | 'tier_changed';
  membership: 'core' | 'associate' | 'observer' | 'former';
  previous: 'core' | 'associate' | 'observer' | 'former' | null;
};

export type ExampleReturn = {
  organisation: string;
  requestedDaysAgo: number;
  /** null: requested but not back yet. */
  returnedDaysAgo: number | null;
  pursue: string;
  prevent: string;
  protect: string;
  prepare: string;
  highlights: string;
  challenges: string;
};

export const EXAMPLE_MEMBERSHIP: readonly ExampleMembershipEvent[] = [
  { organisation: 'Northshire Police', daysAgo: 2200, kind: 'joined', membership: 'core', previous: null },
  { organisation: 'Northshire County Council', daysAgo: 2200, kind: 'joined', membership: 'core', previous: null },
  { organisation: 'NHS Northshire Integrated Care Board', daysAgo: 1500, kind: 'joined', membership: 'core', previous: null },
  { organisation: 'The Salvation Army', daysAgo: 1100, kind: 'joined', membership: 'core', previous: null },
  { organisation: 'Northshire Fire and Rescue Service', daysAgo: 700, kind: 'joined', membership: 'observer', previous: null },
  {
    organisation: 'Northshire Fire and Rescue Service',
    daysAgo: 60,
    kind: 'tier_changed',
    membership: 'associate',
    previous: 'observer',
  },
  { organisation: 'Northshire Chamber of Commerce', daysAgo: 420, kind: 'joined', membership: 'observer', previous: null },
  {
    organisation: 'Gangmasters and Labour Abuse Authority',
    daysAgo: 150,
    kind: 'joined',
    membership: 'associate',
    previous: null,
  },
];

export const EXAMPLE_RETURNS: readonly ExampleReturn[] = [
  {
    organisation: 'Northshire Police',
    requestedDaysAgo: 40,
    returnedDaysAgo: 20,
    pursue: 'Two joint operations with the GLAA at car washes and a food factory; both led to referrals and one charge.',
    prevent: 'Awareness briefings for response officers in every district.',
    protect: 'First responder training refreshed for the public protection unit.',
    prepare: 'A single point of contact for modern slavery in each district.',
    highlights: 'Faster referrals after the first responder training.',
    challenges: 'Keeping in touch with survivors after they move out of the area.',
  },
  {
    organisation: 'The Salvation Army',
    requestedDaysAgo: 40,
    returnedDaysAgo: 12,
    pursue: '',
    prevent: 'Drop-in sessions at two community centres on spotting exploitation.',
    protect: 'Support for survivors in safe houses and outreach in the county.',
    prepare: 'Joined the board’s working group on the referral pathway.',
    highlights: 'More survivors supported into housing than last year.',
    challenges: 'Waiting times for decisions on referrals.',
  },
  {
    organisation: 'Northshire County Council',
    requestedDaysAgo: 40,
    returnedDaysAgo: null,
    pursue: '',
    prevent: '',
    protect: '',
    prepare: '',
    highlights: '',
    challenges: '',
  },
  {
    organisation: 'NHS Northshire Integrated Care Board',
    requestedDaysAgo: 40,
    returnedDaysAgo: null,
    pursue: '',
    prevent: '',
    protect: '',
    prepare: '',
    highlights: '',
    challenges: '',
  },
];
