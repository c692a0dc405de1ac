import type { DomainCatalog } from './domain-catalogs.js';
import type { participationNl } from './participation.js';

export const participationEn: DomainCatalog<typeof participationNl> = {
  errors: {
    closesInPast: 'Choose a closing time in the future.',
    twoOptions: 'Give at least two options.',
    duplicateOption: 'Two options have the same text.',
    proposalKind: 'A change proposal is put to the vote as a proposal (agree, abstain, disagree, block).',
    planRequired: 'Choose the plan of the change proposal.',
    unknownProposal: 'This change proposal does not exist in this plan.',
    proposalDecided: 'This change proposal has already been decided.',
    choiceRequired: 'Make a choice.',
    unknownChoice: 'Choose from: {{choices}}.',
    scoreTooHigh: 'A score is at most {{max}}.',
    tooManyDots: 'You can hand out at most {{max}} points.',
    scaleRange: 'The top of the scale must be above its bottom.',
    dutchRequired: 'A survey always has a Dutch version.',
    unknownQuestion: 'This question is not part of the survey.',
    answerRequired: 'This question is required.',
    unknownOption: 'Choose one of the possible answers.',
    scaleValue: 'Choose a value from {{min}} to {{max}}.',
    textExpected: 'Type an answer.',
    browserToken: 'This browser cannot keep track of the survey; allow local storage.',
  },
};
