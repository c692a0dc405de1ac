// Dutch messages of the participation domain: surveys (bevragingen) and voting rounds (stemrondes).
export const participationNl = {
  errors: {
    closesInPast: 'Kies een sluitingsmoment in de toekomst.',
    twoOptions: 'Geef minstens twee keuzemogelijkheden.',
    duplicateOption: 'Twee keuzemogelijkheden hebben dezelfde tekst.',
    proposalKind: 'Een wijzigingsvoorstel leg je voor als voorstel (akkoord, onthouding, niet akkoord, blokkeren).',
    planRequired: 'Kies het plan van het wijzigingsvoorstel.',
    unknownProposal: 'Dit wijzigingsvoorstel bestaat niet in dit plan.',
    proposalDecided: 'Over dit wijzigingsvoorstel is al beslist.',
    choiceRequired: 'Maak een keuze.',
    unknownChoice: 'Kies uit: {{choices}}.',
    scoreTooHigh: 'Een score is hoogstens {{max}}.',
    tooManyDots: 'Je kan hoogstens {{max}} punten verdelen.',
    scaleRange: 'Het hoogste punt van de schaal moet boven het laagste liggen.',
    dutchRequired: 'Een bevraging heeft altijd een Nederlandse versie.',
    unknownQuestion: 'Deze vraag hoort niet bij de bevraging.',
    answerRequired: 'Deze vraag is verplicht.',
    unknownOption: 'Kies een van de mogelijke antwoorden.',
    scaleValue: 'Kies een waarde van {{min}} tot {{max}}.',
    textExpected: 'Typ een antwoord.',
    browserToken: 'Deze browser kan de bevraging niet bijhouden; laat lokale opslag toe.',
  },
} as const;
