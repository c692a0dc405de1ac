-- Brokering flow (issue #9): steps 1–2 of a participant who may not edit the actor on the map (a guest,
-- or an organisation that is not on the map yet) are kept on the sheet as a draft; an admin applies it
-- to the actor (through the network service, so its history records it).
CREATE TABLE brokering_sheet_drafts (
  sheet_id uuid PRIMARY KEY REFERENCES brokering_sheets(id) ON DELETE CASCADE,
  description text NOT NULL DEFAULT '',
  strengths text[] NOT NULL DEFAULT '{}',
  needs text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  applied_at timestamptz,
  applied_by uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The admin's list "voorgestelde nieuwe actoren" reads open typed partners per region.
CREATE INDEX partner_card_partners_open_proposals_idx ON partner_card_partners (proposal_status) WHERE proposal_status = 'open';
