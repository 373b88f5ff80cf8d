import type { Approach } from '../../src/features/risk/rules';

/**
 * People who take the intake in their own words, with the outcome the seed article's framework and
 * clinical-facts.md call for (written from the framework, not from the code's output). `dev` personas were
 * used while building; `test` personas were written at the same time and never tuned on.
 */
export interface Persona {
  id: string;
  split: 'dev' | 'test';
  /** Answers by question id, in the person's words. */
  says: {
    products: string;
    age?: string;
    startedAgo: string;
    /** Reply to "more or less than six months?" if the duration is not known. */
    durationBand?: string;
    startDose?: string;
    currentDose: string;
    /** Reply to the rough ranges if the amount is not known. */
    doseBand?: string;
    /** Reply to "how many extract shots a day?" when they use leaf and extracts and gave grams. */
    shotsPerDay?: string;
    timesPerDay: string;
    rotation?: string;
    substances?: string;
    pregnant?: string;
    earlierStop?: string;
    goal?: string;
  };
  expect: {
    handoff: boolean;
    approach: Approach;
    /** The daily amount as read: grams, a counted unit, a range, or unknown. */
    dose: { amount: number; unit: string } | { band: string } | 'unknown';
    young?: boolean;
  };
}

const g = (amount: number) => ({ amount, unit: 'g' });

export const PERSONAS: Persona[] = [
  // ---- dev ----
  {
    id: 'd01-leaf-8g-2y',
    split: 'dev',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '2 years',
      startDose: '3 g',
      currentDose: '8 grams',
      timesPerDay: 'twice',
    },
    expect: { handoff: false, approach: 'gradualTaper', dose: g(8) },
  },
  {
    id: 'd02-leaf-fast',
    split: 'dev',
    says: {
      products: 'plain leaf',
      age: "I'm 29",
      startedAgo: '4 months',
      startDose: '2 g',
      currentDose: '6 g',
      timesPerDay: 'once',
    },
    expect: { handoff: false, approach: 'stopOrShortTaper', dose: g(6) },
  },
  {
    id: 'd03-leaf-12g',
    split: 'dev',
    says: {
      products: 'powder',
      age: 'skip',
      startedAgo: '3 years',
      startDose: '4 g',
      currentDose: '12 g',
      timesPerDay: '3',
    },
    expect: { handoff: true, approach: 'taperWithClinicalSupport', dose: g(12) },
  },
  {
    id: 'd04-leaf-20g',
    split: 'dev',
    says: {
      products: 'leaf powder',
      age: 'no',
      startedAgo: '5 years',
      startDose: '5 g',
      currentDose: '20 grams',
      timesPerDay: '4',
    },
    expect: { handoff: true, approach: 'supportedTaperOrMedicine', dose: g(20) },
  },
  {
    id: 'd05-extract-shots',
    split: 'dev',
    says: {
      products: 'extract shots',
      age: 'no',
      startedAgo: '1 year',
      startDose: '1 shot',
      currentDose: 'two shots a day',
      timesPerDay: 'twice',
    },
    expect: { handoff: true, approach: 'extractToLeafThenTaper', dose: { amount: 2, unit: 'shot' } },
  },
  {
    id: 'd06-7oh-tablets',
    split: 'dev',
    says: {
      products: '7-OH tablets',
      age: 'no',
      startedAgo: '6 months',
      startDose: '1 tablet',
      currentDose: '3 tablets',
      timesPerDay: '3',
    },
    expect: { handoff: true, approach: 'medicalSupportFirst', dose: { amount: 3, unit: 'tablet' } },
  },
  {
    id: 'd07-leaf-benzos',
    split: 'dev',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '2 years',
      startDose: '2 g',
      currentDose: '5 g',
      timesPerDay: 'twice',
      substances: 'xanax',
    },
    expect: { handoff: true, approach: 'taperWithClinicalSupport', dose: g(5) },
  },
  {
    id: 'd08-leaf-pregnant',
    split: 'dev',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '1 year',
      startDose: '2 g',
      currentDose: '4 g',
      timesPerDay: 'twice',
      pregnant: 'yes',
    },
    expect: { handoff: true, approach: 'taperWithClinicalSupport', dose: g(4) },
  },
  {
    id: 'd09-sixteen',
    split: 'dev',
    says: {
      products: 'powder',
      age: "I'm 16",
      startedAgo: '5 months',
      startDose: '1 g',
      currentDose: '4 g',
      timesPerDay: 'twice',
    },
    expect: { handoff: true, approach: 'adultAndClinicianFirst', dose: g(4), young: true },
  },
  {
    id: 'd10-dose-unknown',
    split: 'dev',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '2 years',
      startDose: "don't know",
      currentDose: 'no idea',
      doseBand: 'I really don’t know',
      timesPerDay: 'twice',
    },
    expect: { handoff: true, approach: 'taperWithClinicalSupport', dose: 'unknown' },
  },
  {
    id: 'd11-band-15plus',
    split: 'dev',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '3 years',
      startDose: "don't know",
      currentDose: 'not sure',
      doseBand: '15 g or more',
      timesPerDay: '4',
    },
    expect: { handoff: true, approach: 'supportedTaperOrMedicine', dose: { band: 'atLeast15' } },
  },
  {
    id: 'd12-early-relapse',
    split: 'dev',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '3 months',
      startDose: '2 g',
      currentDose: '7 g',
      timesPerDay: 'twice',
      earlierStop: 'I went back on day 3',
    },
    expect: { handoff: false, approach: 'taperWithSupport', dose: g(7) },
  },
  {
    id: 'd13-every-2-hours',
    split: 'dev',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '8 months',
      startDose: '2 g',
      currentDose: '6 g',
      timesPerDay: 'every 2 hours',
    },
    expect: { handoff: false, approach: 'taperWithSupport', dose: g(6) },
  },
  {
    id: 'd14-leaf-alcohol',
    split: 'dev',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '1 year',
      startDose: '3 g',
      currentDose: '9 g',
      timesPerDay: '3',
      substances: 'alcohol',
    },
    expect: { handoff: true, approach: 'taperWithClinicalSupport', dose: g(9) },
  },
  {
    id: 'd15-capsules',
    split: 'dev',
    says: {
      products: 'capsules',
      age: 'no',
      startedAgo: '2 years',
      startDose: '4 capsules',
      currentDose: '12 capsules',
      timesPerDay: '3',
    },
    expect: { handoff: false, approach: 'gradualTaper', dose: g(6) },
  },
  {
    id: 'd16-teaspoons',
    split: 'dev',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '8 months',
      startDose: '1 teaspoon',
      currentDose: '3 teaspoons',
      timesPerDay: '3',
    },
    expect: { handoff: false, approach: 'gradualTaper', dose: g(7.5) },
  },
  {
    id: 'd17-teen-extract',
    split: 'dev',
    says: {
      products: 'extract shots',
      age: '17',
      startedAgo: '3 months',
      startDose: '1 shot',
      currentDose: '2 shots',
      timesPerDay: 'twice',
    },
    expect: { handoff: true, approach: 'adultAndClinicianFirst', dose: { amount: 2, unit: 'shot' }, young: true },
  },
  {
    id: 'd18-leaf-2g-rotation',
    split: 'dev',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '1 month',
      startDose: '1 g',
      currentDose: '2 g',
      timesPerDay: 'once',
      rotation: 'yes',
    },
    expect: { handoff: false, approach: 'stopOrShortTaper', dose: g(2) },
  },
  {
    id: 'd19-exactly-10g',
    split: 'dev',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '5 months',
      startDose: '3 g',
      currentDose: '10 grams',
      timesPerDay: 'twice',
    },
    expect: { handoff: true, approach: 'taperWithClinicalSupport', dose: g(10) },
  },
  {
    id: 'd20-gabapentin',
    split: 'dev',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '2 years',
      startDose: '1 g',
      currentDose: '3 g',
      timesPerDay: 'twice',
      substances: 'gabapentin',
    },
    expect: { handoff: true, approach: 'taperWithClinicalSupport', dose: g(3) },
  },
  {
    id: 'd21-opioid-pills',
    split: 'dev',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '4 months',
      startDose: '2 g',
      currentDose: '8 g',
      timesPerDay: 'twice',
      substances: 'oxycodone',
    },
    expect: { handoff: true, approach: 'taperWithClinicalSupport', dose: g(8) },
  },
  {
    id: 'd22-45-14g',
    split: 'dev',
    says: {
      products: 'powder',
      age: "I'm 45",
      startedAgo: '4 years',
      startDose: '5 g',
      currentDose: '14 g',
      timesPerDay: '3',
    },
    expect: { handoff: true, approach: 'taperWithClinicalSupport', dose: g(14) },
  },
  {
    id: 'd23-duration-band',
    split: 'dev',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: 'not sure',
      durationBand: 'less than 6 months',
      startDose: '2 g',
      currentDose: '5 g',
      timesPerDay: 'twice',
    },
    expect: { handoff: false, approach: 'stopOrShortTaper', dose: g(5) },
  },
  {
    id: 'd24-25g',
    split: 'dev',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '6 years',
      startDose: '3 g',
      currentDose: 'around 25 grams',
      timesPerDay: '5',
    },
    expect: { handoff: true, approach: 'supportedTaperOrMedicine', dose: g(25) },
  },
  // ---- test (never tuned on) ----
  {
    id: 't01-9.5g-6y',
    split: 'test',
    says: {
      products: 'plain leaf powder',
      age: 'nope',
      startedAgo: '6 years',
      startDose: '2 g',
      currentDose: '9.5 g',
      timesPerDay: 'twice',
    },
    expect: { handoff: false, approach: 'gradualTaper', dose: g(9.5) },
  },
  {
    id: 't02-7oh',
    split: 'test',
    says: {
      products: '7oh',
      age: 'no',
      startedAgo: '2 months',
      startDose: '1 tablet',
      currentDose: '2 tablets',
      timesPerDay: 'twice',
    },
    expect: { handoff: true, approach: 'medicalSupportFirst', dose: { amount: 2, unit: 'tablet' } },
  },
  {
    id: 't03-fifteen',
    split: 'test',
    says: {
      products: 'powder',
      age: "I'm 15",
      startedAgo: '2 months',
      startDose: '1 g',
      currentDose: '2 g',
      timesPerDay: 'once',
    },
    expect: { handoff: true, approach: 'adultAndClinicianFirst', dose: g(2), young: true },
  },
  {
    id: 't04-pregnant-fast',
    split: 'test',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '3 months',
      startDose: '2 g',
      currentDose: '5 g',
      timesPerDay: 'twice',
      pregnant: 'yes I am',
    },
    expect: { handoff: true, approach: 'taperWithClinicalSupport', dose: g(5) },
  },
  {
    id: 't05-beers',
    split: 'test',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '1 year',
      startDose: '2 g',
      currentDose: '6 g',
      timesPerDay: 'twice',
      substances: 'a few beers every night',
    },
    expect: { handoff: true, approach: 'taperWithClinicalSupport', dose: g(6) },
  },
  {
    id: 't06-relapse-day2',
    split: 'test',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '2 months',
      startDose: '1 g',
      currentDose: '3 g',
      timesPerDay: 'twice',
      earlierStop: 'I went back on day 2',
    },
    expect: { handoff: false, approach: 'taperWithSupport', dose: g(3) },
  },
  {
    id: 't07-liquid-shot',
    split: 'test',
    says: {
      products: 'liquid extract shots',
      age: 'no',
      startedAgo: '1 year',
      startDose: '1 shot',
      currentDose: '1 shot',
      timesPerDay: 'once',
    },
    expect: { handoff: true, approach: 'extractToLeafThenTaper', dose: { amount: 1, unit: 'shot' } },
  },
  {
    id: 't08-powder-and-shot',
    split: 'test',
    says: {
      products: 'powder and sometimes a shot',
      age: 'no',
      startedAgo: '2 years',
      startDose: '3 g',
      currentDose: '8 g',
      shotsPerDay: 'one',
      timesPerDay: '3',
    },
    expect: { handoff: true, approach: 'extractToLeafThenTaper', dose: g(8) },
  },
  {
    id: 't09-18g-fast',
    split: 'test',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '4 months',
      startDose: '5 g',
      currentDose: '18 g',
      timesPerDay: '3',
    },
    expect: { handoff: true, approach: 'supportedTaperOrMedicine', dose: g(18) },
  },
  {
    id: 't10-range',
    split: 'test',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: 'a year and a half',
      startDose: '2 g',
      currentDose: '8 to 10 grams',
      timesPerDay: 'twice',
    },
    expect: { handoff: false, approach: 'gradualTaper', dose: g(9) },
  },
  {
    id: 't11-ten-a-day',
    split: 'test',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '2 years',
      startDose: '1 g',
      currentDose: '4 g',
      timesPerDay: '10 times a day',
    },
    expect: { handoff: false, approach: 'taperWithSupport', dose: g(4) },
  },
  {
    id: 't12-band-under10',
    split: 'test',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '2 years',
      startDose: "don't know",
      currentDose: 'no clue',
      doseBand: 'less than 10 g',
      timesPerDay: 'twice',
    },
    expect: { handoff: false, approach: 'gradualTaper', dose: { band: 'under10' } },
  },
  {
    id: 't13-relapse-later',
    split: 'test',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '1 year',
      startDose: '2 g',
      currentDose: '7 g',
      timesPerDay: 'twice',
      earlierStop: 'I stayed off for a month',
    },
    expect: { handoff: false, approach: 'gradualTaper', dose: g(7) },
  },
  {
    id: 't14-eighteen',
    split: 'test',
    says: {
      products: 'powder',
      age: "I'm 18",
      startedAgo: '3 years',
      startDose: '1 g',
      currentDose: '5 g',
      timesPerDay: 'twice',
    },
    expect: { handoff: false, approach: 'gradualTaper', dose: g(5) },
  },
  {
    id: 't15-11g-xanax',
    split: 'test',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '2 years',
      startDose: '3 g',
      currentDose: '11 g',
      timesPerDay: '3',
      substances: 'xanax',
    },
    expect: { handoff: true, approach: 'taperWithClinicalSupport', dose: g(11) },
  },
  {
    id: 't16-20-caps',
    split: 'test',
    says: {
      products: 'capsules',
      age: 'no',
      startedAgo: '2 years',
      startDose: '6 caps',
      currentDose: '20 caps',
      timesPerDay: '4',
    },
    expect: { handoff: true, approach: 'taperWithClinicalSupport', dose: g(10) },
  },
  {
    id: 't17-1g-2weeks',
    split: 'test',
    says: {
      products: 'powder',
      age: 'no',
      startedAgo: '3 weeks',
      startDose: '1 g',
      currentDose: '1 g',
      timesPerDay: 'once',
    },
    expect: { handoff: false, approach: 'stopOrShortTaper', dose: g(1) },
  },
  {
    id: 't18-yes-under-18',
    split: 'test',
    says: {
      products: 'powder',
      age: 'yes',
      startedAgo: '1 year',
      startDose: '2 g',
      currentDose: '6 g',
      timesPerDay: 'twice',
    },
    expect: { handoff: true, approach: 'adultAndClinicianFirst', dose: g(6), young: true },
  },
];
