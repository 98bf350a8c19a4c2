import type { FourP } from '../meetings/model';
import type { ComputedSource, Direction, Frequency } from '../plans/model';

/**
 * The example partnership's plan: a three-year strategy with priorities under the 4 Ps, numbered
 * objectives, activities that are actions in the action log (existing ones named by their
 * description, new ones with an owner and a due date in days from loading) and indicators, some
 * typed in with readings for the last few quarters, some worked out from the records.
 * Invented for the example; every sentence is Concordat's own.
 */
export type ExampleIndicator = {
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  direction: Direction;
  frequency: Frequency;
  source: 'manual' | ComputedSource;
  /** For a manual indicator: figures for the last quarters, oldest first, the last one for the quarter before this. */
  quarterly?: number[];
};

export type ExampleObjective = {
  text: string;
  /** Descriptions of example actions already in the action log. */
  linkActions?: string[];
  /** New activities: made in the action log and linked. */
  activities?: { description: string; owner: string; dueInDays: number; status: 'open' | 'in_progress' | 'done' }[];
  indicators?: ExampleIndicator[];
};

export type ExamplePlan = {
  title: string;
  vision: string;
  priorities: {
    title: string;
    description: string;
    fourPs: FourP[];
    objectives: ExampleObjective[];
    indicators: ExampleIndicator[];
  }[];
};

export const EXAMPLE_PLAN: ExamplePlan = {
  title: 'Northshire anti-slavery strategy',
  vision:
    'Northshire is a hard place to exploit people. Staff in every member organisation know the signs and what to do, victims are found early and supported to recover, and those who exploit them are disrupted and brought to justice.',
  priorities: [
    {
      title: 'Find and disrupt exploitation',
      description: 'Use what members know to spot exploitation early and act on it together.',
      fourPs: ['pursue', 'prepare'],
      objectives: [
        {
          text: 'Build a shared picture of where labour exploitation happens in the county',
          linkActions: ['Map hand car washes in the county with licensing and trading standards'],
        },
        {
          text: 'Bring enforcement bodies that are missing onto the board',
          linkActions: ['Invite HMRC and the DWP to join the board'],
        },
      ],
      indicators: [
        {
          name: 'Duty to Notify returns from the area',
          unit: 'returns',
          baseline: 18,
          target: 30,
          direction: 'higher',
          frequency: 'quarterly',
          source: 'manual',
          quarterly: [18, 22, 25, 28],
        },
      ],
    },
    {
      title: 'Support victims and survivors',
      description:
        'Make sure everyone who is found is offered support, whether or not they enter the National Referral Mechanism.',
      fourPs: ['protect'],
      objectives: [
        {
          text: 'Agree a route to support for adults who decline a referral',
          linkActions: ['Agree a referral route for adults who decline a National Referral Mechanism referral'],
        },
        {
          text: 'Train first responders in every member organisation',
          linkActions: ['Circulate the first responder training dates to all members'],
          indicators: [
            {
              name: 'People trained',
              unit: 'people',
              baseline: 10,
              target: 40,
              direction: 'higher',
              frequency: 'yearly',
              source: 'people_trained',
            },
          ],
        },
      ],
      indicators: [
        {
          name: 'NRM referrals from the area',
          unit: 'referrals',
          baseline: 40,
          target: 60,
          direction: 'higher',
          frequency: 'quarterly',
          source: 'manual',
          quarterly: [41, 47, 52, 57],
        },
      ],
    },
    {
      title: 'Raise awareness and prevent exploitation',
      description: 'Reach professionals, employers and communities so that exploitation is recognised and reported.',
      fourPs: ['prevent'],
      objectives: [
        {
          text: 'Brief health services on the signs of exploitation',
          linkActions: ['Brief GP practices on signs of exploitation'],
        },
      ],
      indicators: [
        {
          name: 'Member sectors at board meetings',
          unit: '%',
          baseline: 50,
          target: 80,
          direction: 'higher',
          frequency: 'yearly',
          source: 'attendance_by_sector',
        },
        {
          name: 'Actions done on time',
          unit: '%',
          baseline: 50,
          target: 75,
          direction: 'higher',
          frequency: 'yearly',
          source: 'actions_on_time',
        },
      ],
    },
  ],
};
