// Fictional people and companies for the demo fair. Ids are fixed so the seed is idempotent.
import 'server-only';

export const DEMO_EVENT = {
  slug: 'demo-fair',
  name: 'Fairground Demo Career Fair',
  timeZone: 'Europe/Berlin',
  description:
    'A two-day fair to try everything at once: today is virtual and open all day, tomorrow is in person in Berlin. Meet six companies, browse their jobs and talk to their recruiters.',
};

type DemoCompany = {
  slug: string;
  name: string;
  tagline: string;
  industry: string;
  location: string;
  size: string;
  description: string;
  faqs: [string, string][];
  jobs: [string, string, string][];
  recruiters: [string, string][];
};

export const DEMO_COMPANIES: DemoCompany[] = [
  {
    slug: 'northwind-analytics', name: 'Northwind Analytics', tagline: 'Decisions from data, not guesses', industry: 'Data & AI', location: 'Amsterdam', size: '200–500',
    description: 'Northwind builds forecasting tools for retailers across Europe. Small teams own whole products, from data pipeline to the screen a store manager uses every morning.',
    faqs: [['Do you sponsor visas?', 'Yes, for all engineering roles in Amsterdam.'], ['How many days in the office?', 'Two days a week; the rest is up to your team.'], ['What is the interview process?', 'A call, a take-home or pairing session (your choice), and a team conversation.']],
    jobs: [['Data Engineer', 'Amsterdam', 'Full-time'], ['Machine Learning Engineer', 'Amsterdam / remote', 'Full-time'], ['Product Analyst Intern', 'Amsterdam', 'Internship']],
    recruiters: [['Nora Visser', 'Lead Talent Partner, Engineering'], ['Tom Bakker', 'Technical Recruiter']],
  },
  {
    slug: 'bluefin-robotics', name: 'Bluefin Robotics', tagline: 'Robots for the ocean floor', industry: 'Robotics', location: 'Hamburg', size: '50–200',
    description: 'Bluefin designs autonomous underwater vehicles that inspect offshore wind farms. Hardware, firmware and software people work side by side in one hall.',
    faqs: [['Do I need a robotics degree?', 'No. Half of our engineers came from other fields.'], ['Is there travel?', 'Some roles join sea trials a few weeks a year.'], ['Do you hire working students?', 'Yes, in firmware and test engineering.']],
    jobs: [['Embedded Software Engineer', 'Hamburg', 'Full-time'], ['Test Engineer', 'Hamburg', 'Full-time'], ['Working Student Firmware', 'Hamburg', 'Part-time']],
    recruiters: [['Jonas Weber', 'Head of People'], ['Lea Schmidt', 'Recruiter']],
  },
  {
    slug: 'cedar-health', name: 'Cedar Health', tagline: 'Care that follows the patient', industry: 'Health tech', location: 'Berlin', size: '500–1000',
    description: 'Cedar connects hospitals, GPs and patients on one record. We care about privacy, accessibility and software that nurses actually like.',
    faqs: [['Which languages do teams speak?', 'English at work; German helps for customer-facing roles.'], ['Do you offer part-time?', 'Yes, from 24 hours a week.'], ['How do you handle health data?', 'Hosted in the EU, ISO 27001 certified, privacy reviews on every feature.']],
    jobs: [['Frontend Engineer (React)', 'Berlin / remote', 'Full-time'], ['UX Researcher', 'Berlin', 'Full-time'], ['Clinical Product Specialist', 'Berlin', 'Full-time']],
    recruiters: [['Amira Haddad', 'Talent Acquisition Lead'], ['Felix Braun', 'Recruiter, Product & Design']],
  },
  {
    slug: 'lumen-energy', name: 'Lumen Energy', tagline: 'Balancing the grid, one battery at a time', industry: 'Energy', location: 'Munich', size: '200–500',
    description: 'Lumen runs software that trades and dispatches home batteries and heat pumps to keep the grid stable.',
    faqs: [['Is the work on-call?', 'Platform teams share a weekly rotation, paid extra.'], ['Do you hire graduates?', 'Yes, into a 12-month rotation programme.'], ['Can I work from another country?', 'Within the EU, for up to 60 days a year.']],
    jobs: [['Backend Engineer (Go)', 'Munich', 'Full-time'], ['Energy Trading Analyst', 'Munich', 'Full-time'], ['Graduate Programme 2027', 'Munich', 'Full-time']],
    recruiters: [['Sofia Rossi', 'Senior Recruiter'], ['Daniel Keller', 'Campus Recruiter'], ['Ruth Meyer', 'Talent Partner, Software']],
  },
  {
    slug: 'atlas-logistics', name: 'Atlas Logistics', tagline: 'Freight without the paperwork', industry: 'Logistics', location: 'Rotterdam', size: '1000+',
    description: 'Atlas moves containers for 3,000 shippers and replaces fax, phone and spreadsheets with one platform.',
    faqs: [['What does a first week look like?', 'A day in the port, a day with customer support, then your team.'], ['Do you pay relocation?', 'Yes, a fixed relocation budget and temporary housing.'], ['Which stack do you use?', 'TypeScript, Kotlin and PostgreSQL on Kubernetes.']],
    jobs: [['Full-stack Engineer', 'Rotterdam', 'Full-time'], ['Operations Analyst', 'Rotterdam', 'Full-time'], ['Engineering Manager', 'Rotterdam / remote', 'Full-time']],
    recruiters: [['Pieter de Vries', 'Recruiting Manager'], ['Hannah Jansen', 'Technical Recruiter']],
  },
  {
    slug: 'quill-software', name: 'Quill Software', tagline: 'Writing tools for teams', industry: 'SaaS', location: 'Remote (EU)', size: '50–200',
    description: 'Quill makes a collaborative editor used by newsrooms and legal teams. Fully remote, with two company weeks together each year.',
    faqs: [['Is it really fully remote?', 'Yes, anywhere between UTC−1 and UTC+3.'], ['What equipment do I get?', 'A laptop of your choice and a home-office budget.'], ['How are salaries set?', 'A public salary formula, the same across countries.']],
    jobs: [['Senior Backend Engineer', 'Remote (EU)', 'Full-time'], ['Developer Advocate', 'Remote (EU)', 'Full-time'], ['Customer Success Manager', 'Remote (EU)', 'Full-time']],
    recruiters: [['Elena Petrova', 'People Partner'], ['Marc Dubois', 'Recruiter'], ['Yusuf Demir', 'Talent Partner, Customer Teams']],
  },
];

const FIRST = ['Aisha', 'Ben', 'Carla', 'David', 'Emma', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jakob', 'Kira', 'Luca', 'Mia', 'Noah', 'Olga', 'Paul', 'Rosa', 'Samir', 'Tara', 'Viktor'];
const LAST = ['Novak', 'Lindqvist', 'Moreau', 'Costa', 'Nowak', 'Yilmaz', 'Fischer', 'Okafor', 'Garcia', 'Larsen'];
const HEADLINES = [
  'Computer science student looking for a first backend role',
  'Data analyst moving into machine learning',
  'Frontend developer who loves accessible interfaces',
  'Mechanical engineer curious about robotics',
  'UX designer with a research background',
  'Graduate in economics, interested in energy markets',
  'Full-stack developer, five years of TypeScript',
  'Operations specialist ready for a tech company',
];
const LANGS = [['English'], ['English', 'German'], ['English', 'Dutch'], ['English', 'French'], ['English', 'Spanish', 'German'], ['English', 'Turkish']];
const LEVELS = ['student', 'entry', 'mid', 'senior', 'lead'] as const;

export function demoTalents() {
  return Array.from({ length: 40 }, (_, i) => {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]}`;
    const n = String(i + 1).padStart(2, '0');
    return {
      id: `demo-talent-${n}`,
      name,
      email: `talent${n}@demo.fairground.test`,
      headline: HEADLINES[i % HEADLINES.length]!,
      bio: `Hi, I am ${name.split(' ')[0]}. ${HEADLINES[i % HEADLINES.length]!}. Happy to talk about projects I built and what I want to learn next.`,
      languages: LANGS[i % LANGS.length]!,
      experienceLevel: LEVELS[i % LEVELS.length]!,
    };
  });
}

/**
 * Recruiters already open for 1-1 chats when the demo starts, so a new talent can book or
 * request one at once. Browser walks set up availability for the other recruiters themselves,
 * so these two are used by no walk (keep it so). Ruth books directly, Yusuf takes requests.
 */
export const DEMO_OPEN_RECRUITERS = [
  {
    id: 'demo-recruiter-4-3',
    bookingMode: 'direct' as const,
    topics: 'Backend and platform roles, the graduate programme, what on-call is really like.',
    today: { minutes: 15 },
    tomorrow: { minutes: 30, from: '09:00', to: '12:00' },
  },
  {
    id: 'demo-recruiter-6-3',
    bookingMode: 'selective' as const,
    topics: 'Customer success and developer advocacy; working fully remote across time zones.',
    today: { minutes: 30 },
    tomorrow: { minutes: 30, from: '13:00', to: '17:00' },
  },
];
