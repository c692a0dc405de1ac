/** The demo: two regions of the seeds and four accounts, one per role, with printed passwords. */

export const DEMO_PASSWORD_NOTE = 'Demo-wachtwoorden zijn enkel voor de demo: wijzig ze of start met REGIEKAMER_DEMO=0 in productie.';

export const demoRegions = [
  {
    slug: 'zuidelijke-westhoek',
    name: 'Zuidelijke Westhoek (CO7)',
    description:
      'Zeven gemeenten in de zuidelijke Westhoek werken samen aan cultuur en erfgoed: een regionaal netwerk, een uitleendienst en gedeelde communicatie.',
    // The CO7 members of the reference list.
    municipalities: ['33039', '33011', '33040', '33016', '33021', '33041', '33037'],
  },
  {
    slug: 'westhoek',
    name: 'Westhoek',
    description:
      'De referentieregio Westhoek: lokale besturen en partners bouwen samen aan de sociale netwerken van nieuwkomers en aan vrijetijdsparticipatie voor iedereen.',
    // All 18 municipalities of the reference list; the membership stays editable (the seeds speak of 17).
    municipalities: [
      '38002', '38008', '32003', '33039', '32006', '33011', '32010', '38014', '32011',
      '33040', '32030', '33016', '38016', '33021', '38025', '33041', '33029', '33037',
    ],
  },
] as const;

export const demoUsers = [
  {
    email: 'regisseur@demo.regiekamer.be',
    name: 'Ruth Regisseur',
    password: 'regiekamer-admin',
    roles: [
      { region: 'zuidelijke-westhoek', role: 'admin' },
      { region: 'westhoek', role: 'admin' },
    ],
  },
  {
    email: 'partner@demo.regiekamer.be',
    name: 'Pieter Partner',
    password: 'regiekamer-editor',
    roles: [{ region: 'zuidelijke-westhoek', role: 'editor' }],
  },
  {
    email: 'stuurgroep@demo.regiekamer.be',
    name: 'Sara Stuurgroep',
    password: 'regiekamer-steering',
    roles: [
      { region: 'zuidelijke-westhoek', role: 'steering' },
      { region: 'westhoek', role: 'steering' },
    ],
  },
  {
    email: 'lezer@demo.regiekamer.be',
    name: 'Lars Lezer',
    password: 'regiekamer-viewer',
    roles: [{ region: 'westhoek', role: 'viewer' }],
  },
  {
    email: 'coach@demo.regiekamer.be',
    name: 'Chaima Coach',
    password: 'regiekamer-coach',
    roles: [{ region: 'westhoek', role: 'coach' }],
  },
  {
    // The second Westhoek coach (trajectories demo): takes over a participant with a hand-over note.
    email: 'coach2@demo.regiekamer.be',
    name: 'Kobe Coach',
    password: 'regiekamer-coach2',
    roles: [{ region: 'westhoek', role: 'coach' }],
  },
  {
    email: 'trajectbegeleider@demo.regiekamer.be',
    name: 'Tom Trajectbegeleider',
    password: 'regiekamer-trajectbegeleider',
    roles: [{ region: 'westhoek', role: 'trajectbegeleider' }],
  },
  {
    // Linked to Bibliotheek Ieper by the trajectories demo: its placement inbox.
    email: 'bibliotheek@demo.regiekamer.be',
    name: 'Bea Bibliotheek',
    password: 'regiekamer-partner',
    roles: [{ region: 'westhoek', role: 'editor' }],
  },
  {
    // Linked to Albatros by the buddies demo: the coordinator of its buddy programme.
    email: 'buddywerking@demo.regiekamer.be',
    name: 'Bram Buddywerking',
    password: 'regiekamer-buddy',
    roles: [{ region: 'westhoek', role: 'editor' }],
  },
] as const;
